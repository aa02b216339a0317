package dev.lashing.knowledge;

/**
 * The smallest resource limits the Docker engine accepts when it creates a container (its
 * {@code verifyPlatformContainerResources}); Compose passes smaller ones through, and the container never starts.
 * The engine sets no minimum on a PIDs limit: any positive number starts the container. A CPU limit also has a
 * largest ({@link #nanoCpusFit}).
 */
public final class EngineMinimums {
  /**
   * The least memory limit or reservation, in bytes ({@code linuxMinMemory}): "Minimum memory limit allowed is
   * 6MB", and the same for a reservation.
   */
  public static final long MEMORY = 6L << 20;
  /** The least CPU limit: "Range of CPUs is from 0.01 to N". */
  public static final double CPUS = 0.01;

  /** 2^63, the first product a 64-bit integer does not hold. */
  private static final float INT64_BOUND = 0x1p63f;

  private EngineMinimums() {}

  /**
   * Whether a CPU limit of {@code cpus} reaches the engine as a number of CPUs: docker compose passes it as
   * NanoCPUs, a 64-bit integer it works out as {@code int64(cpus * 1e9)} in 32-bit floating point (compose-go reads
   * {@code cpus} as a float32). Beyond 2^63 the conversion overflows and the engine gets a value it refuses ("Range
   * of CPUs is from 0.01 to N"), on any host. (It refuses more CPUs than the host has too, which no file can know.)
   */
  public static boolean nanoCpusFit(double cpus) {
    return (float) cpus * 1e9f < INT64_BOUND;
  }

  /**
   * The memory reservation Lashing writes beside a limit of {@code limit} bytes when none is given: half of it,
   * but not below {@link #MEMORY}, which the engine refuses for a reservation too.
   */
  public static long memoryReservation(long limit) {
    return Math.max(limit / 2, MEMORY);
  }
}
