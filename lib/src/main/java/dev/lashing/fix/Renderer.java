package dev.lashing.fix;

import dev.lashing.fix.YamlFile.Written;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ParsedYaml;
import dev.lashing.yaml.YamlStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the structural edits of one file into text edits that touch as little as possible: new entries and
 * items go after the last line of their collection at its indentation, replaced values keep their quoting,
 * deleted lines keep their comments, flow collections stay flow.
 */
final class Renderer {
  /** An edit that cannot be written (the reason is for people). */
  static final class Unwritable extends Exception {
    private static final long serialVersionUID = 1L;

    Unwritable(String message) {
      super(message);
    }
  }

  private final YamlFile file;
  private final String text;
  private final YamlText yaml;

  Renderer(YamlFile file) {
    this.file = file;
    this.text = file.text;
    this.yaml = file.yaml;
  }

  /** A pending insertion; insertions at one place are joined, the deeper collection's text first. */
  record Insertion(int at, int depth, String text) {}

  /** What one unit of edits renders to: text edits, and insertions still to be joined with others at their place. */
  record Output(List<TextEdit> edits, List<Insertion> insertions) {}

  /**
   * The collection whose edits are rendered together with this one (deletions and additions of one flow
   * collection are written together; so are the deletions of a block one), or null for an edit rendered alone.
   */
  static Written collectionOf(Op op) {
    if (op instanceof Op.DeleteEntry || op instanceof Op.DeleteItem) {
      return op.target().parent;
    }
    return op instanceof Op.Insert || op instanceof Op.Append ? op.target() : null;
  }

  /** The edits of one collection: {@code ops} are all the edits whose {@link #collectionOf} it is. */
  Output renderCollection(Written collection, List<Op> ops) throws Unwritable {
    List<TextEdit> edits = new ArrayList<>();
    List<Insertion> insertions = new ArrayList<>();
    collection(collection, ops, edits, insertions);
    return new Output(edits, insertions);
  }

  /** The edits of an edit rendered alone (one whose {@link #collectionOf} is null). */
  Output renderAlone(Op op) throws Unwritable {
    List<TextEdit> edits = new ArrayList<>();
    List<Insertion> insertions = new ArrayList<>();
    if (op instanceof Op.Replace r) {
      edits.add(overTag(r.target(), tag -> tagHolds(tag, r.value()), replace(r.target(), r.value())));
    } else if (op instanceof Op.RawReplace r) {
      edits.add(overTag(r.target(), tag -> r.sameKind() && holdsForText(tag),
          new TextEdit(r.target().start(), textEnd(r.target()), r.text() + headerComment(r.target()))));
    } else if (op instanceof Op.ReplaceItem r) {
      edits.add(overTag(r.target(), tag -> r.items().stream().allMatch(item -> tagHolds(tag, item)),
          replaceItem(r.target(), r.items())));
    } else if (op instanceof Op.Quote q) {
      quote(q.target(), edits);
    } else if (op instanceof Op.AddAnchor a) {
      insertions.add(anchor(a.target(), a.name()));
    } else {
      throw new IllegalArgumentException("rendered with its collection: " + op);
    }
    return new Output(edits, insertions);
  }

  /** The one edit that writes every insertion at {@code at}, the deepest collection's text first. */
  TextEdit join(int at, List<Insertion> here) throws Unwritable {
    List<Insertion> ordered = new ArrayList<>(here);
    ordered.sort((a, b) -> Integer.compare(b.depth(), a.depth())); // deepest first
    Set<Integer> depths = new HashSet<>();
    StringBuilder joined = new StringBuilder();
    for (Insertion i : ordered) {
      if (!depths.add(i.depth())) {
        throw new Unwritable("two insertions at the same place");
      }
      joined.append(i.text());
    }
    return TextEdit.insert(at, fixTrailing(at, joined.toString()));
  }

  /** Text inserted at the very end of a file that does not end with a line break starts with one instead. */
  private String fixTrailing(int at, String inserted) {
    String br = yaml.lineBreak();
    if (at == text.length() && !text.isEmpty() && !YamlFile.isBreak(text.charAt(text.length() - 1))
        && inserted.endsWith(br) && !inserted.startsWith(br)) {
      return br + inserted.substring(0, inserted.length() - br.length());
    }
    return inserted;
  }

  // ---- collections: insert, append, delete ----

  private void collection(Written c, List<Op> ops, List<TextEdit> edits, List<Insertion> insertions)
      throws Unwritable {
    Map<String, Object> inserted = new LinkedHashMap<>();
    List<Object> appended = new ArrayList<>();
    Set<Written> deleted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Op op : ops) {
      if (op instanceof Op.Insert i) {
        inserted.putAll(i.entries());
      } else if (op instanceof Op.Append a) {
        appended.addAll(a.items());
      } else {
        deleted.add(op.target());
      }
    }
    List<Written> members = members(c);
    boolean emptied = !deleted.isEmpty() && deleted.size() == members.size() && !hasMergeKey(c);
    if (emptied && inserted.isEmpty() && appended.isEmpty()) {
      if (c.isSeq() && c.key != null && c.parent != null) {
        TextEdit removal = file.isFlow(c.parent) ? deleteFlowMember(c) : deleteEntry(c);
        edits.add(file.anchorStillUsed(removal.start(), removal.end(), alias -> false) == null ? removal
            : emptied(c, removal));
        return;
      }
      throw new Unwritable("removing every entry of " + c.path() + " would leave it empty");
    }
    if (file.isFlow(c)) {
      flow(c, members, deleted, inserted, appended, edits);
      return;
    }
    for (Written d : deleted) {
      edits.add(c.isMap() ? deleteEntry(d) : deleteItem(d));
    }
    if (!inserted.isEmpty()) {
      int column = file.column(c.start());
      insertions.add(new Insertion(insertionPoint(c, column), c.depth(), lines(yaml.entries(inserted, column))));
    }
    if (!appended.isEmpty()) {
      int dash = file.column(c.start());
      insertions.add(new Insertion(insertionPoint(c, dash), c.depth(), lines(yaml.items(appended, dash))));
    }
  }

  /** Whether a written mapping takes entries through a merge key ({@code <<: *base}): they come by their key's way. */
  private static boolean hasMergeKey(Written c) {
    return c.node instanceof MapNode m && m.entries().stream().anyMatch(e -> !e.key().origin().via().isEmpty());
  }

  /**
   * A list whose anchor an alias elsewhere uses, emptied in place ({@code ports: &rp []}): every place using it had
   * its items removed, and the alias must keep something to refer to. {@code removal} when that cannot be written.
   */
  private TextEdit emptied(Written list, TextEdit removal) {
    int anchorEnd = file.anchorTokenEnd(list);
    if (anchorEnd < 0 || !file.commentsIn(anchorEnd, list.end()).isEmpty()) {
      return removal; // refused with the reason once rendered: see RenderedEdits
    }
    return new TextEdit(anchorEnd, list.end(), " []");
  }

  /**
   * Where new lines of a block collection go: after its last line, and after the comment lines right below
   * it that are indented deeper than its entries (they belong to its last entry, like a commented-out item), or
   * with a tab (Compose reads a tab in a comment line's indentation only right after another comment line).
   */
  private int insertionPoint(Written c, int column) {
    int at = file.afterLine(c.end());
    while (at < text.length()) {
      int i = at;
      boolean tab = false;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        tab |= text.charAt(i) == '\t';
        i++;
      }
      if (i >= text.length() || text.charAt(i) != '#' || !tab && i - at <= column) {
        break;
      }
      at = file.afterLine(i + 1);
    }
    return at;
  }

  private String lines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l).append(yaml.lineBreak());
    }
    return out.toString();
  }

  /** The entries' values (or the items) written in a collection, in order. */
  private List<Written> members(Written c) {
    List<Written> members = new ArrayList<>();
    if (c.node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        Written w = file.child(c, e.name());
        if (w != null) {
          members.add(w);
        }
      }
    } else if (c.node instanceof SeqNode s) {
      for (int i = 0; i < s.size(); i++) {
        Written w = file.item(c, i);
        if (w != null) {
          members.add(w);
        }
      }
    }
    members.sort((a, b) -> Integer.compare(memberStart(a), memberStart(b)));
    return members;
  }

  /** Where a member's text starts: its key, or, for an item, its anchor or tag if it has any ({@code &p "9100"}). */
  private int memberStart(Written w) {
    return w.key != null ? w.key.origin().at().startOffset() : file.propertiesStart(w);
  }

  /** Where a member's text ends: its value, or its key when the value is empty. */
  private static int memberEnd(Written w) {
    return w.key != null ? Math.max(w.end(), w.key.origin().at().endOffset()) : w.end();
  }

  private void flow(Written c, List<Written> members, Set<Written> deleted, Map<String, Object> inserted,
      List<Object> appended, List<TextEdit> edits) throws Unwritable {
    if (hasMergeKey(c) && !deleted.isEmpty()) {
      throw new Unwritable("cannot remove from a flow mapping with a merge key");
    }
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, Object> e : inserted.entrySet()) {
      added.add(yaml.key(e.getKey()) + ": " + yaml.flow(e.getValue()));
    }
    // a string added to a list whose strings are all quoted is quoted alike: ["NET_RAW", "ALL"], not ["NET_RAW", ALL]
    Character quote = c.node instanceof SeqNode seq ? YamlFile.quoteOfEveryString(seq) : null;
    for (Object item : appended) {
      added.add(quote != null && item instanceof String s ? yaml.quoted(s, quote) : yaml.flow(item));
    }
    int kept = -1;
    for (int i = 0; i < members.size(); i++) {
      if (!deleted.contains(members.get(i))) {
        kept = i;
      }
    }
    // runs of deleted members go with the comma that follows them, or, at the end, the one before
    int i = 0;
    int lastKeptEnd = -1;
    while (i < members.size()) {
      if (!deleted.contains(members.get(i))) {
        lastKeptEnd = memberEnd(members.get(i));
        i++;
        continue;
      }
      int j = i;
      while (j < members.size() && deleted.contains(members.get(j))) {
        j++;
      }
      if (j < members.size()) {
        edits.add(flowDelete(memberStart(members.get(i)), memberStart(members.get(j))));
      } else if (lastKeptEnd >= 0) {
        edits.add(flowDelete(lastKeptEnd, memberEnd(members.get(j - 1))));
      } else {
        int start = memberStart(members.get(i));
        int end = memberEnd(members.get(j - 1));
        edits.add(new TextEdit(start, end, commentLines(start, end, file.column(start)) + String.join(", ", added)));
        added.clear();
      }
      i = j;
    }
    if (kept < 0 && deleted.isEmpty() && !added.isEmpty()) {
      int end = lastContentEnd(c);
      if (end < 0) {
        edits.add(TextEdit.insert(c.end() - 1, String.join(", ", added)));
      } else {
        edits.add(TextEdit.insert(end, ", " + String.join(", ", added)));
      }
    } else if (!added.isEmpty()) {
      edits.add(TextEdit.insert(lastKeptEnd, ", " + String.join(", ", added)));
    }
  }

  /**
   * Removes an entry of a flow mapping ({@code ports: [...]} of {@code db: {image: x, ports: [...]}}) with the comma
   * that follows it, or, when it is the last one, the comma before it.
   */
  private TextEdit deleteFlowMember(Written member) throws Unwritable {
    Written parent = member.parent;
    if (hasMergeKey(parent)) {
      throw new Unwritable("cannot remove from a flow mapping with a merge key");
    }
    List<Written> members = members(parent);
    int k = members.indexOf(member);
    if (k < 0 || members.size() == 1) {
      throw new Unwritable("removing every entry of " + parent.path() + " would leave it empty");
    }
    return k + 1 < members.size() ? flowDelete(memberStart(member), memberStart(members.get(k + 1)))
        : flowDelete(memberEnd(members.get(k - 1)), memberEnd(member));
  }

  /**
   * Deletes {@code [start, end)} inside a flow collection, keeping the comments and blank lines written there. A
   * comment may stay where the deleted text starts, ending that line; every other comment goes on a line of its own,
   * at the indentation of the line where the deleted text ends, and every blank line stays as it is written. A line
   * that held only deleted text goes.
   */
  private TextEdit flowDelete(int start, int end) {
    List<int[]> kept = file.commentsIn(start, end);
    if (kept.isEmpty()) {
      return TextEdit.delete(start, end);
    }
    int indent = file.lineStart(end);
    while (indent < end && text.charAt(indent) == ' ') {
      indent++;
    }
    int column = file.column(indent);
    // a comment right after the deleted text (`6432  # pgbouncer`) joins the kept ones at their indentation; blanks
    // that end the line go with the deleted text
    int after = end;
    while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    if (after == text.length() || text.charAt(after) == '#' || YamlFile.isBreak(text.charAt(after))) {
      end = after;
    }
    // deleted text that starts its line takes the line with it: what is kept starts on lines of their own
    boolean ownLine = file.firstOnLine(start);
    StringBuilder out = new StringBuilder();
    for (int[] c : kept) {
      if (out.length() == 0 && !ownLine && !isBlankLine(c)) {
        if (!Character.isWhitespace(text.charAt(start - 1))) {
          out.append(' '); // a '#' right after other text would not start a comment
        }
        out.append(text, c[0], c[1]);
      } else {
        out.append(yaml.lineBreak()).append(isBlankLine(c) ? "" : " ".repeat(column)).append(text, c[0], c[1]);
      }
    }
    if (end < text.length() && !YamlFile.isBreak(text.charAt(end))) {
      out.append(yaml.lineBreak()).append(" ".repeat(column));
    }
    int from = ownLine ? previousLineEnd(start) : start;
    if (!ownLine && out.indexOf(yaml.lineBreak()) == 0) {
      while (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t') {
        from--; // the blanks before the deleted text would end a line now
      }
    }
    return new TextEdit(from, end, out.toString());
  }

  /** Where the line before the one holding {@code offset} ends: the offset of its line break. */
  private int previousLineEnd(int offset) {
    return file.lineEnd(file.lineStart(file.lineStart(offset) - 1));
  }

  /** Whether a comment as the reader records it is a blank line. */
  private boolean isBlankLine(int[] comment) {
    return comment[0] >= text.length() || text.charAt(comment[0]) != '#';
  }

  /**
   * The comments written in {@code [start, end)} (not blank lines), each followed by a line break and the
   * indentation {@code column}: the text to write first where that range is replaced inside a flow collection,
   * where a comment ends its line. Empty when there are none.
   */
  private String commentLines(int start, int end, int column) {
    StringBuilder out = new StringBuilder();
    for (int[] c : file.commentsIn(start, end)) {
      if (isBlankLine(c)) {
        continue;
      }
      if (out.length() == 0 && start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
        out.append(' '); // a '#' right after other text would not start a comment
      }
      out.append(text, c[0], c[1]).append(yaml.lineBreak()).append(" ".repeat(column));
    }
    return out.toString();
  }

  /** The end of the last thing written inside a flow collection (merge keys and aliases too), or -1. */
  private int lastContentEnd(Written c) {
    int end = -1;
    if (c.node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        int valueEnd = e.value().origin().usedAt().endOffset();
        int keyEnd = e.key().origin().usedAt().endOffset();
        for (int candidate : new int[] {valueEnd, keyEnd}) {
          if (candidate > c.start() && candidate < c.end()) {
            end = Math.max(end, candidate);
          }
        }
      }
    } else if (c.node instanceof SeqNode s) {
      for (Node item : s.items()) {
        int itemEnd = item.origin().usedAt().endOffset();
        if (itemEnd > c.start() && itemEnd < c.end()) {
          end = Math.max(end, itemEnd);
        }
      }
    }
    return end;
  }

  /** Deletes the lines of a block mapping entry, keeping the comments written in them. */
  private TextEdit deleteEntry(Written value) throws Unwritable {
    int keyStart = value.key.origin().at().startOffset();
    if (!file.firstOnLine(keyStart)) {
      throw new Unwritable("cannot remove " + value.path() + ": it does not start its line");
    }
    return deleteLines(file.lineStart(keyStart), file.afterLine(memberEnd(value)), file.column(keyStart));
  }

  private TextEdit deleteItem(Written item) throws Unwritable {
    int dash = dashOf(item);
    if (dash < 0 || !file.firstOnLine(dash)) {
      throw new Unwritable("cannot remove " + item.path() + ": it does not start its line");
    }
    return deleteLines(file.lineStart(dash), file.afterLine(item.end()), file.column(dash));
  }

  /** The {@code -} before a block sequence item, or -1. */
  private int dashOf(Written item) {
    int i = item.start() - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || YamlFile.isBreak(text.charAt(i)))) {
      i--;
    }
    // an anchor or tag may stand between the dash and the value
    while (i >= 0 && text.charAt(i) != '-' && !YamlFile.isBreak(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == '-' ? i : -1;
  }

  private TextEdit deleteLines(int start, int end, int column) {
    StringBuilder kept = new StringBuilder();
    for (int[] c : file.commentsIn(start, end)) {
      // a comment at the indentation of the deleted lines; a blank line as it is written
      kept.append(isBlankLine(c) ? "" : " ".repeat(column)).append(text, c[0], c[1]).append(yaml.lineBreak());
    }
    if (start == file.lineStart(0) && kept.length() == 0) {
      // Lines deleted at the top of the file (version:) take the blank lines below with them: a file does
      // not start with an empty line.
      while (end < text.length() && text.substring(end, file.afterLine(end + 1)).isBlank()) {
        end = file.afterLine(end + 1);
      }
    }
    if (end == text.length() && !text.isEmpty() && !YamlFile.isBreak(text.charAt(end - 1)) && kept.length() > 0) {
      kept.setLength(kept.length() - yaml.lineBreak().length());
    }
    return new TextEdit(start, end, kept.toString());
  }

  // ---- single nodes ----

  /**
   * The comment written on the header line of {@code w} when it is a block scalar ({@code restart: |- # note}),
   * with a blank before it, to follow what replaces it; else nothing.
   */
  private String headerComment(Written w) {
    if (!(w.node instanceof ScalarNode s) || w.isAlias()
        || s.style() != ScalarNode.Style.LITERAL && s.style() != ScalarNode.Style.FOLDED) {
      return "";
    }
    List<int[]> comments = file.commentsIn(w.start(), file.lineEnd(w.start()));
    return comments.isEmpty() ? "" : " " + text.substring(comments.get(0)[0], comments.get(0)[1]);
  }

  /**
   * Where the text of {@code w} ends: a block scalar that keeps its trailing line breaks ({@code |+}) has them, and
   * the blank lines they end, in its range; what replaces it ends before them, and they stay as blank lines.
   */
  private int textEnd(Written w) {
    int end = w.end();
    if (w.isScalar() && !w.isAlias()) {
      while (end > w.start() && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    return end;
  }

  private TextEdit replace(Written w, Object value) throws Unwritable {
    boolean flowParent = w.parent != null && file.isFlow(w.parent);
    if (w.parent == null) {
      throw new Unwritable("cannot replace a whole document");
    }
    if (YamlText.isScalar(value) && (w.isScalar() || w.isAlias())) {
      if (w.start() == w.end() && w.key != null) {
        // an empty value: `key:` becomes `key: value`, `key: &a` becomes `key: &a value`
        int colon = file.colonAfter(w.key);
        if (colon < 0) {
          throw new Unwritable("cannot find the ':' of " + w.path());
        }
        return TextEdit.insert(Math.max(colon + 1, w.start()), " " + yaml.scalar(value, flowParent));
      }
      return new TextEdit(w.start(), textEnd(w), scalarLike(w, value, flowParent) + headerComment(w));
    }
    String sameLayout = YamlText.isScalar(value) ? null : inTheSameLayout(w, value);
    if (sameLayout != null) {
      return new TextEdit(w.start(), w.end(), sameLayout);
    }
    if (flowParent || !YamlText.isScalar(value) && (value instanceof List<?> l && l.isEmpty()
        || value instanceof Map<?, ?> m && m.isEmpty())) {
      if (w.start() == w.end()) {
        return TextEdit.insert(w.start(), " " + yaml.flow(value));
      }
      // the comments written inside the old value go first, on lines of their own (`depends_on: # note`)
      return new TextEdit(w.start(), w.end(), commentLines(w.start(), w.end(), valueColumn(w)) + yaml.flow(value));
    }
    if (file.isFlow(w) && file.commentsIn(w.start(), w.end()).isEmpty()) {
      // a flow collection stays flow (`depends_on: [db]` becomes `{db: {condition: ...}}`); one with comments
      // inside is written in block style below, where the comments are kept
      return new TextEdit(w.start(), w.end(), yaml.flow(value));
    }
    if (w.key != null) {
      int colon = file.colonAfter(w.key);
      if (colon < 0) {
        throw new Unwritable("cannot find the ':' of " + w.path());
      }
      int keyColumn = file.column(w.key.origin().at().startOffset());
      int widthSoFar = w.key.origin().at().endOffset() - file.lineStart(colon) + 1;
      String after = yaml.afterKey(w.name(), value, keyColumn, widthSoFar);
      if (YamlText.isScalar(value)) {
        return new TextEdit(colon + 1, textEnd(w), after);
      }
      if (w.isScalar() && after.startsWith(yaml.lineBreak()) && onlyCommentAfter(w.end())
          && file.commentsIn(w.start(), w.end()).isEmpty()) {
        // a scalar that becomes a block collection (`tmpfs: /run  # note`): its comment stays on the key's line
        int lineEnd = file.lineEnd(w.end());
        return new TextEdit(colon + 1, lineEnd, text.substring(w.end(), lineEnd) + after);
      }
      int start = colon + 1;
      ParsedYaml.Tag tag = file.tagOf(w);
      if (tag == null || tagHolds(tag.name(), value)) {
        // the anchor and tag written on the old value stay on the new one (`x-caps: &caps`, which aliases name)
        start = Math.max(start, Math.max(file.anchorTokenEnd(w), tag == null ? -1 : tag.end()));
      }
      int end = textEnd(w);
      if (w.start() == w.end() && onlyCommentAfter(end)) {
        start = file.lineEnd(end);
        end = start;
      }
      String kept = keptComments(start, end, keyColumn + yaml.step());
      if (!kept.isEmpty() && !after.startsWith(yaml.lineBreak())) {
        // a value in flow style goes below the comments and blank lines kept, not on the last of them
        after = yaml.lineBreak() + " ".repeat(keyColumn + yaml.step()) + after.stripLeading();
      }
      return new TextEdit(start, end, kept + after);
    }
    if (w.index >= 0 && value instanceof Map<?, ?> map) {
      int column = file.column(w.start());
      List<String> lines = yaml.entries(map, column);
      if (!file.commentsIn(w.start(), w.end()).isEmpty()) {
        throw new Unwritable("cannot rewrite " + w.path() + " without losing its comments");
      }
      StringBuilder out = new StringBuilder(lines.get(0).substring(column));
      for (String l : lines.subList(1, lines.size())) {
        out.append(yaml.lineBreak()).append(l);
      }
      return new TextEdit(w.start(), w.end(), out.toString());
    }
    return new TextEdit(w.start(), w.end(), commentLines(w.start(), w.end(), valueColumn(w)) + yaml.flow(value));
  }

  /**
   * A flow collection written over several lines with blank lines between its entries (and no comment), rewritten
   * as a collection of at least as many entries ({@code depends_on: [db, cache]} as a mapping): the new entries in
   * flow style, each where an old one was, so that the line breaks and blank lines between them stay as written; the
   * entries it adds follow the last one as it follows the one before. Null when the old value is not written so.
   */
  private String inTheSameLayout(Written w, Object value) {
    if (w.isAlias() || !file.isFlow(w) || w.end() - w.start() < 2) {
      return null;
    }
    List<int[]> blanks = file.commentsIn(w.start(), w.end());
    if (blanks.isEmpty() || !blanks.stream().allMatch(this::isBlankLine)) {
      return null;
    }
    List<int[]> old = writtenEntries(w);
    List<String> parts = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> parts.add(yaml.text(k.toString(), true) + ": " + yaml.flow(v)));
    } else if (value instanceof List<?> list) {
      list.forEach(item -> parts.add(yaml.flow(item)));
    }
    if (old == null || old.isEmpty() || parts.size() < old.size()) {
      return null;
    }
    // the text around the entries: after the opening bracket, between two entries (a comma), before the closing one
    List<String> separators = new ArrayList<>();
    int from = w.start() + 1;
    for (int[] entry : old) {
      separators.add(text.substring(from, entry[0]));
      from = entry[1];
    }
    String closing = text.substring(from, w.end() - 1);
    for (int i = 0; i < separators.size(); i++) {
      String gap = separators.get(i).strip();
      if (!(i == 0 ? gap.isEmpty() : gap.equals(","))) {
        return null;
      }
    }
    if (!closing.strip().isEmpty() && !closing.strip().equals(",")) {
      return null;
    }
    String last = separators.get(separators.size() - 1);
    String added = old.size() > 1 ? withoutBlankLines(last)
        : last.indexOf('\n') >= 0 || last.indexOf('\r') >= 0 ? "," + withoutBlankLines(last) : ", ";
    StringBuilder out = new StringBuilder(value instanceof Map<?, ?> ? "{" : "[");
    for (int i = 0; i < parts.size(); i++) {
      out.append(i < separators.size() ? separators.get(i) : added).append(parts.get(i));
    }
    return out.append(closing).append(value instanceof Map<?, ?> ? "}" : "]").toString();
  }

  /** A separator between entries with its blank lines left out: the comma, the last line break and indentation. */
  private static String withoutBlankLines(String separator) {
    int lastBreak = Math.max(separator.lastIndexOf('\n'), separator.lastIndexOf('\r'));
    if (lastBreak < 0) {
      return separator;
    }
    int firstBreak = separator.length();
    for (int i = 0; i < separator.length(); i++) {
      if (YamlFile.isBreak(separator.charAt(i))) {
        firstBreak = i;
        break;
      }
    }
    String lineBreak = separator.charAt(firstBreak) == '\r' && firstBreak + 1 < separator.length()
        && separator.charAt(firstBreak + 1) == '\n' ? "\r\n" : String.valueOf(separator.charAt(firstBreak));
    return separator.substring(0, firstBreak) + lineBreak + separator.substring(lastBreak + 1);
  }

  /**
   * Where each entry of a flow collection is written, {@code [start, end)} in order (a mapping entry from its key to
   * its value, an item with its anchor or tag), or null when an entry is not written there (a merge key's).
   */
  private List<int[]> writtenEntries(Written c) {
    List<int[]> entries = new ArrayList<>();
    if (c.node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        if (!e.key().origin().via().isEmpty()) {
          return null;
        }
        Written value = file.child(c, e.name());
        if (value == null) {
          return null;
        }
        int start = e.key().origin().at().startOffset();
        if (start > 0 && (text.charAt(start - 1) == '"' || text.charAt(start - 1) == '\'')) {
          start--; // a quoted key's range may start inside its quotes
        }
        entries.add(new int[] {start, Math.max(value.end(), file.keyEnd(e.key()))});
      }
    } else if (c.node instanceof SeqNode s) {
      for (int i = 0; i < s.size(); i++) {
        Written item = file.item(c, i);
        if (item == null) {
          return null;
        }
        entries.add(new int[] {file.propertiesStart(item), item.end()});
      }
    } else {
      return null;
    }
    for (int i = 0; i < entries.size(); i++) {
      int[] e = entries.get(i);
      if (e[0] <= c.start() || e[1] >= c.end() || e[0] > e[1] || i > 0 && e[0] < entries.get(i - 1)[1]) {
        return null;
      }
    }
    return entries;
  }

  /** Where a value written on a line of its own below its key (or where it was) starts. */
  private int valueColumn(Written w) {
    return w.key != null ? file.column(w.key.origin().at().startOffset()) + yaml.step() : file.column(w.start());
  }

  private boolean onlyCommentAfter(int offset) {
    int i = offset;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '#';
  }

  /** Comments inside a replaced range, as lines to put first in the new block. */
  private String keptComments(int start, int end, int column) {
    StringBuilder kept = new StringBuilder();
    for (int[] c : file.commentsIn(start, end)) {
      // a blank line stays blank, with no indentation left on it
      kept.append(yaml.lineBreak()).append(isBlankLine(c) ? "" : " ".repeat(column)).append(text, c[0], c[1]);
    }
    return kept.toString();
  }

  /**
   * {@code edit}, which writes over the node {@code w}, taking the tag written on the node along unless {@code holds}
   * says it holds for what is written ({@code !!str} before a new string): a tag that does not ({@code !!null} before
   * an address, {@code !!str} before a list) would make the new value another type, or one that does not load. An
   * anchor written after the tag stays. An edit from before the tag (from the key's colon) takes it anyway.
   */
  private TextEdit overTag(Written w, Predicate<String> holds, TextEdit edit) {
    ParsedYaml.Tag tag = file.tagOf(w);
    if (tag == null || edit.start() < tag.end() || holds.test(tag.name())) {
      return edit;
    }
    String anchor = text.substring(tag.end(), edit.start()).strip();
    String written = edit.replacement().stripLeading();
    return new TextEdit(tag.start(), edit.end(), anchor.isEmpty() ? written : anchor + " " + written);
  }

  /**
   * Whether a tag, as the parser names it, holds for {@code value} written in place of the tagged value: a merge tag
   * always (it says how the value merges, not what it is), a type tag when it names the value's own type.
   */
  private static boolean tagHolds(String tag, Object value) {
    return switch (tag) {
      case "!reset", "!override" -> true;
      case "tag:yaml.org,2002:str" -> value instanceof String;
      case "tag:yaml.org,2002:int" -> value instanceof Long;
      case "tag:yaml.org,2002:float" -> value instanceof Double;
      case "tag:yaml.org,2002:bool" -> value instanceof Boolean;
      case "tag:yaml.org,2002:null" -> value == null;
      case "tag:yaml.org,2002:map" -> value instanceof Map<?, ?>;
      case "tag:yaml.org,2002:seq" -> value instanceof List<?>;
      default -> false;
    };
  }

  /** A new scalar written the way the old one was: quoted the same, or plain when that is safe. */
  private String scalarLike(Written w, Object value, boolean flow) {
    if (value instanceof String s && w.node instanceof ScalarNode old && !w.isAlias()) {
      String escaped = s.replace("$", "$$");
      return switch (old.style()) {
        case SINGLE_QUOTED -> YamlStrings.quoted(escaped, '\'');
        case DOUBLE_QUOTED -> YamlStrings.quoted(escaped, '"');
        default -> yaml.text(escaped, flow);
      };
    }
    return yaml.scalar(value, flow);
  }

  private TextEdit replaceItem(Written item, List<Object> items) throws Unwritable {
    if (file.isFlow(item.parent)) {
      List<String> parts = new ArrayList<>();
      for (Object i : items) {
        parts.add(yaml.flow(i));
      }
      return new TextEdit(item.start(), item.end(),
          commentLines(item.start(), item.end(), file.column(item.start())) + String.join(", ", parts));
    }
    int dash = dashOf(item);
    if (dash < 0 || !file.firstOnLine(dash)) {
      throw new Unwritable("cannot rewrite " + item.path() + ": it does not start its line");
    }
    if (!file.commentsIn(dash, item.end()).isEmpty()) {
      throw new Unwritable("cannot rewrite " + item.path() + " without losing its comments");
    }
    int column = file.column(dash);
    List<String> lines = yaml.items(items, column);
    StringBuilder out = new StringBuilder(lines.get(0).substring(column));
    for (String l : lines.subList(1, lines.size())) {
      out.append(yaml.lineBreak()).append(l);
    }
    return new TextEdit(dash, item.end(), out.toString());
  }

  private void quote(Written w, List<TextEdit> edits) {
    if (w.node instanceof ScalarNode s && s.style() == ScalarNode.Style.PLAIN && w.start() < w.end()) {
      edits.add(overTag(w, Renderer::holdsForText,
          new TextEdit(w.start(), w.end(), YamlStrings.quoted(s.value(), file.style.quote()))));
    }
  }

  /**
   * Whether a tag written on a string still holds when the string's value is written as text in place of it: not
   * {@code !!binary}, whose value is what its base64 text decodes to.
   */
  private static boolean holdsForText(String tag) {
    return !tag.equals("tag:yaml.org,2002:binary");
  }

  private Insertion anchor(Written w, String name) throws Unwritable {
    if (w.key != null && !file.isFlow(w) && !w.isScalar() && w.parent != null && !file.isFlow(w.parent)) {
      int colon = file.colonAfter(w.key);
      if (colon >= 0) {
        return new Insertion(colon + 1, -1, " &" + name);
      }
    }
    if (file.isFlow(w) || w.isScalar()) {
      return new Insertion(w.start(), -1, "&" + name + " ");
    }
    throw new Unwritable("cannot put an anchor on " + w.path());
  }
}
