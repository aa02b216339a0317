package dev.lashing.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies a function to every element of a list on all cores and returns the results in the list's order,
 * so output does not depend on which element finished first. A failure is rethrown as it was thrown (a
 * parallel stream would wrap it in a copy of its own making).
 */
final class OrderedParallel {
  private OrderedParallel() {}

  static <T, R> List<R> map(List<T> items, Function<T, R> function) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return items.stream().map(function).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = DeepStack.thread(task, "lashing-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> function.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R await(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while linting", e);
    } catch (ExecutionException e) {
      // a Function throws nothing checked: the cause is unchecked or an Error
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }
}
