package dev.lashing.cli.lsp;

import dev.lashing.cli.DeepStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs lints one at a time on one thread, each a moment after the last change of its document (debounce),
 * so that typing asks for one run, not one per key. A run not yet started is replaced by a newer request
 * for the same document; one already running stops at its next check of {@code current} (after a load,
 * before the rules, before publishing), so a stale run of a large file does not hold up the new one.
 */
final class LintScheduler implements AutoCloseable {
  /** A lint that publishes only while {@code current} says no newer request replaced it. */
  interface Task {
    void run(BooleanSupplier current);
  }

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
    Thread thread = DeepStack.thread(r, "lashing-lsp-lint");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Path, Long> generations = new ConcurrentHashMap<>();
  private final Map<Path, Future<?>> pending = new ConcurrentHashMap<>();
  private final long delayMillis;

  LintScheduler(long delayMillis) {
    this.delayMillis = delayMillis;
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  void schedule(Path document, Task task) {
    if (executor.isShutdown()) {
      return; // the server is shutting down: nothing more is published
    }
    long generation = generations.merge(document, 1L, Long::sum);
    BooleanSupplier current = () -> generations.getOrDefault(document, -1L) == generation;
    Future<?> next;
    try {
      next = executor.schedule(() -> {
        if (current.getAsBoolean()) {
          task.run(current);
        }
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDownMeanwhile) {
      return;
    }
    Future<?> previous = pending.put(document, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /**
   * Runs {@code task} on the lint thread once the run under way (if any) has ended: what it does then cannot be
   * overtaken by that run's publishing, nor undone by it.
   */
  void afterRunning(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException shutDown) {
      // the server is shutting down: nothing more is published
    }
  }

  /** Drops a closed document: its waiting run is cancelled and a running one will not publish. */
  void forget(Path document) {
    generations.remove(document);
    Future<?> previous = pending.remove(document);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /**
   * Drops the waiting runs and tells a running one to stop. It is not interrupted: it may be writing to the
   * editor's stream, and an interrupt closes an interruptible channel for good, with the shutdown reply unsent.
   */
  @Override
  public void close() {
    generations.clear();
    executor.shutdown();
  }
}
