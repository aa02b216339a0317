package dev.lashing.knowledge;

import java.util.List;
import java.util.function.Function;

/**
 * A healthcheck a known image supports with only the tools it ships, and how long the image may take to start
 * before failures count.
 */
public record KnownHealthcheck(Function<Subject, List<String>> test, String startPeriod) {
  /** How often the check runs. */
  public static final String INTERVAL = "10s";
  /** How long one check may take. */
  public static final String TIMEOUT = "5s";
  /** How many failures in a row make the container unhealthy. */
  public static final int RETRIES = 5;

  /**
   * What a test may depend on.
   *
   * @param environment the value of one of the service's environment variables, or null when it has none
   * @param port the port the service listens on when it is given (an inventory's {@code port}), or null
   * @param tag the image tag, or null
   */
  public record Subject(Function<String, String> environment, Integer port, String tag) {
    /** The given port, else the image's usual one. */
    int portOr(int usual) {
      return port != null ? port : usual;
    }
  }

  /** The test ({@code [CMD, ...]} or {@code [CMD-SHELL, ...]}) for a service. */
  public List<String> test(Subject subject) {
    return test.apply(subject);
  }
}
