package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** A document walked in slices of its services side by side loads exactly as one walked whole. */
class ServiceSlicesTest {
  /** Slices from one service: every golden case with services is cut into as many slices as it allows. */
  private static final int EVERY_DOCUMENT = 1;

  @TestFactory
  Stream<DynamicTest> goldenCasesLoadAlikeInSlices() throws IOException {
    List<Path> cases;
    try (Stream<Path> list = Files.list(LoaderGoldenTest.GOLDEN)) {
      cases = list.filter(Files::isDirectory).sorted().toList();
    }
    return cases.stream().flatMap(c -> Stream.of(false, true).map(lenient -> DynamicTest.dynamicTest(
        c.getFileName() + (lenient ? " (lenient)" : ""),
        () -> assertThat(LoaderGoldenTest.run(c, o -> ProjectLoader.load(o, lenient, EVERY_DOCUMENT)))
            .isEqualTo(LoaderGoldenTest.run(c, o -> ProjectLoader.load(o, lenient, Integer.MAX_VALUE))))));
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
        default -> text.append("    image: app\n    healthcheck: {test: [CMD, true], interval: 5 minutes}\n");
      }
    }
    text.append("networks:\n  front: {driver: 7}\nvolumes:\n  data: {}\nunknown_top: 1\n");
    Files.writeString(dir.resolve("compose.yaml"), text);
    LoadOptions options = LoadOptions.of(dir, Map.of("TAG", "1.0", "SHARED", "$$x"), dir.resolve("compose.yaml"));

    LoadResult whole = ProjectLoader.load(options, true, Integer.MAX_VALUE);
    LoadResult sliced = ProjectLoader.load(options, true, ServiceSlices.SLICED_FROM_SERVICES);
    assertThat(whole.errors()).isNotEmpty();
    assertThat(sliced.errors()).isEqualTo(whole.errors());
    assertThat(sliced.warnings()).isEqualTo(whole.warnings());
    assertThat(sliced.variables()).isEqualTo(whole.variables());
    assertThat(sliced.tree()).isEqualTo(whole.tree());
    assertThat(sliced.project()).isEqualTo(whole.project());
    assertThat(strictErrors(options, ServiceSlices.SLICED_FROM_SERVICES))
        .isEqualTo(strictErrors(options, Integer.MAX_VALUE));
  }

  private static String strictErrors(LoadOptions options, int slicedFrom) {
    try {
      ProjectLoader.load(options, false, slicedFrom);
      return "";
    } catch (ComposeException e) {
      return e.diagnostics().toString();
    }
  }
}
