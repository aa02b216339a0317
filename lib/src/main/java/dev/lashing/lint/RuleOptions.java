package dev.lashing.lint;

import dev.lashing.syntax.ByteSize;
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

  /** A {@link RuleOption.Type#WHOLE} option. */
  public long whole(String key, long fallback) {
    String text = checked(key, RuleOption.Type.WHOLE);
    return text == null ? fallback : Long.parseLong(text);
  }

  /** A {@link RuleOption.Type#MEMORY} option, in bytes. */
  public long memory(String key, long fallback) {
    String text = checked(key, RuleOption.Type.MEMORY);
    return text == null ? fallback : ByteSize.parse(text);
  }

  /** A {@link RuleOption.Type#CPUS} option. */
  public double cpus(String key, double fallback) {
    String text = checked(key, RuleOption.Type.CPUS);
    return text == null ? fallback : Double.parseDouble(text);
  }

  /**
   * The text of an option of {@code type}, null when it is not set (the caller's fallback is a value already, not
   * text to check and read back, which cost every service of every lint a few parses).
   *
   * @throws IllegalArgumentException for a value that is not of the type, which the configuration loader refuses
   *     first: only options made in code get here
   */
  private String checked(String key, RuleOption.Type type) {
    String text = string(key, null);
    if (text != null) {
      type.mistake(text).ifPresent(mistake -> {
        throw new IllegalArgumentException("option " + key + ": " + mistake + ", not '" + text + "'");
      });
    }
    return text;
  }

  public boolean flag(String key, boolean fallback) {
    Object v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v.toString());
  }
}
