package dev.lashing.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a value is written ({@link #at()}) and the chain of uses that carried it to where it takes effect
 * ({@link #via()}, outermost last): an alias, a merge key, an {@code extends}, an {@code include}. A value used
 * where it is written, as most are, has its range for origin: a tree of a million nodes then keeps no object
 * per node to say that nothing carried it. Equal origins are equal ranges, or equal ranges carried by equal
 * uses.
 */
public sealed interface Origin permits SourceRange, Origin.Carried {

  /** Where the value is written. */
  SourceRange at();

  /** The uses that carried the value, innermost first; empty when it is used where it is written. */
  List<Via> via();

  /** {@code uses} as an immutable list: a chain of uses is shared as it is (copying it costs its length). */
  static List<Via> immutableUses(List<Via> uses) {
    return uses instanceof ViaChain chain ? chain : List.copyOf(uses);
  }

  /** A value used where it is written. */
  static Origin at(SourceRange range) {
    return range;
  }

  /** A value written at {@code at} and carried by {@code via}. */
  static Origin of(SourceRange at, List<Via> via) {
    return via.isEmpty() ? at : new Carried(at, via);
  }

  default Origin plus(Via.Kind kind, SourceRange where) {
    return new Uses(kind, where).added(this);
  }

  /** A value carried by at least one use. */
  record Carried(SourceRange at, List<Via> via) implements Origin {
    public Carried {
      Objects.requireNonNull(at, "at");
      via = immutableUses(via);
      if (via.isEmpty()) {
        throw new IllegalArgumentException("a carried value has at least one use: Origin.of gives the range");
      }
    }

    @Override
    public String toString() {
      return at + " (" + via + ")";
    }

    // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
    @Override
    public boolean equals(Object o) {
      return o instanceof Carried other && at.equals(other.at) && via.equals(other.via);
    }

    @Override
    public int hashCode() {
      return at.hashCode() * 31 + via.hashCode();
    }
  }

  /**
   * One use added to the origins of the many nodes it carries (every node of an aliased or merged subtree): one
   * {@link Via} for all of them, and one chain for all whose uses were the same chain before, as the nodes of
   * a subtree usually are. A large file merges an anchor into each of thousands of services; a {@code Via} and
   * a chain per node were a tenth of what it kept in memory.
   */
  final class Uses {
    private final Via use;
    private List<Via> before;
    private List<Via> after;

    public Uses(Via.Kind kind, SourceRange where) {
      this.use = new Via(kind, where);
    }

    /** {@code origin} with this use added after its own. */
    public Origin added(Origin origin) {
      if (origin.via() != before || after == null) {
        before = origin.via();
        after = ViaChain.of(before).plus(use);
      }
      return new Carried(origin.at(), after);
    }
  }

  /** The file a value is written in. */
  default String file() {
    return at().file();
  }

  /**
   * The place a reader of the using file should look at: the last use site in that file, or the definition
   * when the value is written there directly.
   */
  default SourceRange usedAt() {
    List<Via> via = via();
    return via.isEmpty() ? at() : via.get(via.size() - 1).at();
  }

  /** The last of the uses that carried the value that is of one of {@code kinds}; null when there is none. */
  default Via lastUse(Set<Via.Kind> kinds) {
    return ViaChain.lastOf(via(), kinds);
  }

  /**
   * Where a problem with the value is shown: as {@link #usedAt()}, but among the files the value came through
   * an {@code include:} does not count, because the including file only names the file the value is written in.
   */
  default SourceRange problemAt() {
    Via use = lastUse(ViaChain.NOT_INCLUDE);
    return use == null ? at() : use.at();
  }
}
