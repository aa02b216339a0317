package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.testing.Corpus;
import dev.lashing.testing.Golden;
import dev.lashing.tree.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every compose file of the shared corpus either loads or is refused with positioned errors, and the
 * outcome of each is pinned in {@code corpus-outcomes.tsv}, so any change in behaviour shows up in review.
 * Regenerate with {@code -Dlashing.updateGolden=true}.
 */
class CorpusLoadTest {

  @Test
  void everyCorpusFileLoadsOrFailsWithPositionedErrors(@TempDir Path tmp) {
    Corpus.assumePresent();
    Path dir = Corpus.materialize(tmp);
    List<String> outcomes = new ArrayList<>();
    List<String> unpositioned = new ArrayList<>();
    for (Corpus.Entry e : Corpus.entries()) {
      if (!e.isCompose()) {
        continue;
      }
      Path file = Corpus.location(dir, e);
      String outcome;
      try {
        LoadResult result = ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file));
        int services = result.tree().get("services") instanceof MapNode s ? s.size() : 0;
        outcome = "ok\t" + services + " services, " + result.warnings().size() + " warnings";
      } catch (ComposeException ex) {
        Diagnostic first = ex.diagnostics().get(0);
        for (Diagnostic d : ex.diagnostics()) {
          if (d.at().isSynthetic() && !d.message().contains("not found")) {
            unpositioned.add(e.localFile() + ": " + d);
          }
        }
        outcome = "error\t" + ex.diagnostics().size() + " errors, first at "
            + first.at().line() + ":" + first.at().column() + ": " + first.message().replace('\n', ' ')
                .replace(dir.toString(), "<corpus>");
      }
      outcomes.add(e.localFile() + "\t" + outcome);
    }
    assertThat(unpositioned).as("errors without a position").isEmpty();
    Golden.assertMatches(
        Path.of("src/test/resources/dev/lashing/load/corpus-outcomes.tsv"), String.join("\n", outcomes) + "\n");
  }
}
