package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AotTrainingTest {
  @Test
  void everyTrainingCommandRunsOnTheShippedExamples() throws IOException {
    // the distribution build trains its cache with these commands; an example that stops loading breaks it
    Path examples = Path.of(System.getProperty("lashing.root", "..")).resolve("examples");
    StringWriter err = new StringWriter();
    assertThat(AotTraining.run(examples, new PrintWriter(err, true))).as(err.toString()).isEqualTo(Cli.OK);
  }

  @Test
  void theLintCacheIsTrainedOnLintCommandsOnly() {
    // bin/lashing runs `lint` on a cache of its own, trained on these
    List<List<String>> lint = AotTraining.commands("lint");
    assertThat(lint).isNotEmpty().allSatisfy(command -> assertThat(command.get(0)).isEqualTo("lint"));
    assertThat(AotTraining.commands(null)).containsAll(lint).hasSizeGreaterThan(lint.size());
  }
}
