package dev.lashing.source;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable list of uses that shares its beginning with the list it extends: a value carried through a
 * chain of a thousand {@code extends} or {@code include} files gets each use added in constant time, instead
 * of a copy of the whole chain at every step.
 */
final class ViaChain extends AbstractList<Via> {
  private static final ViaChain EMPTY = new ViaChain(null, null, 0, null);
  /** Every kind of use but {@code include}, which {@link Origin#problemAt()} passes over. */
  static final Set<Via.Kind> NOT_INCLUDE =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Via.Kind.INCLUDE)));

  private final ViaChain before;
  private final Via last;
  private final int size;
  /**
   * The longest chain before this one whose last use is of another kind than {@link #last}: a deep chain of
   * includes is passed over in one step.
   */
  private final ViaChain beforeOtherKind;

  private ViaChain(ViaChain before, Via last, int size, ViaChain beforeOtherKind) {
    this.before = before;
    this.last = last;
    this.size = size;
    this.beforeOtherKind = beforeOtherKind;
  }

  static ViaChain of(List<Via> uses) {
    if (uses instanceof ViaChain chain) {
      return chain;
    }
    ViaChain chain = EMPTY;
    for (int i = 0; i < uses.size(); i++) { // counted: an iterator for each node's origin added up
      chain = chain.plus(uses.get(i));
    }
    return chain;
  }

  ViaChain plus(Via use) {
    Objects.requireNonNull(use);
    ViaChain otherKind = size == 0 || last.kind() != use.kind() ? this : beforeOtherKind;
    return new ViaChain(this, use, size + 1, otherKind);
  }

  /** The last of {@code uses} of one of {@code kinds}, found from the end; null when there is none. */
  static Via lastOf(List<Via> uses, Set<Via.Kind> kinds) {
    if (uses instanceof ViaChain chain) {
      // a run of uses of another kind is passed over in one step: a deep chain of includes costs no more
      ViaChain at = chain;
      while (at.size > 0 && !kinds.contains(at.last.kind())) {
        at = at.beforeOtherKind;
      }
      return at.size == 0 ? null : at.last;
    }
    for (int i = uses.size() - 1; i >= 0; i--) {
      if (kinds.contains(uses.get(i).kind())) {
        return uses.get(i);
      }
    }
    return null;
  }

  @Override
  public Via get(int index) {
    Objects.checkIndex(index, size);
    ViaChain chain = this;
    for (int i = size - 1; i > index; i--) {
      chain = chain.before;
    }
    return chain.last;
  }

  @Override
  public int size() {
    return size;
  }

  // Walking the whole list goes through an array made once, not through get(i) for each i.
  @Override
  public Iterator<Via> iterator() {
    return listIterator(0);
  }

  @Override
  public ListIterator<Via> listIterator(int index) {
    Via[] uses = new Via[size];
    ViaChain chain = this;
    for (int i = size - 1; i >= 0; i--) {
      uses[i] = chain.last;
      chain = chain.before;
    }
    return Collections.unmodifiableList(Arrays.asList(uses)).listIterator(index);
  }
}
