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
    return Long.parseLong(checked(key, RuleOption.Type.WHOLE, Long.toString(fallback)));
  }

  /** A {@link RuleOption.Type#MEMORY} option, in bytes. */
  public long memory(String key, long fallback) {
    return ByteSize.parse(checked(key, RuleOption.Type.MEMORY, ByteSize.format(fallback)));
  }

  /** A {@link RuleOption.Type#CPUS} option. */
  public double cpus(String key, double fallback) {
    return Double.parseDouble(checked(key, RuleOption.Type.CPUS, Double.toString(fallback)));
  }

  /**
   * The text of an option of {@code type}, {@code fallback} when it is not set.
   *
   * @throws IllegalArgumentException for a value that is not of the type, which the configuration loader refuses
   *     first: only options made in code get here
   */
  private String checked(String key, RuleOption.Type type, String fallback) {
    String text = string(key, fallback);
    type.mistake(text).ifPresent(mistake -> {
      throw new IllegalArgumentException("option " + key + ": " + mistake + ", not '" + text + "'");
    });
    return text;
  }

  public boolean flag(String key, boolean fallback) {
    Object v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v.toString());
  }
}
