package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.fix.DigestLock;
import dev.lashing.fix.Fixer;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lashing fix} on any project that loads: the fixed files load, keep every comment line, and a second
 * run changes nothing.
 */
class FixFuzzTest {
  private static final RuleSettings SETTINGS = RuleSettings.of(Policy.PRODUCTION);
  private static final Fixer.Options EVERY_FIX = new Fixer.Options(true, Set.of(), DigestLock.NONE);

  private final FuzzProject project = new FuzzProject("fix");
  private final Fixer fixer = new Fixer(RuleRegistry.discover());

  @FuzzTest(maxDuration = "10s")
  void fixedFilesLoadKeepTheirCommentsAndSettle(byte[] input) {
    LoadOptions load = project.write(input);
    LoadResult loaded;
    try {
      loaded = ProjectLoader.load(load);
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
      return; // fix refuses a project that does not load
    }
    Fixer.Result first;
    try {
      first = fixer.fix(load, loaded, SETTINGS, EVERY_FIX);
    } catch (Fixer.Unsettled e) {
      return; // fix exits 3 and writes nothing: reported, never a broken file
    }
    for (Fixer.FileFix f : first.files()) {
      List<String> comments = new ArrayList<>(commentLines(f.after()));
      for (String comment : commentLines(f.before())) {
        if (!comments.remove(comment)) {
          throw new AssertionError("fix dropped the comment line '" + comment + "' of " + f.name());
        }
      }
      project.replace(project.directory.relativize(f.path()).toString(), f.after());
    }
    LoadResult fixed;
    try {
      fixed = ProjectLoader.load(load);
    } catch (ComposeException e) {
      throw new AssertionError("the fixed project does not load: " + e.getMessage(), e);
    }
    Fixer.Result second = fixer.fix(load, fixed, SETTINGS, EVERY_FIX);
    if (second.changes()) {
      throw new AssertionError("a second fix changes " + second.files().get(0).diff());
    }
  }

  private static List<String> commentLines(String text) {
    return text.lines().map(String::strip).filter(l -> l.startsWith("#")).toList();
  }

}
