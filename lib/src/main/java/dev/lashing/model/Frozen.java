package dev.lashing.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Unmodifiable copies that keep written order, for the records' compact constructors. */
final class Frozen {
  private Frozen() {}

  static <T> List<T> list(List<T> list) {
    return List.copyOf(list);
  }

  /**
   * An empty map is the shared empty one: most of a service's maps are empty, and a service has a dozen. A map
   * {@link #handedOver} is taken as it is: copying a service's million labels kept two maps of them alive.
   */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map.isEmpty()) {
      return Collections.emptyMap();
    }
    return map instanceof HandedOver ? map : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@code map} unmodifiable, for a binder that made it and hands it to a record without keeping it. */
  static <K, V> Map<K, V> handedOver(LinkedHashMap<K, V> map) {
    return new HandedOver<>(map);
  }

  /** A map no one can change any more, which {@link #map} need not copy. */
  private static final class HandedOver<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> map;

    HandedOver(LinkedHashMap<K, V> map) {
      this.map = Collections.unmodifiableMap(map);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return map.entrySet();
    }

    @Override
    public V get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }
  }
}
