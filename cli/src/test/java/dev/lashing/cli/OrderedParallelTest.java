package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {
  @Test
  void resultsKeepTheOrderOfTheItemsWhateverFinishesFirst() {
    List<Integer> items = IntStream.range(0, 20).boxed().toList();
    CountDownLatch lastDone = new CountDownLatch(1);
    List<String> results = OrderedParallel.map(items, i -> {
      if (i == 0) {
        awaitQuietly(lastDone); // the first item finishes after the last one (when there are two cores)
      }
      if (i == items.size() - 1) {
        lastDone.countDown();
      }
      return "item " + i;
    });
    assertThat(results).containsExactlyElementsOf(items.stream().map(i -> "item " + i).toList());
  }

  @Test
  void aFailureIsRethrownAsThrown() {
    IllegalStateException failure = new IllegalStateException("project 3 broke");
    assertThatThrownBy(() -> OrderedParallel.map(List.of(1, 2, 3, 4), i -> {
      if (i == 3) {
        throw failure;
      }
      return i;
    })).isSameAs(failure);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
