package dev.lashing.lint;

import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ParsedYaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # lashing-ignore rule-id[,rule-id] -- reason} comments: at the end of a line they cover that
 * line; alone on a line they cover the next line that is not a comment. A line covered whose key (or item's
 * {@code &anchor} or {@code !tag}) has its scalar value written on a later line covers that value's line too:
 * {@code privileged: &p # lashing-ignore privileged -- why} above {@code true}. {@code # lashing-ignore-file
 * rule-id -- reason} covers the whole file. A reason is required.
 */
final class Suppressions {
  private static final Pattern COMMENT = Pattern.compile(
      "(?:^|\\s)#\\s*lashing-ignore(-file)?(?:\\s+([A-Za-z0-9_,\\s-]*?))?\\s*(?:--\\s*(.*?))?\\s*$");

  /** One suppression comment and what it covers. */
  record Suppression(SourceRange at, boolean wholeFile, int coveredLine, int valueLine, List<String> ruleIds,
      String reason) {
    boolean covers(Finding f) {
      return ruleIds.contains(f.ruleId()) && f.at().file().equals(at.file())
          && (wholeFile || f.at().line() == coveredLine || f.at().line() == valueLine);
    }
  }

  /** A malformed suppression comment. */
  record Problem(SourceRange at, String message) {}

  private Suppressions() {}

  /**
   * The suppression comments of a file, read from {@code comments} (as the YAML reader found them, or
   * {@link #lineComments} for a file that is not YAML); malformed ones are returned as problems.
   */
  static List<Suppression> parse(SourceFile file, List<ParsedYaml.Comment> comments, ParsedYaml yaml,
      List<Problem> problems) {
    List<Suppression> found = new ArrayList<>();
    NextContentLine nextContentLine = new NextContentLine(file);
    Map<Integer, Integer> valueLines = null;
    for (ParsedYaml.Comment comment : comments) {
      String text = file.text().substring(comment.start(), comment.end());
      // most comments are not suppressions: a look for the word the pattern requires spares them its matcher
      if (!text.contains("lashing-ignore")) {
        continue;
      }
      Matcher m = COMMENT.matcher(text);
      if (!m.find()) {
        continue;
      }
      int start = comment.start() + m.start() + (text.charAt(m.start()) == '#' ? 0 : 1);
      SourceRange at = file.range(start, comment.end());
      List<String> ids = new ArrayList<>();
      if (m.group(2) != null) {
        for (String id : m.group(2).split("[,\\s]+")) {
          if (!id.isBlank()) {
            ids.add(id.trim());
          }
        }
      }
      String reason = m.group(3);
      if (ids.isEmpty()) {
        problems.add(new Problem(at, "lashing-ignore names no rule (write `# lashing-ignore rule-id -- reason`)"));
        continue;
      }
      if (reason == null || reason.isBlank()) {
        problems.add(new Problem(at, "lashing-ignore needs a reason after ` -- `"));
        continue;
      }
      int line = file.lineOf(start);
      boolean alone = file.text().substring(file.lineStart(line), start).isBlank();
      int covered = alone ? nextContentLine.after(line) : line;
      boolean wholeFile = m.group(1) != null;
      if (valueLines == null && !wholeFile) {
        valueLines = yaml == null ? Map.of() : valueLines(yaml);
      }
      int valueLine = wholeFile ? -1 : valueLines.getOrDefault(covered, -1);
      found.add(new Suppression(at, wholeFile, covered, valueLine, List.copyOf(ids), reason.trim()));
    }
    return found;
  }

  /**
   * For each line where a key, or an item's anchor or tag, is written whose scalar value starts on a later line, that
   * line: what a suppression of the key's line is about (the findings of a value are reported where it is written).
   */
  private static Map<Integer, Integer> valueLines(ParsedYaml yaml) {
    SourceFile file = yaml.source();
    Map<Integer, Integer> starts = new HashMap<>();
    for (ParsedYaml.Anchor anchor : yaml.anchors()) {
      starts.merge(anchor.valueStart(), anchor.start(), Math::min);
    }
    for (ParsedYaml.Tag tag : yaml.tags()) {
      starts.merge(tag.valueStart(), tag.start(), Math::min);
    }
    Map<Integer, Integer> lines = new HashMap<>();
    List<Node> todo = new ArrayList<>(yaml.documents());
    while (!todo.isEmpty()) {
      Node node = todo.remove(todo.size() - 1);
      if (node instanceof MapNode map) {
        for (MapNode.Entry e : map.entries()) {
          if (!e.key().origin().via().isEmpty() || !e.value().origin().via().isEmpty()) {
            continue; // brought in by a merge key or an alias: written elsewhere
          }
          if (e.value() instanceof ScalarNode value) {
            addValueLine(file, e.key().origin().at().startOffset(), value, lines);
          } else {
            todo.add(e.value());
          }
        }
      } else if (node instanceof SeqNode seq) {
        for (Node item : seq.items()) {
          if (!item.origin().via().isEmpty()) {
            continue;
          }
          if (item instanceof ScalarNode value) {
            Integer properties = starts.get(value.origin().at().startOffset());
            if (properties != null) {
              addValueLine(file, properties, value, lines);
            }
          } else {
            todo.add(item);
          }
        }
      }
    }
    return lines;
  }

  private static void addValueLine(SourceFile file, int introduced, ScalarNode value, Map<Integer, Integer> lines) {
    SourceRange at = value.origin().at();
    if (at.isSynthetic() || at.startOffset() == at.endOffset()) {
      return; // an empty value (`key:`) is written nowhere
    }
    int from = file.lineOf(introduced);
    int line = file.lineOf(at.startOffset());
    if (line > from) {
      lines.put(from, line);
    }
  }

  /** The comments of a file that is not YAML (an env file): from a {@code #} at a line's start or after a blank. */
  static List<ParsedYaml.Comment> lineComments(SourceFile file) {
    List<ParsedYaml.Comment> comments = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      String text = file.line(line);
      int hash = text.startsWith("#") ? 0 : text.indexOf(" #") >= 0 ? text.indexOf(" #") + 1 : -1;
      int tab = text.indexOf("\t#");
      if (tab >= 0 && (hash < 0 || tab + 1 < hash)) {
        hash = tab + 1;
      }
      if (hash >= 0) {
        int start = file.lineStart(line);
        comments.add(new ParsedYaml.Comment(start + hash, start + text.length()));
      }
    }
    return comments;
  }

  /**
   * The next line after a given one that is not blank or a comment. A run of own-line directives (comments in
   * file order) shares the answer: the last one found is remembered with the line it was looked for from, so a run
   * of n directives reads its n lines once, not n times each.
   */
  private static final class NextContentLine {
    private final SourceFile file;
    /** Every line after {@code from} and before {@code content} is blank or a comment. */
    private int from = Integer.MAX_VALUE;
    /** The line found from {@code from}, or -1 when none was left. */
    private int content = -1;

    NextContentLine(SourceFile file) {
      this.file = file;
    }

    int after(int line) {
      if (line >= from && (content < 0 || line < content)) {
        return content;
      }
      from = line;
      content = -1;
      for (int next = line + 1; next <= file.lineCount(); next++) {
        String text = file.line(next).strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          content = next;
          break;
        }
      }
      return content;
    }
  }
}
