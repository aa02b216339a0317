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

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
