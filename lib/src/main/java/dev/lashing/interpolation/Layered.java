package dev.lashing.interpolation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Two environments read as one, neither copied: a variable of {@code first} wins over the same variable of
 * {@code second}. An env file may hold a million variables, and a copy of them costs as much as reading them,
 * once to put the OS environment over them and once more to set the project's name. Unmodifiable; iterated
 * as {@code first}'s variables, then the rest of {@code second}'s (the order of an environment means nothing
 * to Compose). Both maps must not change afterwards.
 */
final class Layered extends AbstractMap<String, String> {
  private final Map<String, String> first;
  private final Map<String, String> second;
  private final int size;

  Layered(Map<String, String> first, Map<String, String> second) {
    this.first = first;
    this.second = second;
    int onlyInFirst = 0;
    for (String name : first.keySet()) {
      if (!second.containsKey(name)) {
        onlyInFirst++;
      }
    }
    this.size = second.size() + onlyInFirst;
  }

  @Override
  public String get(Object name) {
    String value = first.get(name);
    return value != null || first.containsKey(name) ? value : second.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return first.containsKey(name) || second.containsKey(name);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private final Iterator<Entry<String, String>> firsts = first.entrySet().iterator();
          private final Iterator<Entry<String, String>> seconds = second.entrySet().iterator();
          private Entry<String, String> next = advance();

          private Entry<String, String> advance() {
            if (firsts.hasNext()) {
              return new SimpleImmutableEntry<>(firsts.next());
            }
            while (seconds.hasNext()) {
              Entry<String, String> e = seconds.next();
              if (!first.containsKey(e.getKey())) {
                return new SimpleImmutableEntry<>(e);
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Entry<String, String> next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            Entry<String, String> current = next;
            next = advance();
            return current;
          }
        };
      }
    };
  }
}
