package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values that interpolation left as strings are cast as Compose casts them. */
class CastsTest {

  @ParameterizedTest(name = "privileged: \"{0}\" is {1}")
  @CsvSource({"true, true", "false, false", "TRUE, true", "False, false"})
  void castsBooleanStringsWithoutWarning(String written, boolean value) {
    Bound b = Bound.service("privileged: \"" + written + "\"\n").clean();
    assertThat(b.s().privileged().value()).isEqualTo(value);
  }

  @ParameterizedTest(name = "tty: {0} is {1} with a warning")
  @CsvSource({"yes, true", "y, true", "on, true", "ON, true", "no, false", "n, false", "off, false"})
  void acceptsYaml11BooleansWithAWarning(String written, boolean value) {
    Bound b = Bound.service("tty: " + written + "\n");
    assertThat(b.s().tty().value()).isEqualTo(value);
    assertThat(b.problems()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
      assertThat(d.message()).isEqualTo(
          "services.s.tty: \"" + written + "\" for boolean is not supported by YAML 1.2, please use `" + value + "`");
      assertThat(d.at().line()).isEqualTo(3);
      assertThat(d.at().column()).isEqualTo(10);
    });
  }

  @Test
  void rejectsOtherBooleansAndKeepsTheNode() {
    Bound b = Bound.service("privileged: maybe\nread_only: 1\n");
    assertThat(b.s().privileged()).isNull();
    assertThat(b.s().readOnly()).isNull();
    assertThat(b.messages()).containsExactly(
        "compose.yaml:3:17: services.s.privileged: invalid boolean: maybe",
        "compose.yaml:4:16: services.s.read_only: invalid boolean: 1");
    assertThat(b.problems()).allMatch(Diagnostic::isError);
    assertThat(b.s().unknown()).containsOnlyKeys("privileged", "read_only");
  }

  @Test
  void castsBooleansEverywhereComposeDoes() {
    Bound b = Bound.of("""
        services:
          s:
            volumes:
              - type: volume
                source: v
                target: /v
                read_only: "true"
            depends_on:
              d:
                condition: service_started
                required: "false"
        networks:
          n:
            internal: "true"
        volumes:
          v:
            external: "false"
        """).clean();
    assertThat(b.s().volumes().get(0).isReadOnly()).isTrue();
    assertThat(b.s().dependsOn().get("d").isRequired()).isFalse();
    assertThat(b.project().networks().get("n").isInternal()).isTrue();
    assertThat(b.project().volumes().get("v").isExternal()).isFalse();
  }

  @Test
  void castsIntegers() {
    Bound b = Bound.service("""
        scale: "3"
        pids_limit: "-1"
        oom_score_adj: "-500"
        ports:
          - target: "8080"
            published: 80
        ulimits:
          nofile: "1024"
          nproc:
            soft: "10"
            hard: 20
        healthcheck:
          retries: "5"
        deploy:
          replicas: "4"
        """).clean();
    Service s = b.s();
    assertThat(s.scale().value()).isEqualTo(3);
    assertThat(s.pidsLimit().value()).isEqualTo(-1);
    assertThat(s.oomScoreAdj().value()).isEqualTo(-500);
    assertThat(s.ports().get(0).target().value()).isEqualTo(8080);
    assertThat(s.ports().get(0).published().value()).as("published is a string").isEqualTo("80");
    assertThat(s.ulimits().get("nofile").single().value()).isEqualTo(1024);
    assertThat(s.ulimits().get("nproc").softLimit().orElseThrow().value()).isEqualTo(10);
    assertThat(s.healthcheck().retries().value()).isEqualTo(5);
    assertThat(s.deploy().replicas().value()).isEqualTo(4);
  }

  @Test
  void rejectsIntegersComposeCannotCast() {
    Bound b = Bound.service("scale: three\ncpu_shares: 1.5\n");
    assertThat(b.messages()).containsExactly(
        "compose.yaml:3:12: services.s.scale: invalid integer: three",
        "compose.yaml:4:17: services.s.cpu_shares: invalid integer: 1.5");
    assertThat(b.s().scale()).isNull();
    assertThat(b.s().unknown()).containsOnlyKeys("scale", "cpu_shares");
  }

  @Test
  void readsFloatsWithoutAFractionAsIntegers() {
    Bound b = Bound.service("scale: 3.0\nhealthcheck:\n  retries: 09\n").clean();
    assertThat(b.s().scale().value()).as("3.0, a float the schema takes for an integer").isEqualTo(3);
    assertThat(b.s().healthcheck().retries().value()).as("09, a float to go-yaml").isEqualTo(9);
  }

  @Test
  void readsIntegerStringsInBaseTenLikeAtoi() {
    Bound b = Bound.service("scale: \"010\"\npids_limit: \"09\"\n").clean();
    assertThat(b.s().scale().value()).isEqualTo(10);
    assertThat(b.s().pidsLimit().value()).isEqualTo(9);
  }

  @Test
  void modeStringsAreOctalAsInComposesFileMode() {
    Bound b = Bound.service("""
        secrets:
          - source: a
            mode: 0440
          - source: b
            mode: "0440"
          - source: c
            mode: 0o440
          - source: d
            mode: "0o440"
        """);
    assertThat(b.s().secrets()).extracting(r -> r.mode() == null ? null : r.mode().value())
        .containsExactly(288L, 288L, 288L, null);
    assertThat(b.messages()).containsExactly("compose.yaml:11:15: services.s.secrets[3].mode: invalid file mode: 0o440");
    assertThat(b.s().unknown()).containsOnlyKeys("secrets[3].mode");
  }

  @Test
  void castsNumbers() {
    Bound b = Bound.service("""
        cpus: "1.5"
        cpu_percent: 50
        deploy:
          resources:
            limits:
              cpus: 0.25
          update_config:
            max_failure_ratio: ".1"
        """).clean();
    assertThat(b.s().cpus().value()).isEqualTo(1.5);
    assertThat(b.s().cpuPercent().value()).isEqualTo(50.0);
    assertThat(b.s().deploy().resources().limits().cpus().value()).isEqualTo(0.25);
    assertThat(b.s().deploy().updateConfig().maxFailureRatio().value()).isEqualTo(0.1);
    assertThat(Bound.service("cpus: lots\n").messages())
        .containsExactly("compose.yaml:3:11: services.s.cpus: invalid number: lots");
  }

  @ParameterizedTest(name = "mem_limit: {0} is {1} bytes")
  @CsvSource({
    "512m, 536870912", "1.5g, 1610612736", "1gb, 1073741824", "2GiB, 2147483648", "'\"1024\"', 1024",
    "1024, 1024", "-1, -1", "100k, 102400", "'1 m', 1048576"
  })
  void readsByteSizes(String written, long bytes) {
    Bound b = Bound.service("mem_limit: " + written + "\n").clean();
    assertThat(b.s().memLimit().value().bytes()).isEqualTo(bytes);
  }

  @Test
  void keepsTheWrittenTextOfByteSizes() {
    assertThat(Bound.service("shm_size: 1.5g\n").s().shmSize().value()).isEqualTo(new ByteCount(1610612736L, "1.5g"));
  }

  @Test
  void rejectsBadByteSizes() {
    Bound b = Bound.service("mem_limit: 1.5gbs\n");
    assertThat(b.s().memLimit()).isNull();
    assertThat(b.problems()).singleElement().satisfies(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).startsWith("services.s.mem_limit: ");
    });
    assertThat(b.s().unknown()).containsOnlyKeys("mem_limit");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"10s, PT10S", "1m30s, PT1M30S", "1h5m30s20ms, PT1H5M30.02S", "1.5h, PT1H30M", "0, PT0S", "500ms, PT0.5S"})
  void readsDurations(String written, Duration expected) {
    Bound b = Bound.service("stop_grace_period: " + written + "\nhealthcheck:\n  interval: " + written + "\n").clean();
    assertThat(b.s().stopGracePeriod().value()).isEqualTo(expected);
    assertThat(b.s().healthcheck().interval().value()).isEqualTo(expected);
  }

  @Test
  void rejectsDurationsWithoutUnits() {
    Bound b = Bound.service("stop_grace_period: 10\n");
    assertThat(b.s().stopGracePeriod()).isNull();
    assertThat(b.problems()).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("services.s.stop_grace_period: ");
      assertThat(d.at().line()).isEqualTo(3);
    });
  }

  @Test
  void numbersAndBooleansBecomeTextWhereStringsBelong() {
    Bound b = Bound.service("""
        user: 1000
        environment:
          DEBUG: true
          RATIO: 0.5
          PORT: 0x1F
        """).clean();
    assertThat(b.s().user().value()).isEqualTo("1000");
    assertThat(b.s().environment().get("DEBUG").text()).isEqualTo("true");
    assertThat(b.s().environment().get("RATIO").text()).isEqualTo("0.5");
    assertThat(b.s().environment().get("PORT").text()).isEqualTo("31");
  }
}
