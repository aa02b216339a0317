package dev.lashing.load;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How much one load may build beyond what its files write, so that a few hostile lines cannot take minutes and
 * gigabytes. A short port range is one binding per port ({@code 1-65535:1-65535} is 65,535, each a mapping in the
 * tree and a port in the model, the costliest thing a project holds), {@code extends} copies its base, port
 * bindings included, into every service that names it, and an env file's variables go into the environment of
 * every service that reads it. Compose builds them all without a limit; these limits are far beyond any real
 * stack (every port of a host on two protocols is 131,070 bindings) and keep the worst a small file can ask to
 * seconds and a few hundred MiB. What would go past a limit is refused where it is written, and the rest of the
 * project is read.
 *
 * <p>Ranges are expanded on slices of the services side by side ({@link ServiceSlices}, {@link ServicesAhead}),
 * where which entry reaches the limit first depends on the threads. A budget for such a load therefore refuses
 * no binding: it throws {@link Exceeded}, and the project is loaded again with a budget {@link #inOrder()},
 * walking the services one after another, so that the same entries are refused every time. The nodes that
 * {@code extends} and env files copy are counted in written order in either load.
 */
final class ExpansionBudget {
  /** The port bindings that short ranges make and {@code extends} copies, in one project. */
  static final long BINDINGS = 1L << 17;
  /**
   * The nodes that {@code extends} and env files copy into the services of a project (two for each variable),
   * unless its files have more characters: a chain of a thousand services in one file, each adding a variable to
   * the one before, copies about a million; a base of 65,535 labels may be copied 16 times.
   */
  static final long COPIED_NODES = 1L << 21;

  /**
   * The nodes that the steps of {@code extends} chains through other files copy, each step dropped once the next
   * is made: they cost time, not memory. A chain of 2,000 files, each adding a variable, copies about 4 million.
   */
  static final long STEP_NODES = 1L << 23;

  /** Why these limits are set: the end of each refusal's message. */
  private static final String NO_SUCH_LIMIT_IN_COMPOSE =
      "so that a few lines cannot take gigabytes; Compose sets no such limit";

  /** Thrown by a budget that is not {@link #inOrder()} when bindings would go past it. */
  static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("expansion budget exceeded", null, false, false); // caught by the loader, never shown
    }
  }

  /** What keeps a copy of a base from being made: nothing, its port bindings or its nodes. */
  enum Refusal { NONE, BINDINGS, NODES }

  private final boolean inOrder;
  private final long bindingsLimit;
  private final long copiedNodesLimit;
  private final AtomicLong bindings = new AtomicLong();
  private final AtomicLong copied = new AtomicLong();
  private final AtomicLong stepped = new AtomicLong();

  private ExpansionBudget(boolean inOrder, long bindingsLimit, long copiedNodesLimit) {
    this.inOrder = inOrder;
    this.bindingsLimit = bindingsLimit;
    this.copiedNodesLimit = copiedNodesLimit;
  }

  /** For a load that may walk services side by side. */
  static ExpansionBudget sideBySide() {
    return new ExpansionBudget(false, BINDINGS, COPIED_NODES);
  }

  /** For a load that walks its services in written order, one after another. */
  static ExpansionBudget inOrder() {
    return inOrder(BINDINGS, COPIED_NODES);
  }

  /** The same with other limits, which a test reaches with a small project. */
  static ExpansionBudget inOrder(long bindingsLimit, long copiedNodesLimit) {
    return new ExpansionBudget(true, bindingsLimit, copiedNodesLimit);
  }

  /** The most nodes that copies may have in all, in a project whose files hold {@code characters} characters. */
  long copiedNodesLimit(LongSupplier characters) {
    return Math.max(copiedNodesLimit, characters.getAsLong());
  }

  /**
   * The refusal, at {@code at}, of what would go past one of these limits: an error of Lashing's own, not of
   * Compose's. {@code message} says what would go past it and ends with one of the reasons below.
   */
  static Diagnostic refusal(SourceRange at, String message) {
    return Diagnostic.pastLashingLimit(Diagnostic.Kind.INVALID_VALUE, at, message);
  }

  /** Why bindings that ranges and {@code extends} made before, with the ones refused, are too many. */
  String pastBindingsLimit() {
    return String.format(Locale.ROOT, "this project would have more than %,d (every port of a host on two"
        + " protocols), the most Lashing builds, %s", bindingsLimit, NO_SUCH_LIMIT_IN_COMPOSE);
  }

  /**
   * Why the copies of {@code copiers} ("extends and env files"), with the one refused, are too many, in a
   * project whose files hold {@code characters} characters.
   */
  String pastCopiedNodesLimit(String copiers, LongSupplier characters) {
    return String.format(Locale.ROOT, "%s would copy more than %,d nodes into services in this project (in a"
        + " larger one, more than its files have characters), the most Lashing copies, %s", copiers,
        copiedNodesLimit(characters), NO_SUCH_LIMIT_IN_COMPOSE);
  }

  /** Why the steps of {@code extends} chains through other files, with the one refused, copy too much. */
  static String pastStepNodesLimit() {
    return String.format(Locale.ROOT, "the chains of extends through other files would copy more than %,d nodes"
        + " in this project, the most Lashing copies, so that a few files cannot take minutes; Compose sets no such"
        + " limit", STEP_NODES);
  }

  /**
   * Whether {@code count} more port bindings, of a range or copied by {@code extends}, may be made; false when they
   * would go past the limit, and then they count for nothing.
   *
   * @throws Exceeded when they would go past the limit and this budget is not in order
   */
  boolean addBindings(long count) {
    if (bindings.addAndGet(count) <= bindingsLimit) {
      return true;
    }
    if (!inOrder) {
      throw new Exceeded(); // the count stays past the limit, so the walk of any later range throws too
    }
    bindings.addAndGet(-count);
    return false;
  }

  /**
   * Whether a base of {@code nodes} nodes and {@code bindings} port bindings may be copied into a service that
   * extends it, in a project whose files hold {@code characters} characters: see {@link #copyNodes}. A refused copy
   * counts for nothing.
   *
   * @throws Exceeded when its bindings would go past the limit and this budget is not in order
   */
  Refusal copyBase(long nodes, int bindings, LongSupplier characters) {
    if (bindings > 0 && !addBindings(bindings)) {
      return Refusal.BINDINGS;
    }
    if (copyNodes(nodes, characters)) {
      return Refusal.NONE;
    }
    this.bindings.addAndGet(-bindings);
    return Refusal.NODES;
  }

  /**
   * Whether {@code nodes} nodes may be copied into a service (a base it extends, the variables of an env file it
   * reads), in a project whose files hold {@code characters} characters (asked only past the constant limit): in
   * all, the copies may have as many nodes as that, or {@link #COPIED_NODES}, so that a large file of many services
   * extending small bases is read whole. False when the copy would go past the limit, and then it counts for
   * nothing. Copies are made in written order, one document after another, so the same copies are refused whatever
   * the threads do.
   */
  boolean copyNodes(long nodes, LongSupplier characters) {
    long total = copied.addAndGet(nodes);
    if (total <= copiedNodesLimit || total <= copiedNodesLimit(characters)) {
      return true;
    }
    copied.addAndGet(-nodes);
    return false;
  }

  /**
   * Whether a step of a chain of {@code extends} through other files may copy {@code nodes} nodes; false past
   * {@link #STEP_NODES}, and then it counts for nothing. Counted in written order, as {@link #copyNodes} is.
   */
  boolean copyStep(long nodes) {
    if (stepped.addAndGet(nodes) <= STEP_NODES) {
      return true;
    }
    stepped.addAndGet(-nodes);
    return false;
  }
}
