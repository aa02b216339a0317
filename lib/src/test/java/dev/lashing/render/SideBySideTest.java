package dev.lashing.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a run that waits for a chunk no thread does hangs: that fails here instead of stalling the build
@Timeout(30)
class SideBySideTest {
  private static final int CHUNK = 512;
  private static final int WINDOW = 16;

  @Test
  void handsOnEveryItemOnceInOrder() {
    List<Integer> handedOn = new ArrayList<>();
    SideBySide.inOrder(100_000, SideBySideTest::range, handedOn::addAll);
    assertThat(handedOn).isEqualTo(range(0, 100_000));
  }

  @Test
  void aFewItemsAreOneChunkAndNoneAreNothing() {
    List<List<Integer>> chunks = new ArrayList<>();
    SideBySide.inOrder(0, SideBySideTest::range, chunks::add);
    assertThat(chunks).isEmpty();
    SideBySide.inOrder(3, SideBySideTest::range, chunks::add);
    assertThat(chunks).containsExactly(List.of(0, 1, 2));
  }

  @Test
  void theChunksAreDoneOnMoreThanOneThreadWhenThePoolHasOne() {
    assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 0, "the common pool has no thread");
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    // 80 chunks of 5 ms: time enough for a pool thread to start on a busy machine
    SideBySide.inOrder(80 * CHUNK, (from, to) -> {
      threads.add(Thread.currentThread());
      pause(5);
      return from;
    }, from -> { });
    assertThat(threads).hasSizeGreaterThan(1).contains(Thread.currentThread());
  }

  @Test
  void aSlowSinkHoldsAtMostAWindowOfResultsAhead() {
    assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 0, "the common pool has no thread");
    AtomicInteger started = new AtomicInteger();
    AtomicInteger handedOn = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    SideBySide.inOrder(100 * CHUNK, (from, to) -> {
      mostAhead.accumulateAndGet(started.incrementAndGet() - handedOn.get(), Math::max);
      return from;
    }, from -> {
      pause(2);
      handedOn.incrementAndGet();
    });
    assertThat(handedOn).hasValue(100);
    // the chunk being handed on, and a window after it
    assertThat(mostAhead.get()).isBetween(2, WINDOW + 1);
  }

  @Test
  void aChunkThatFailsFailsTheCallOnTheCallingThread() {
    List<Integer> handedOn = new ArrayList<>();
    assertThatThrownBy(() -> SideBySide.inOrder(50 * CHUNK, (from, to) -> {
      if (from == 30 * CHUNK) {
        throw new IllegalStateException("chunk 30");
      }
      return from;
    }, handedOn::add)).isInstanceOf(IllegalStateException.class).hasMessage("chunk 30");
    assertThat(handedOn).allMatch(from -> from < 30 * CHUNK);
    assertThat(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aSinkThatFailsStopsTheChunksAfterIt() {
    AtomicInteger started = new AtomicInteger();
    assertThatThrownBy(() -> SideBySide.inOrder(1000 * CHUNK, (from, to) -> {
      started.incrementAndGet();
      return from;
    }, from -> {
      if (from == 2 * CHUNK) {
        throw new IOException("disk full");
      }
    })).isInstanceOf(IOException.class);
    // a helper left waiting for the window to move would keep its pool thread busy
    assertThat(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS)).isTrue();
    assertThat(started.get()).isLessThanOrEqualTo(3 + WINDOW);
  }

  @Test
  void anInterruptWhileAHelperDoesTheChunkDueCancelsTheRun() {
    assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 0, "the common pool has no thread");
    Thread caller = Thread.currentThread();
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertThatThrownBy(() -> SideBySide.inOrder(40 * CHUNK, (from, to) -> {
        if (Thread.currentThread() == caller) {
          // interrupted from its first chunk on, whichever chunk the helper took first
          Thread.currentThread().interrupt();
          spin(5);
        } else {
          await(release); // the helper's chunk is done only when the test lets it
        }
        return from;
      }, from -> { })).isInstanceOf(CancellationException.class);
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      release.countDown();
    }
    assertThat(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS)).isTrue();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  private static void spin(int millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
