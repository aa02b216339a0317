package dev.lashing.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A healthcheck a known image supports with only the tools it ships, and how long the image may take to start
 * before failures count. Where the tools depend on the image's version, the test is chosen by the tag, and a tag
 * that does not tell the version gets no test, with the reason.
 */
public record KnownHealthcheck(Function<Subject, Test> choose, String startPeriod) {
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
   * @param tag the image tag as the engine reads it ({@code latest} when the reference names none), or null when
   *     a digest alone names the image, which tells no version
   */
  public record Subject(Function<String, String> environment, Integer port, String tag) {
    /** The given port, else the image's usual one. */
    int portOr(int usual) {
      return port != null ? port : usual;
    }
  }

  /**
   * The test for one service ({@code [CMD, ...]} or {@code [CMD-SHELL, ...]}), or, when Lashing cannot be sure the
   * image ships the tool the test runs, why it writes none.
   */
  public record Test(List<String> command, String unavailable) {
    public Test {
      if ((command == null) == (unavailable == null)) {
        throw new IllegalArgumentException("a test has a command or a reason why it has none");
      }
    }

    public static Test of(List<String> command) {
      return new Test(Objects.requireNonNull(command), null);
    }

    /** No test: {@code reason} says why, as a clause ("the tag 'x' does not tell ..."). */
    public static Test none(String reason) {
      return new Test(null, Objects.requireNonNull(reason));
    }

    public boolean isKnown() {
      return command != null;
    }
  }

  /** A check that is the same for every version of the image. */
  static KnownHealthcheck always(Function<Subject, List<String>> test, String startPeriod) {
    return new KnownHealthcheck(subject -> Test.of(test.apply(subject)), startPeriod);
  }

  /** The test for a service, or why there is none for the version of the image it runs. */
  public Test test(Subject subject) {
    return choose.apply(subject);
  }
}
