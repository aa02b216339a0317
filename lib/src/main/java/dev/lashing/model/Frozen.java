package dev.lashing.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies that keep written order, for the records' compact constructors. */
final class Frozen {
  private Frozen() {}

  static <T> List<T> list(List<T> list) {
    return List.copyOf(list);
  }

  /**
   * An empty map is the shared empty one: most of a service's maps are empty, and a service has a dozen. Any
   * other is copied into an {@link OrderedMap} (unless it is one already); the map a binder built to hand over
   * is then garbage while still young, which costs the collector nothing.
   */
  static <V> Map<String, V> map(Map<String, V> map) {
    if (map.isEmpty()) {
      return Collections.emptyMap();
    }
    return map instanceof OrderedMap ? map : OrderedMap.copyOf(map);
  }
}
