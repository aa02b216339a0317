package dev.lashing.source;

import java.util.List;
import java.util.Objects;

/**
 * Where a value is written ({@link #at()}) and the chain of uses that carried it to where it takes effect
 * ({@link #via()}, outermost last): an alias, a merge key, an {@code extends}, an {@code include}.
 */
public record Origin(SourceRange at, List<Via> via) {

  public Origin {
    via = immutableUses(via);
  }

  /** {@code uses} as an immutable list: a chain of uses is shared as it is (copying it costs its length). */
  public static List<Via> immutableUses(List<Via> uses) {
    return uses instanceof ViaChain chain ? chain : List.copyOf(uses);
  }

  public static Origin at(SourceRange range) {
    return new Origin(range, List.of());
  }

  public Origin plus(Via.Kind kind, SourceRange where) {
    return new Uses(kind, where).added(this);
  }

  /**
   * One use added to the origins of the many nodes it carries (every node of an aliased or merged subtree): one
   * {@link Via} for all of them, and one chain for all whose uses were the same chain before, as the nodes of
   * a subtree usually are. A large file merges an anchor into each of thousands of services; a {@code Via} and
   * a chain per node were a tenth of what it kept in memory.
   */
  public static final class Uses {
    private final Via use;
    private List<Via> before;
    private List<Via> after;

    public Uses(Via.Kind kind, SourceRange where) {
      this.use = new Via(kind, where);
    }

    /** {@code origin} with this use added after its own. */
    public Origin added(Origin origin) {
      if (origin.via != before || after == null) {
        before = origin.via;
        after = ViaChain.of(before).plus(use);
      }
      return new Origin(origin.at, after);
    }
  }

  /** The file a value is written in. */
  public String file() {
    return at.file();
  }

  /**
   * The place a reader of the using file should look at: the last use site in that file, or the definition
   * when the value is written there directly.
   */
  public SourceRange usedAt() {
    return via.isEmpty() ? at : via.get(via.size() - 1).at();
  }

  /**
   * Where a problem with the value is shown: as {@link #usedAt()}, but among the files the value came through
   * an {@code include:} does not count, because the including file only names the file the value is written in.
   */
  public SourceRange problemAt() {
    Via use = ViaChain.lastOtherThan(via, Via.Kind.INCLUDE);
    return use == null ? at : use.at();
  }

  @Override
  public String toString() {
    return via.isEmpty() ? at.toString() : at + " (" + via + ")";
  }

  // equals and hashCode written out: a record's generated ones are linked at run time by a bootstrap method that
  // the ahead-of-time cache cannot hold, which costs every run; the hash is the record's own formula.
  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && Objects.equals(at, other.at) && Objects.equals(via, other.via);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(at) * 31 + Objects.hashCode(via);
  }
}
