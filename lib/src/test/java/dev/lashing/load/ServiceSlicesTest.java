package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document walked in slices of its services side by side, or whose services were walked ahead while it was
 * read, loads exactly as one walked whole.
 */
class ServiceSlicesTest {
  /** Slices from one service: every golden case with services is cut into as many slices as it allows. */
  private static final int EVERY_DOCUMENT = 1;
  /** Runs of one service walked ahead: every service of every golden case is walked ahead on its own. */
  private static final int EVERY_SERVICE = 1;
  private static final int WHOLE = Integer.MAX_VALUE;
  private static final int NOT_AHEAD = 0;

  @TestFactory
  Stream<DynamicTest> goldenCasesLoadAlikeInSlices() throws IOException {
    return goldenCases((o, lenient) -> ProjectLoader.load(o, lenient, EVERY_DOCUMENT, NOT_AHEAD));
  }

  @TestFactory
  Stream<DynamicTest> goldenCasesLoadAlikeWalkedAhead() throws IOException {
    return goldenCases((o, lenient) -> ProjectLoader.load(o, lenient, WHOLE, EVERY_SERVICE));
  }

  private static Stream<DynamicTest> goldenCases(BiFunction<LoadOptions, Boolean, LoadResult> load)
      throws IOException {
    List<Path> cases;
    try (Stream<Path> list = Files.list(LoaderGoldenTest.GOLDEN)) {
      cases = list.filter(Files::isDirectory).sorted().toList();
    }
    return cases.stream().flatMap(c -> Stream.of(false, true).map(lenient -> DynamicTest.dynamicTest(
        c.getFileName() + (lenient ? " (lenient)" : ""),
        () -> assertThat(LoaderGoldenTest.run(c, o -> load.apply(o, lenient)))
            .isEqualTo(LoaderGoldenTest.run(c, o -> ProjectLoader.load(o, lenient, WHOLE, NOT_AHEAD))))));
  }

  @Test
  void manyServicesWithProblemsLoadAlikeInSlices(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder("""
        version: "3.8"
        x-common: &common
          restart: always
          ports: ["${PORT:-80}:80", "bad:port:spec:x"]
          environment: {SHARED: "${SHARED}"}
        x-bad: &bad {image: 5, unknown_key: true}
        services:
        """);
    for (int i = 0; i < 700; i++) {
      text.append("  s").append(i).append(":\n");
      switch (i % 7) {
        case 0 -> text.append("    <<: *common\n    image: app:${TAG}\n");
        case 1 -> text.append("    <<: *bad\n");
        case 2 -> text.append("    image: app\n    ports: [\"x:y\", 70000]\n    volumes: [\"::\", \"./data:/data\"]\n");
        case 3 -> text.append("    image: ${UNCLOSED\n    mem_limit: lots\n");
        case 4 -> text.append("    image: app\n    environment: [A=1, A=2, \"B=${B:?needs B}\"]\n");
        case 5 -> text.append("    image: app\n    build: ./b").append(i).append("\n    depends_on: [s0, missing]\n");
        // a warning: unlike errors, warnings are not sorted, so they show the order the slices are joined in
        default -> text.append("    image: app\n    healthcheck: {test: [CMD, true], interval: 5 minutes}\n")
            .append("    depends_on: {gone").append(i).append(": {condition: service_started, required: false}}\n");
      }
    }
    text.append("networks:\n  front: {driver: 7}\nvolumes:\n  data: {}\nunknown_top: 1\n");
    Files.writeString(dir.resolve("compose.yaml"), text);
    LoadOptions options = LoadOptions.of(dir, Map.of("TAG", "1.0", "SHARED", "$$x"), dir.resolve("compose.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    assertThat(whole.errors()).isNotEmpty();
    assertThat(whole.warnings()).hasSizeGreaterThan(100);
    int[][] ways = {{ServiceSlices.SLICED_FROM_SERVICES, NOT_AHEAD}, {WHOLE, ServicesAhead.RUN},
        {ServiceSlices.SLICED_FROM_SERVICES, 100}};
    for (int[] way : ways) {
      LoadResult other = ProjectLoader.load(options, true, way[0], way[1]);
      assertThat(other.errors()).isEqualTo(whole.errors());
      assertThat(other.warnings()).isEqualTo(whole.warnings());
      assertThat(other.variables()).isEqualTo(whole.variables());
      assertThat(other.tree()).isEqualTo(whole.tree());
      assertThat(other.project()).isEqualTo(whole.project());
      assertThat(strictErrors(options, way[0], way[1])).isEqualTo(strictErrors(options, WHOLE, NOT_AHEAD));
    }
  }

  @Test
  void servicesWalkedAheadAreWalkedAgainWhereTheFileNamesTheProject(@TempDir Path dir) throws IOException {
    // the name comes after the services: they were walked ahead with the folder's name
    assertWalkedAheadAlike(dir, "", "name: given\n");
  }

  @Test
  void servicesWalkedAheadAreWalkedAgainWhereAMergeKeyAddsServices(@TempDir Path dir) throws IOException {
    // the merged service comes first in the mapping, before the services walked ahead
    assertWalkedAheadAlike(dir, "  <<: *more\n", "");
  }

  @Test
  void aLongFileLoadsAlikeWithItsServicesWalkedWhileItIsRead(@TempDir Path dir) throws IOException {
    // long enough for the parser to read ahead on a thread of its own, which the reading thread waits for
    StringBuilder text = new StringBuilder("x-env: &env {TZ: UTC, URL: \"postgres://u:${PW:-secret}@db/app\"}\n");
    text.append("services:\n");
    for (int i = 0; i < 7000; i++) {
      text.append("  app-").append(i).append(":\n    image: registry.example/app:").append(i % 3 == 0 ? "${TAG}" : "1")
          .append("\n    environment: *env\n    ports: [\"").append(i % 60000).append(":80\"]\n")
          .append(i % 1000 == 0 ? "    mem_limit: lots\n" : "");
    }
    assertThat(text.length()).isGreaterThan(600_000);
    Files.writeString(dir.resolve("compose.yaml"), text);
    LoadOptions options = LoadOptions.of(dir, Map.of("TAG", "2"), dir.resolve("compose.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    LoadResult ahead = ProjectLoader.load(options, true, WHOLE, ServicesAhead.RUN);
    assertThat(whole.errors()).hasSizeGreaterThanOrEqualTo(7); // each mem_limit of "lots"
    assertThat(ahead.errors()).isEqualTo(whole.errors());
    assertThat(ahead.warnings()).isEqualTo(whole.warnings());
    assertThat(ahead.variables()).isEqualTo(whole.variables());
    assertThat(ahead.tree()).isEqualTo(whole.tree());
    assertThat(ahead.project()).isEqualTo(whole.project());
  }

  /** A tab after a key's colon has the file read a second time, without walking ahead: the same project. */
  @Test
  void aLongFileWithATabAfterAKeyLoadsAlikeWithItsServicesWalkedWhileItIsRead(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < 3000; i++) {
      text.append("  app-").append(i).append(":\n    image:").append(i == 2000 ? '\t' : ' ')
          .append("registry.example/app:1\n    environment: {N: \"").append(i).append("\"}\n");
    }
    assertThat(text.length()).isGreaterThan(64 * 1024);
    Files.writeString(dir.resolve("compose.yaml"), text);
    LoadOptions options = LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    LoadResult ahead = ProjectLoader.load(options, true, WHOLE, ServicesAhead.RUN);
    assertThat(whole.errors()).isEmpty();
    assertThat(whole.project().services()).hasSize(3000);
    assertThat(ahead.errors()).isEqualTo(whole.errors());
    assertThat(ahead.tree()).isEqualTo(whole.tree());
    assertThat(ahead.project()).isEqualTo(whole.project());
  }

  @Test
  void anOverrideFileLoadsAlikeWithItsServicesWalkedWhileItIsRead(@TempDir Path dir) throws IOException {
    // an override may leave out what the base gives: a depends_on entry's condition is checked once merged
    StringBuilder base = new StringBuilder("services:\n");
    StringBuilder override = new StringBuilder("services:\n");
    StringBuilder second = new StringBuilder("---\nservices:\n");
    for (int i = 0; i < 300; i++) {
      base.append("  s").append(i).append(": {image: \"app:${TAG}\", depends_on: {s").append(i + 1)
          .append(": {condition: service_started}}}\n");
      override.append("  s").append(i).append(": {depends_on: {s").append(i + 1).append(": {required: false}}")
          .append(i % 50 == 0 ? ", mem_limit: lots" : "").append("}\n");
      second.append("  s").append(i).append(": {environment: [\"N=").append(i).append("\"]}\n");
    }
    Files.writeString(dir.resolve("compose.yaml"), base);
    Files.writeString(dir.resolve("override.yaml"), override.append(second));
    LoadOptions options =
        LoadOptions.of(dir, Map.of("TAG", "2"), dir.resolve("compose.yaml"), dir.resolve("override.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    LoadResult ahead = ProjectLoader.load(options, true, WHOLE, ServicesAhead.RUN);
    assertThat(whole.errors()).extracting(Diagnostic::message).hasSize(6)
        .allMatch(m -> m.contains("mem_limit"));
    assertThat(ahead.errors()).isEqualTo(whole.errors());
    assertThat(ahead.warnings()).isEqualTo(whole.warnings());
    assertThat(ahead.tree()).isEqualTo(whole.tree());
    assertThat(ahead.project()).isEqualTo(whole.project());
  }

  private static void assertWalkedAheadAlike(Path dir, String firstService, String last) throws IOException {
    StringBuilder text = new StringBuilder("x-more: &more\n  extra: {image: \"app:${COMPOSE_PROJECT_NAME}\"}\n");
    text.append("services:\n").append(firstService);
    for (int i = 0; i < 600; i++) {
      text.append("  s").append(i).append(": {image: \"app:").append(i % 2 == 0 ? "${COMPOSE_PROJECT_NAME}" : "1")
          .append("\", ports: [\"").append(i).append(":80\"]}\n");
    }
    text.append(last);
    Files.writeString(dir.resolve("compose.yaml"), text);
    LoadOptions options = LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    LoadResult ahead = ProjectLoader.load(options, true, WHOLE, ServicesAhead.RUN);
    assertThat(whole.project().services().get("s0").image().text())
        .isEqualTo(last.isEmpty() ? "app:" + dir.getFileName().toString().toLowerCase() : "app:given");
    assertThat(ahead.tree()).isEqualTo(whole.tree());
    assertThat(ahead.variables()).isEqualTo(whole.variables());
    assertThat(ahead.project()).isEqualTo(whole.project());
  }

  private static String strictErrors(LoadOptions options, int slicedFrom, int runAhead) {
    try {
      ProjectLoader.load(options, false, slicedFrom, runAhead);
      return "";
    } catch (ComposeException e) {
      return e.diagnostics().toString();
    }
  }
}
