package dev.lashing.cli;

/**
 * Threads whose stack holds what a compose project may nest: every level of an {@code include} or {@code extends}
 * chain is a few calls deeper, and a chain of a thousand files overflowed the default stack of 1 MiB (more or less
 * often, with how the JIT had compiled the frames). The stack is reserved address space, committed only as deep
 * as a run goes.
 */
public final class DeepStack {
  /** Room for chains of tens of thousands of files. */
  private static final long STACK_BYTES = 256L << 20;

  private DeepStack() {}

  public static Thread thread(Runnable task, String name) {
    return new Thread(null, task, name, STACK_BYTES);
  }
}
