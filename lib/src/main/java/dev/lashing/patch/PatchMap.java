package dev.lashing.patch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping of the override file being written. Values are plain Java ({@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, null, {@code List}), nested {@code PatchMap}s, {@link Raw} interpolation
 * templates and {@link Tagged} values. Each entry remembers the rule ids that put it there and an optional
 * note, written as comments.
 */
public final class PatchMap {
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** One key: its value, the rules that caused it and a note on the tag it carries. */
  public static final class Entry {
    private Object value;
    private final Set<String> rules = new TreeSet<>();
    private final List<String> comments = new ArrayList<>();
    private String note;

    Entry(Object value) {
      this.value = value;
    }

    public Object value() {
      return value;
    }

    public Set<String> rules() {
      return rules;
    }

    public String note() {
      return note;
    }

    /** Comment lines written above the key, before the rule ids. */
    public List<String> comments() {
      return comments;
    }
  }

  /** A value written as an interpolation template, as the user wrote it ({@code ${PGUSER:-plane}}). */
  public record Raw(String template) {}

  /** A value carrying {@code !reset} or {@code !override}. */
  public record Tagged(Tag tag, Object value) {}

  /** The Compose merge tags a patch uses. */
  public enum Tag {
    RESET("!reset"),
    OVERRIDE("!override");

    private final String text;

    Tag(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Object get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value;
  }

  public Entry entry(String key) {
    return entries.get(key);
  }

  public Collection<String> keys() {
    return List.copyOf(entries.keySet());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** Sets {@code key}, keeping its rules and position when it is already there. */
  public Entry put(String key, Object value) {
    Entry e = entries.get(key);
    if (e == null) {
      e = new Entry(value);
      entries.put(key, e);
    } else {
      e.value = value;
    }
    return e;
  }

  public void remove(String key) {
    entries.remove(key);
  }

  /** The mapping at {@code key}, created (empty) when absent. */
  public PatchMap child(String key) {
    if (get(key) instanceof PatchMap map) {
      return map;
    }
    PatchMap map = new PatchMap();
    put(key, map);
    return map;
  }

  void note(String key, String note) {
    Entry e = entries.get(key);
    if (e != null) {
      e.note = note;
    }
  }

  void addRule(String key, String ruleId) {
    Entry e = entries.get(key);
    if (e != null && ruleId != null) {
      e.rules.add(ruleId);
    }
  }

  /** Reorders the entries: those named in {@code order} first, in that order, then the rest as they are. */
  void sort(List<String> order) {
    // Ranks looked up, not searched for: the order of a large project's services has thousands of names.
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      ranks.putIfAbsent(order.get(i), i);
    }
    List<String> keys = new ArrayList<>(entries.keySet());
    keys.sort((a, b) -> Integer.compare(ranks.getOrDefault(a, order.size()), ranks.getOrDefault(b, order.size())));
    Map<String, Entry> sorted = new LinkedHashMap<>();
    for (String k : keys) {
      sorted.put(k, entries.get(k));
    }
    entries.clear();
    entries.putAll(sorted);
  }

  /** A plain {@code Map} (from a fix) as a PatchMap, recursively; other values as they are. */
  static Object fromJava(Object value) {
    if (value instanceof Map<?, ?> map) {
      PatchMap result = new PatchMap();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        result.put(String.valueOf(e.getKey()), fromJava(e.getValue()));
      }
      return result;
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      for (Object item : list) {
        result.add(fromJava(item));
      }
      return result;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }
}
