package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServicesAheadTest {
  /**
   * A run that fails on a pool thread, even for want of memory, is walked again in order, where the failure is
   * reported as the command reports it; nothing reaches the pool thread's handler, which prints a stack trace.
   */
  @Test
  void aRunThatRunsOutOfMemoryOnAPoolThreadIsLeftToBeWalkedInOrder() throws InterruptedException {
    List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    try {
      ServicesAhead ahead = new ServicesAhead(1, (document, services) -> {
        throw new OutOfMemoryError("Java heap space");
      });
      Origin at = Origin.at(SourceRange.synthetic("compose.yaml"));
      MapNode.Entry web = new MapNode.Entry(ScalarNode.string("web", at), MapNode.empty(at));
      ahead.entryRead(0, web); // a run of one service, handed to the pool at once
      ahead.documentRead(0);
      assertThat(ahead.take(0, List.of(web))).isNull();
      assertThat(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertThat(uncaught).isEmpty();
  }
}
