package dev.lashing.lint;

import java.util.List;
import java.util.Map;

/** A rule's options from the configuration file: strings, numbers, booleans, lists and maps. */
public record RuleOptions(Map<String, Object> values) {
  public static final RuleOptions NONE = new RuleOptions(Map.of());

  public RuleOptions {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** These options with {@code key} set to {@code value}. */
  public RuleOptions with(String key, Object value) {
    Map<String, Object> changed = new java.util.LinkedHashMap<>(values);
    changed.put(key, value);
    return new RuleOptions(changed);
  }

  public String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : v.toString();
  }

  /** A list of strings; a single string counts as a list of one. */
  public List<String> strings(String key, List<String> fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(v.toString());
  }

  public boolean flag(String key, boolean fallback) {
    Object v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v.toString());
  }
}
