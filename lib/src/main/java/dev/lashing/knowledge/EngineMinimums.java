package dev.lashing.knowledge;

/**
 * The smallest resource limits the Docker engine accepts when it creates a container (its
 * {@code verifyPlatformContainerResources}); Compose passes smaller ones through, and the container never starts.
 * The engine sets no minimum on a PIDs limit: any positive number starts the container.
 */
public final class EngineMinimums {
  /**
   * The least memory limit or reservation, in bytes ({@code linuxMinMemory}): "Minimum memory limit allowed is
   * 6MB", and the same for a reservation.
   */
  public static final long MEMORY = 6L << 20;
  /** The least CPU limit: "Range of CPUs is from 0.01 to N". */
  public static final double CPUS = 0.01;

  private EngineMinimums() {}

  /**
   * The memory reservation Lashing writes beside a limit of {@code limit} bytes when none is given: half of it,
   * but not below {@link #MEMORY}, which the engine refuses for a reservation too.
   */
  public static long memoryReservation(long limit) {
    return Math.max(limit / 2, MEMORY);
  }
}
