package dev.lashing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each fact has one source: image names live in the knowledge catalog only, and lib finds the rules it needs by
 * their declared roles, never by naming an id of this pack. Both scan the string literals of the main sources
 * (comments are free to name anything).
 */
class SingleSourceTest {
  private static final Path ROOT = Path.of(System.getProperty("lashing.root", ".."));
  private static final Pattern LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  @Test
  void libNamesNoRuleOfThePack() {
    // Ids without a hyphen (privileged, schema) are also Compose keys and plain words, so only hyphenated ids
    // count; followed by ':' such a word is a value (no-new-privileges:true), not the rule.
    List<String> ids = new BuiltInRules().rules().stream().map(Rule::info).map(i -> i.id())
        .filter(id -> id.contains("-")).toList();
    List<String> found = new ArrayList<>();
    for (Path file : sources(ROOT.resolve("lib/src/main/java"))) {
      for (String literal : literals(file)) {
        for (String id : ids) {
          if (Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(id) + "(?![a-z0-9:-])").matcher(literal).find()) {
            found.add(ROOT.relativize(file) + ": " + id + " in " + literal);
          }
        }
      }
    }
    assertThat(found).as("rule ids in lib; declare what lib needs in the rule's @RuleInfo").isEmpty();
  }

  @Test
  void imageNamesLiveOnlyInTheCatalog() {
    Set<String> names = new TreeSet<>();
    for (KnownImage image : ImageCatalog.all()) {
      names.addAll(image.repositories());
      names.addAll(image.kindNames());
      image.repositories().forEach(r -> names.add(r.substring(r.lastIndexOf('/') + 1)));
    }
    List<String> found = new ArrayList<>();
    for (String module : List.of("lib", "rules", "cli")) {
      for (Path file : sources(ROOT.resolve(module).resolve("src/main/java"))) {
        if (file.toString().replace('\\', '/').contains("/dev/lashing/knowledge/")) {
          continue;
        }
        for (String literal : literals(file)) {
          String text = literal.replaceAll("^\"+|\"+$", "");
          // a name alone, an image reference (name:tag, name@digest), or one choice of a pattern (a|name|b)
          for (String token : text.split("[|()?]")) {
            String name = token.replaceFirst("^(?:[a-z0-9.-]+\\.[a-z]+/)?", "").replaceFirst("[:@].*$", "");
            if (names.contains(name) && (token.equals(text) || text.contains("|"))) {
              found.add(ROOT.relativize(file) + ": " + literal);
            }
          }
        }
      }
    }
    assertThat(found).as("image names outside dev.lashing.knowledge; add the fact to the catalog").isEmpty();
  }

  private static List<Path> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The string literals and text blocks of a source file, comments left out. */
  private static List<String> literals(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> literals = new ArrayList<>();
    // literals first, so a // inside a string (a URL) is not taken for a comment
    Matcher m = Pattern.compile(LITERAL.pattern() + "|" + COMMENT.pattern()).matcher(text);
    while (m.find()) {
      if (m.group().startsWith("\"")) {
        literals.add(m.group());
      }
    }
    return literals;
  }
}
