package dev.lashing.inventory;

import dev.lashing.inventory.Inventory.Stack;

/** The names Lashing gives a stack's resources on the host, which generate writes and audit expects. */
public final class Stacks {
  private Stacks() {}

  /** {@code plane-db}: the container of service {@code db} of stack {@code plane}. */
  public static String containerName(Stack stack, String service) {
    return stack.name() + "-" + service;
  }

  /** {@code plane_pgdata}: the named volume {@code pgdata} of stack {@code plane}, as Compose would name it. */
  public static String volumeName(Stack stack, String volume) {
    return stack.name() + "_" + volume;
  }

  /** The service that runs the stack's backup job: {@code db-backup} for a backup of {@code db}. */
  public static String backupServiceName(Stack stack) {
    return stack.backup().service() + "-backup";
  }
}
