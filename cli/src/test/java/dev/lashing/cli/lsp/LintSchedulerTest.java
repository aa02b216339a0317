package dev.lashing.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LintSchedulerTest {
  private static final Path DOCUMENT = Path.of("/project/compose.yaml");

  @Test
  void burstsOfChangesAskForOneRunOfTheLatestText() throws InterruptedException {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    try (LintScheduler scheduler = new LintScheduler(300)) {
      for (int change = 1; change <= 10; change++) {
        int text = change;
        scheduler.schedule(DOCUMENT, current -> {
          ran.add(text);
          last.countDown();
        });
      }
      assertThat(last.await(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(400);
    }
    assertThat(ran).containsExactly(10);
  }

  @Test
  void aRunningLintLearnsThatANewerChangeReplacedIt() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch replaced = new CountDownLatch(1);
    List<Boolean> currentAfterwards = new CopyOnWriteArrayList<>();
    CountDownLatch second = new CountDownLatch(1);
    try (LintScheduler scheduler = new LintScheduler(0)) {
      scheduler.schedule(DOCUMENT, current -> {
        started.countDown();
        await(replaced);
        currentAfterwards.add(current.getAsBoolean());
      });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      scheduler.schedule(DOCUMENT, current -> second.countDown());
      replaced.countDown();
      assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(currentAfterwards).containsExactly(false);
  }

  /** What a close does after a run (clearing its diagnostics) waits for the run under way, publishing and all. */
  @Test
  void whatRunsAfterTheRunningLintWaitsForItToEnd() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch publish = new CountDownLatch(1);
    CountDownLatch cleared = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    try (LintScheduler scheduler = new LintScheduler(0)) {
      scheduler.schedule(DOCUMENT, current -> {
        started.countDown();
        await(publish);
        order.add("published");
      });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      scheduler.forget(DOCUMENT);
      scheduler.afterRunning(() -> {
        order.add("cleared");
        cleared.countDown();
      });
      assertThat(cleared.await(200, TimeUnit.MILLISECONDS)).as("cleared while the run was publishing").isFalse();
      publish.countDown();
      assertThat(cleared.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(order).containsExactly("published", "cleared");
  }

  @Test
  void aClosedDocumentsRunDoesNotPublish() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    List<Boolean> current = new CopyOnWriteArrayList<>();
    try (LintScheduler scheduler = new LintScheduler(0)) {
      scheduler.schedule(DOCUMENT, stillCurrent -> {
        started.countDown();
        await(closed);
        current.add(stillCurrent.getAsBoolean());
        done.countDown();
      });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      scheduler.forget(DOCUMENT);
      closed.countDown();
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(current).containsExactly(false);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
