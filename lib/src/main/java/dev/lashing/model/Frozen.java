package dev.lashing.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies that keep written order, for the records' compact constructors. */
final class Frozen {
  private Frozen() {}

  static <T> List<T> list(List<T> list) {
    return List.copyOf(list);
  }

  /** An empty map is the shared empty one: most of a service's maps are empty, and a service has a dozen. */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
