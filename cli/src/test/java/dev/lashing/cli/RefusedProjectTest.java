package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project Compose refuses, with an include, a cross-file extends and an override file: lint reports its load
 * problems and the rules' findings together and exits 2; fix and patch write nothing and say what to solve
 * first.
 */
class RefusedProjectTest extends ProjectFolderTest {

  @BeforeEach
  void project() throws IOException {
    write("compose.yaml", """
        include:
          - extra.yaml
        services:
          web:
            image: nginx:1.27
            privileged: true
            extends: {file: base.yaml, service: base}
        """);
    write("extra.yaml", """
        services:
          worker:
            image: worker:1
            networks: [backend]
            ports: ["5432:5432"]
        """);
    write("base.yaml", """
        services:
          base:
            mem_limit: 1g
            deploy: {resources: {limits: {memory: 2g}}}
        """);
    write("compose.override.yaml", """
        services:
          worker:
            depends_on: [web]
          web:
            depends_on: [worker]
        """);
  }

  @Test
  void lintReportsTheLoadProblemsAndEveryRuleFindingAndExitsTwo() {
    assertThat(run("lint", "--format", "github")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=extra.yaml,line=4,col=16,endLine=4,endColumn=23,title=undefined-reference::service"
            + " \"worker\" refers to undefined network backend")
        .contains("file=compose.yaml,line=7,col=14,endLine=7,endColumn=46,title=conflicting-limits::")
        .contains("file=compose.override.yaml,line=5,col=18,endLine=5,endColumn=24,title=dependency-cycle::"
            + "dependency cycle detected: worker -> web -> worker")
        .contains("file=compose.yaml,line=6,col=17,endLine=6,endColumn=21,title=privileged::")
        .contains("file=extra.yaml,line=5,col=13,")
        .doesNotContain("title=memory-limit::web");
  }

  @Test
  void theOtherProjectsOfTheRunAndTheReadableFilesAreStillLinted() throws IOException {
    Files.createDirectories(dir.resolve("other"));
    write("other/compose.yaml", "services:\n  db:\n    image: [unclosed\n");
    Files.createDirectories(dir.resolve("fine"));
    write("fine/compose.yaml", "services:\n  app:\n    image: app:1\n    privileged: true\n");
    assertThat(run("lint", "--format", "github", ".", "other", "fine")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=other/compose.yaml,line=4,col=1,endLine=4,endColumn=1,title=yaml-syntax::")
        .contains("file=fine/compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=privileged::")
        .contains("file=compose.yaml,line=6,col=17,endLine=6,endColumn=21,title=privileged::");
  }

  @Test
  void fixWritesNothingAndSaysWhatToSolveFirst() throws IOException {
    String before = Files.readString(dir.resolve("compose.yaml"));
    assertThat(run("fix", "--write")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: fix writes nothing for compose.yaml: Compose refuses it;"
        + " solve these problems first, then run fix again (lashing lint also shows the other findings):\n")
        .contains("extra.yaml:4:16: service \"worker\" refers to undefined network backend")
        .contains("compose.override.yaml:5:18: dependency cycle detected");
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(before);
  }

  @Test
  void patchWritesNothingAndSaysWhatToSolveFirst() {
    assertThat(run("patch", "-f", "compose.yaml", "-f", "compose.override.yaml", "-o", "hardening.patch.yml"))
        .isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: patch writes nothing for compose.yaml: Compose refuses it;"
        + " solve these problems first, then run patch again (lashing lint also shows the other findings):\n")
        .contains("compose.override.yaml:5:18: dependency cycle detected");
    assertThat(Files.exists(dir.resolve("hardening.patch.yml"))).isFalse();
  }
}
