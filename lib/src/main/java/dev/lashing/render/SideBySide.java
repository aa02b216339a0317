package dev.lashing.render;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

/**
 * Work on a long run of items (the findings of a large report) done a chunk of items at a time on every core,
 * and handed on in order by the calling thread: the output does not depend on the threads. While the caller
 * hands on one chunk (encodes and writes it), the pool's threads go on with the next ones, up to a window ahead
 * of it, so only a window's results are held at once; the caller works on chunks too when it would otherwise
 * wait, so the run ends even when the pool has no thread to spare.
 */
public final class SideBySide {
  /** Items done by one task. */
  private static final int CHUNK = 512;
  /** Chunks done ahead of the one the caller hands on next, at most. */
  private static final int WINDOW = 16;

  private SideBySide() {}

  /** Does the items {@code from} (inclusive) to {@code to}; called from several threads at once. */
  public interface Chunk<T> {
    T of(int from, int to);
  }

  /** Takes each chunk's result, in order. */
  public interface Sink<T, X extends Exception> {
    void accept(T result) throws X;
  }

  /** Whether a run of this many items is worth doing side by side. */
  public static boolean worthIt(int items) {
    return items > CHUNK;
  }

  public static <T, X extends Exception> void inOrder(int items, Chunk<T> chunk, Sink<? super T, X> out) throws X {
    inOrder(items, CHUNK, chunk, out);
  }

  /**
   * Like {@link #inOrder(int, Chunk, Sink)}, {@code size} items a chunk: a few items of very unequal cost (the
   * rules of a lint) are best claimed one at a time, so that no thread waits while one is left.
   */
  public static <T, X extends Exception> void inOrder(int items, int size, Chunk<T> chunk, Sink<? super T, X> out)
      throws X {
    int chunks = (items + size - 1) / size;
    if (chunks <= 1) {
      if (items > 0) {
        out.accept(chunk.of(0, items));
      }
      return;
    }
    Run<T> run = new Run<>(items, size, chunks, chunk);
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks - 1);
    for (int i = 0; i < helpers; i++) {
      ForkJoinPool.commonPool().execute(run::help);
    }
    try {
      for (int i = 0; i < chunks; i++) {
        out.accept(run.take(i));
      }
    } finally {
      run.stop();
    }
  }

  /** The chunks of one call: which are claimed, which are done, and the results not yet handed on. */
  private static final class Run<T> {
    private final int items;
    /** Items a chunk. */
    private final int size;
    private final int chunks;
    private final Chunk<T> chunk;
    /** Results by chunk number modulo the window; {@code done} says which slots hold one. */
    private final Object[] results = new Object[WINDOW];
    private final boolean[] done = new boolean[WINDOW];
    /** The next chunk no thread has claimed. */
    private int unclaimed;
    /** The chunks handed on so far. */
    private int taken;
    private boolean stopped;
    private Throwable failure;

    Run(int items, int size, int chunks, Chunk<T> chunk) {
      this.items = items;
      this.size = size;
      this.chunks = chunks;
      this.chunk = chunk;
    }

    /** A pool thread's part: chunks claimed and done until none is left or the caller stopped. */
    void help() {
      for (int claimed = claim(true); claimed >= 0; claimed = claim(true)) {
        if (!doChunk(claimed)) {
          return;
        }
      }
    }

    /**
     * Chunk {@code index}'s result, done by this thread when no other has claimed it. An interrupt while a helper
     * does it cancels the run.
     */
    T take(int index) {
      while (true) {
        int claimed;
        synchronized (this) {
          if (failure != null) {
            throw rethrown(failure);
          }
          int slot = index % WINDOW;
          if (done[slot]) {
            @SuppressWarnings("unchecked") // only results of Chunk<T> are stored
            T result = (T) results[slot];
            results[slot] = null;
            done[slot] = false;
            taken++;
            notifyAll(); // a slot is free for a helper waiting on the window
            return result;
          }
          claimed = claim(false);
          if (claimed < 0 && !waitHere()) { // chunk index is being done by a helper
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while a chunk was being done");
          }
        }
        if (claimed >= 0) {
          doChunk(claimed);
        }
      }
    }

    /**
     * The next chunk within the window, claimed, or -1 when there is none. A helper waits for the window to move
     * on; the caller never does, since only it moves the window.
     */
    private synchronized int claim(boolean helper) {
      while (helper && !stopped && failure == null && unclaimed < chunks && unclaimed >= taken + WINDOW) {
        if (!waitHere()) {
          Thread.currentThread().interrupt();
          return -1; // an interrupted helper stops; the caller does what is left
        }
      }
      if (stopped || failure != null || unclaimed >= chunks || unclaimed >= taken + WINDOW) {
        return -1;
      }
      return unclaimed++;
    }

    /** Does a claimed chunk and stores its result; false when it failed (the caller then throws). */
    private boolean doChunk(int index) {
      try {
        T result = chunk.of(index * size, Math.min(items, (index + 1) * size));
        synchronized (this) {
          results[index % WINDOW] = result;
          done[index % WINDOW] = true;
          notifyAll();
        }
        return true;
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          if (failure == null) {
            failure = e;
          }
          notifyAll();
        }
        return false;
      }
    }

    synchronized void stop() {
      stopped = true;
      notifyAll();
    }

    /** Waits to be notified; false when interrupted instead. */
    private boolean waitHere() {
      try {
        wait();
        return true;
      } catch (InterruptedException e) {
        return false;
      }
    }

    /** A chunk's failure, thrown again by the caller: an unchecked exception, or an error as it is. */
    private static RuntimeException rethrown(Throwable failure) {
      if (failure instanceof RuntimeException e) {
        return e;
      }
      throw (Error) failure;
    }
  }
}
