package dev.lashing.load;

import dev.lashing.tree.MapNode;
import dev.lashing.yaml.YamlReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * The services of a large file walked through the loader's per-service steps while the rest of the file is still
 * being read: the reader tells of each service as soon as it is read whole, and each run of them is walked while
 * a thread would otherwise wait. When the parser has a thread of its own, the reading thread walks the runs while
 * it waits for the parser's events, so that the parser, which the reading waits for, keeps its core; the runs
 * left when the file is read go to the common pool. When the reading thread parses, the runs go to the common
 * pool at once. What a run finds is the step's own for that slice of the services ({@link ServiceSlices}), so
 * joining the runs gives what walking the document would.
 *
 * <p>A run is taken only if the document, once read and stripped of its {@code !reset} values, holds exactly the
 * services walked, the same entries in the same order, and if the walk did not fail; else the document is walked
 * as if nothing had been done ahead.
 */
final class ServicesAhead implements YamlReader.Watcher {
  /**
   * Services per run: a file with fewer in a document is not walked ahead, as handing them over costs more; and
   * few enough that the reading thread, walking one, is back before the parser has filled its queue.
   */
  static final int RUN = 64;

  /**
   * A run's slice after each step, with what each step found in it, whether it asked for the project name, and
   * whether it was walked as part of a document merged over earlier ones.
   */
  record Walked(List<Step> steps, boolean askedName, boolean later) {}

  /** One step's result on a slice. */
  record Step(MapNode slice, ServiceSlices.Found found) {}

  /**
   * The walk of one run of services, done once, by whichever thread claims it first: a pool thread takes the runs
   * from the first, and the reading thread, when it needs them, from the last, so neither waits while a run is left.
   */
  private final class Walk implements Runnable {
    private final int document;
    private final List<MapNode.Entry> services;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    /** Null when it failed or was abandoned; written before {@link #done} counts down. */
    private Walked walked;

    Walk(int document, List<MapNode.Entry> services) {
      this.document = document;
      this.services = services;
    }

    /** Walks the run unless another thread has claimed it. */
    @Override
    public void run() {
      claim();
    }

    /** Walks the run if no thread has claimed it; false when one has. */
    boolean claim() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      try {
        walked = abandoned ? null : walk.apply(document, services);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // walked again in order, where it fails as it would have (a pool thread's stack is the shorter) and where
        // running out of memory is reported; thrown on from a pool thread, an error was printed with its stack
        walked = null;
      } finally {
        done.countDown();
      }
      return true;
    }

    /** The run walked, by this thread if no other has started it, else once the other is done. */
    Walked joined() {
      claim();
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the walk ends by itself; the interrupt is kept for the caller
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return walked;
    }
  }

  private final int run;
  private final BiFunction<Integer, List<MapNode.Entry>, Walked> walk;
  private final Map<Integer, List<Walk>> runs = new HashMap<>();
  private final Map<Integer, List<MapNode.Entry>> pending = new HashMap<>();
  /** The runs not walked yet while the reading thread walks them; null while the pool does. */
  private Deque<Walk> unwalked;
  private volatile boolean abandoned;

  /**
   * @param run services per run
   * @param walk the steps over a slice holding the given services of the given document; may run on any thread,
   *     so it must only read what does not change while the file is read
   */
  ServicesAhead(int run, BiFunction<Integer, List<MapNode.Entry>, Walked> walk) {
    this.run = run;
    this.walk = walk;
  }

  @Override
  public String key() {
    return "services";
  }

  @Override
  public void entryRead(int document, MapNode.Entry entry) {
    List<MapNode.Entry> services = pending.computeIfAbsent(document, d -> new ArrayList<>());
    services.add(entry);
    if (services.size() == run) {
      submit(document);
    }
  }

  @Override
  public void documentRead(int document) {
    if (runs.containsKey(document) && pending.containsKey(document)) {
      submit(document); // the last run, shorter, of a document that has runs
    }
    pending.remove(document);
  }

  @Override
  public void parsedAhead() {
    unwalked = new ArrayDeque<>();
  }

  @Override
  public boolean workWhileWaiting() {
    Walk next = unwalked.poll();
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  @Override
  public void fileRead() {
    if (unwalked != null) {
      unwalked.forEach(ForkJoinPool.commonPool()::execute);
      unwalked = null;
    }
  }

  private void submit(int document) {
    Walk next = new Walk(document, List.copyOf(pending.remove(document)));
    if (unwalked != null) {
      unwalked.add(next);
    } else {
      ForkJoinPool.commonPool().execute(next);
    }
    runs.computeIfAbsent(document, d -> new ArrayList<>()).add(next);
  }

  /** Nothing walked ahead will be taken (the file could not be read): runs not started yet are skipped. */
  void abandon() {
    abandoned = true;
  }

  /**
   * The runs of document {@code document}, walked, if {@code services} are the entries they walked, in order,
   * and every walk succeeded; else null. This thread walks the runs no other has started, from the last back, as the
   * pool's thread goes on from the first, and then waits for those still going on.
   */
  List<Walked> take(int document, List<MapNode.Entry> services) {
    List<Walk> walks = runs.remove(document);
    if (walks == null) {
      return null;
    }
    int last = walks.size() - 1;
    while (last >= 0 && walks.get(last).claim()) {
      last--; // walked here, from the last run back to those the pool has claimed
    }
    List<Walked> taken = new ArrayList<>(walks.size());
    int at = 0;
    boolean same = true;
    for (Walk w : walks) {
      Walked walked = w.joined();
      same = same && walked != null && at + w.services.size() <= services.size()
          && sameEntries(w.services, services.subList(at, at + w.services.size()));
      at += w.services.size();
      taken.add(walked);
    }
    return same && at == services.size() ? taken : null;
  }

  private static boolean sameEntries(List<MapNode.Entry> walked, List<MapNode.Entry> read) {
    for (int i = 0; i < walked.size(); i++) {
      if (walked.get(i) != read.get(i)) {
        return false;
      }
    }
    return true;
  }
}
