package dev.lashing.lint;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to change to resolve a finding, as data: the fix engine turns it into minimal text edits of the
 * user's file, and the patch writer into a Compose override file.
 *
 * <p>Its changes may be worked out only when asked for ({@link #changes()}): a large file yields a million
 * findings, held to the end of the run, and their changes (paths, and the mappings to write) were a third of
 * that memory, though a text report shows only the description and most reports not even that.
 *
 * <p>Equal when the description, the safety and the changes are.
 */
public final class Fix {
  private final String description;
  private final Safety safety;
  private final Supplier<List<Change>> changes;

  /**
   * A fix whose changes are worked out each time they are asked for.
   *
   * @param description one line for people ("bind to 127.0.0.1")
   * @param safety whether applying it can change what the stack does
   * @param changes gives the edits, applied in order: the same edits every time, from any thread
   */
  public Fix(String description, Safety safety, Supplier<List<Change>> changes) {
    this.description = Objects.requireNonNull(description, "description");
    this.safety = Objects.requireNonNull(safety, "safety");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** A fix with its changes given. */
  public Fix(String description, Safety safety, List<Change> changes) {
    this(description, safety, constant(List.copyOf(changes)));
  }

  private static Supplier<List<Change>> constant(List<Change> changes) {
    return () -> changes;
  }

  /** One line for people ("bind to 127.0.0.1"). */
  public String description() {
    return description;
  }

  /** Whether applying it can change what the stack does. */
  public Safety safety() {
    return safety;
  }

  /** The edits, applied in order. */
  public List<Change> changes() {
    return List.copyOf(changes.get());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fix f && description.equals(f.description) && safety == f.safety
        && changes().equals(f.changes());
  }

  @Override
  public int hashCode() {
    return (description.hashCode() * 31 + safety.hashCode()) * 31 + changes().hashCode();
  }

  @Override
  public String toString() {
    return "Fix[description=" + description + ", safety=" + safety + ", changes=" + changes() + "]";
  }

  /** Whether a fix keeps behaviour. */
  public enum Safety {
    /** Keeps what the stack does (a restart policy, log rotation, quoting). */
    SAFE,
    /** May change what the stack does (read-only root, dropped capabilities, an unpublished port). */
    BEHAVIOUR_CHANGING
  }

  /**
   * One edit, addressed by a path from the document root: mapping keys, and {@code [n]} for the n-th
   * item of a list (for example {@code ["services", "web", "restart"]} or
   * {@code ["services", "web", "ports", "[0]"]}). Values are plain Java: String, Long, Double, Boolean,
   * null, List and Map (in insertion order).
   */
  public sealed interface Change {
    List<String> path();

    /**
     * Hands this change to the handler's method for its kind: every handler names every kind, so a new kind
     * does not compile until each place that acts on changes says what it does with it.
     */
    <R, X extends Exception> R handle(Handler<R, X> handler) throws X;
  }

  /** What to do with each kind of {@link Change}; {@code X} is what the handler may throw. */
  public interface Handler<R, X extends Exception> {
    R set(Set change) throws X;

    R append(Append change) throws X;

    R replaceItem(ReplaceItem change) throws X;

    R removeItem(RemoveItem change) throws X;

    R quote(Quote change) throws X;

    R remove(Remove change) throws X;
  }

  /** Set the value at {@code path}, creating the mappings on the way. */
  public record Set(List<String> path, Object value) implements Change {
    public Set {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.set(this);
    }
  }

  /** Append {@code item} to the list at {@code path}, creating it when absent. */
  public record Append(List<String> path, Object item) implements Change {
    public Append {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.append(this);
    }
  }

  /** Replace the list item at {@code path} and {@code index} with {@code item}. */
  public record ReplaceItem(List<String> path, int index, Object item) implements Change {
    public ReplaceItem {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.replaceItem(this);
    }
  }

  /** Remove the list item at {@code path} and {@code index}. */
  public record RemoveItem(List<String> path, int index) implements Change {
    public RemoveItem {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.removeItem(this);
    }
  }

  /** Write the scalar at {@code path} quoted, its value unchanged (for YAML 1.1 readers). */
  public record Quote(List<String> path) implements Change {
    public Quote {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.quote(this);
    }
  }

  /** Remove the key at {@code path}. */
  public record Remove(List<String> path) implements Change {
    public Remove {
      path = List.copyOf(path);
    }

    @Override
    public <R, X extends Exception> R handle(Handler<R, X> handler) throws X {
      return handler.remove(this);
    }
  }
}
