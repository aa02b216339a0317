package dev.lashing.fix;

import dev.lashing.source.Offsets;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ParsedYaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One compose file as written, for editing it: its YAML documents, every node written in it (not the copies
 * aliases and merge keys make) found by its exact range, with its parent, plus its comments and the style
 * it is written in (indentation, sequence style, quotes, line breaks).
 */
final class YamlFile {
  /** A node written in this file and where it sits: the value of {@code key} in a mapping, or an item. */
  static final class Written {
    final Node node;
    final Written parent;
    /** The key this node is the value of, or null for an item or a document. */
    final ScalarNode key;
    /** The index of this node in its parent sequence, or -1. */
    final int index;
    /**
     * The next node written at the same range (a value and the mapping or sequence it opens can share one), or
     * null: most ranges hold one node, which then needs no list of its own.
     */
    private Written sameRange;

    Written(Node node, Written parent, ScalarNode key, int index) {
      this.node = node;
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    /** Where the node is written here: for an alias, the {@code *name} itself. */
    int start() {
      return node.origin().usedAt().startOffset();
    }

    int end() {
      return node.origin().usedAt().endOffset();
    }

    /** Whether this is an {@code *alias} written here (its node is the anchored value). */
    boolean isAlias() {
      return !node.origin().via().isEmpty();
    }

    int depth() {
      int depth = 0;
      for (Written w = parent; w != null; w = w.parent) {
        depth++;
      }
      return depth;
    }

    boolean isWithin(Written ancestor) {
      for (Written w = this; w != null; w = w.parent) {
        if (w == ancestor) {
          return true;
        }
      }
      return false;
    }

    String name() {
      return key == null ? null : key.value();
    }

    boolean isMap() {
      return node instanceof MapNode;
    }

    boolean isSeq() {
      return node instanceof SeqNode;
    }

    boolean isScalar() {
      return node instanceof ScalarNode;
    }

    /** The keys and indices from the document root, for messages. */
    String path() {
      List<String> parts = new ArrayList<>();
      for (Written w = this; w != null && w.parent != null; w = w.parent) {
        parts.add(0, w.key != null ? w.key.value() : "[" + w.index + "]");
      }
      return String.join(".", parts);
    }

    @Override
    public String toString() {
      return path() + "@" + start();
    }
  }

  final SourceFile source;
  final String text;
  final List<Written> documents = new ArrayList<>();
  /** The first node written at each range; the others follow it through {@link Written#sameRange}. */
  private final RangeMap<Written> byRange = new RangeMap<>();
  private final RangeMap<Written> byKey = new RangeMap<>();
  /** Aliases written here, as nodes, made once so that edits of the same alias compare equal. */
  private final Map<Node, Written> aliases = new java.util.IdentityHashMap<>();
  /** Comment ranges {@code [start, end)}, in order. */
  final List<int[]> comments = new ArrayList<>();
  final Style style;
  /**
   * Writes new values in the file's style: one for the file, however many plans write into it, so that what it
   * works out for each string (a report plans each finding's fix on its own) is worked out once.
   */
  final YamlText yaml;
  private final List<String> anchorNames = new ArrayList<>();
  /** Anchors by where the anchored value starts. */
  private final Map<Integer, ParsedYaml.Anchor> anchorsByStart = new HashMap<>();
  /** The tags written on values, by where the tagged value starts. */
  private final Map<Integer, ParsedYaml.Tag> tagsByStart = new HashMap<>();
  /** The anchors, in the order they are written, and where each one's {@code &name} starts. */
  private final List<ParsedYaml.Anchor> anchorList;
  private final int[] anchorTokens;
  /** Where the next anchor of the same name starts, for each anchor: aliases after it refer to that one. */
  private final int[] anchorRedefined;
  /** Where the aliases of each anchor name are written, in order. */
  private final Map<String, List<Integer>> aliasesByName = new HashMap<>();
  /** The aliases written as values or items (not in merge keys), by where their {@code *name} starts. */
  private final Map<Integer, Written> aliasesAt = new HashMap<>();

  /** The file as the loader parsed it (no second parse). */
  YamlFile(ParsedYaml parsed) {
    this.source = parsed.source();
    this.text = source.text();
    Style.Counts counts = new Style.Counts();
    List<Written> aliased = new ArrayList<>();
    for (Node document : parsed.documents()) {
      Written root = new Written(document, null, null, -1);
      documents.add(root);
      index(root, counts, aliased);
    }
    for (Written alias : aliased) {
      aliasesAt.put(alias.start(), alias);
    }
    // what aliases bring in is not indexed, yet written where the alias is: it counts for the style as well
    List<Written> todo = new ArrayList<>(aliased);
    while (!todo.isEmpty()) {
      Written w = todo.remove(todo.size() - 1);
      counts.count(this, w);
      todo.addAll(children(w));
    }
    for (ParsedYaml.Comment c : parsed.comments()) {
      comments.add(new int[] {c.start(), c.end()});
    }
    for (ParsedYaml.Anchor a : parsed.anchors()) {
      anchorNames.add(a.name());
      anchorsByStart.putIfAbsent(a.valueStart(), a);
    }
    for (ParsedYaml.Tag t : parsed.tags()) {
      tagsByStart.put(t.valueStart(), t);
    }
    this.anchorList = parsed.anchors();
    this.anchorTokens = new int[anchorList.size()];
    for (int i = 0; i < anchorTokens.length; i++) {
      anchorTokens[i] = anchorList.get(i).start();
    }
    this.anchorRedefined = new int[anchorTokens.length];
    Map<String, Integer> nextOfName = new HashMap<>();
    for (int i = anchorTokens.length - 1; i >= 0; i--) {
      anchorRedefined[i] = nextOfName.getOrDefault(anchorList.get(i).name(), Integer.MAX_VALUE);
      nextOfName.put(anchorList.get(i).name(), anchorTokens[i]);
    }
    for (ParsedYaml.Alias a : parsed.aliases()) {
      aliasesByName.computeIfAbsent(a.name(), name -> new ArrayList<>()).add(a.start());
    }
    this.style = counts.style(text);
    this.yaml = new YamlText(style);
  }

  /** Indexes a written node and what is written in it, counting each for the style; aliases go to {@code aliased}. */
  private void index(Written w, Style.Counts counts, List<Written> aliased) {
    counts.count(this, w);
    Written first = byRange.putIfAbsent(w.start(), w.end(), w);
    if (first != null) {
      Written last = first;
      while (last.sameRange != null) {
        last = last.sameRange;
      }
      last.sameRange = w;
    }
    if (w.key != null) {
      byKey.put(w.key.origin().at().startOffset(), w.key.origin().at().endOffset(), w);
    }
    if (w.node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        if (!e.key().origin().via().isEmpty()) {
          continue; // brought in by a merge key
        }
        if (e.value().origin().via().isEmpty()) {
          index(new Written(e.value(), w, e.key(), -1), counts, aliased);
        } else {
          aliased.add(child(w, e));
        }
      }
    } else if (w.node instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        if (seq.get(i).origin().via().isEmpty()) {
          index(new Written(seq.get(i), w, null, i), counts, aliased);
        } else {
          aliased.add(item(w, i));
        }
      }
    }
  }

  /** The written nodes at exactly this range (usually one). */
  List<Written> at(SourceRange range) {
    Written first = firstAt(range);
    if (first == null) {
      return List.of();
    }
    if (first.sameRange == null) {
      return List.of(first);
    }
    List<Written> all = new ArrayList<>();
    for (Written w = first; w != null; w = w.sameRange) {
      all.add(w);
    }
    return all;
  }

  /** The first written node at exactly this range (the others follow it), or null. */
  private Written firstAt(SourceRange range) {
    if (range == null || range.isSynthetic() || !range.file().equals(source.name())) {
      return null;
    }
    return byRange.get(range.startOffset(), range.endOffset());
  }

  /** The written node at this range that is the value of {@code key} (or an item when key is null). */
  Written valueAt(SourceRange range, String key) {
    for (Written w : at(range)) {
      if (key == null ? w.index >= 0 : key.equals(w.name())) {
        return w;
      }
    }
    return null;
  }

  /** The written entry of a mapping whose key is written at {@code keyRange}: its value's node. */
  Written entryByKey(SourceRange keyRange) {
    if (keyRange == null || keyRange.isSynthetic() || !keyRange.file().equals(source.name())) {
      return null;
    }
    return byKey.get(keyRange.startOffset(), keyRange.endOffset());
  }

  /** The written value of {@code key} in the mapping {@code map}, or null (also when it comes from a merge key). */
  Written child(Written map, String key) {
    if (!(map.node instanceof MapNode m)) {
      return null;
    }
    MapNode.Entry e = m.entry(key);
    return e == null ? null : child(map, e);
  }

  /** The written value of the entry {@code e} of the mapping {@code map}, or null (also from a merge key). */
  private Written child(Written map, MapNode.Entry e) {
    if (!e.key().origin().via().isEmpty()) {
      return null;
    }
    if (!e.value().origin().via().isEmpty()) {
      return aliases.computeIfAbsent(e.value(), v -> new Written(v, map, e.key(), -1));
    }
    for (Written w = firstAt(e.value().origin().at()); w != null; w = w.sameRange) {
      if (w.parent == map && e.name().equals(w.name())) {
        return w;
      }
    }
    return null;
  }

  /** The written item {@code index} of a sequence, or null. */
  Written item(Written seq, int index) {
    if (!(seq.node instanceof SeqNode s) || index >= s.size()) {
      return null;
    }
    if (!s.get(index).origin().via().isEmpty()) {
      return aliases.computeIfAbsent(s.get(index), v -> new Written(v, seq, null, index));
    }
    for (Written w = firstAt(s.get(index).origin().at()); w != null; w = w.sameRange) {
      if (w.parent == seq && w.index == index) {
        return w;
      }
    }
    return null;
  }

  /** What is written in a mapping or sequence: its entries' values or its items, aliases as written here. */
  private List<Written> children(Written w) {
    List<Written> out = new ArrayList<>();
    if (w.node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        Written c = child(w, e); // the entry itself: its name finds it, as keys are unique
        if (c != null) {
          out.add(c);
        }
      }
    } else if (w.node instanceof SeqNode s) {
      for (int i = 0; i < s.size(); i++) {
        Written c = item(w, i);
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Whether the mapping has this key written in it or brought in by a merge key. */
  static boolean hasKey(Written map, String key) {
    return map.node instanceof MapNode m && m.has(key);
  }

  // ---- text positions ----

  boolean isFlow(Written collection) {
    int at = collection.start();
    return at < text.length() && (text.charAt(at) == '{' || text.charAt(at) == '[');
  }

  /** The offset where the line holding {@code offset} starts (after a byte order mark on line 1). */
  int lineStart(int offset) {
    int start = source.lineStart(source.lineOf(offset));
    if (start == 0 && source.hasByteOrderMark()) {
      start = 1;
    }
    return start;
  }

  /** The column (0-based, in characters) of an offset. */
  int column(int offset) {
    return offset - lineStart(offset);
  }

  /** Whether only blanks stand between the line's start and {@code offset}. */
  boolean firstOnLine(int offset) {
    for (int i = lineStart(offset); i < offset; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The offset just after the line break of the line holding {@code offset - 1}; the text's end on the last line. */
  int afterLine(int offset) {
    if (offset > 0 && offset <= text.length() && isBreak(text.charAt(offset - 1))) {
      // already at a line start, unless in the middle of a CRLF
      if (text.charAt(offset - 1) == '\r' && offset < text.length() && text.charAt(offset) == '\n') {
        return offset + 1;
      }
      return offset;
    }
    for (int i = offset; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return text.length();
  }

  /** The offset of the line break that ends the line holding {@code offset} (or the text's end). */
  int lineEnd(int offset) {
    for (int i = offset; i < text.length(); i++) {
      if (isBreak(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Where a key is written up to, its closing quote included. */
  int keyEnd(ScalarNode key) {
    int end = key.origin().at().endOffset();
    // a quoted key's range may or may not include the closing quote
    return end < text.length() && (key.style() == ScalarNode.Style.SINGLE_QUOTED
        || key.style() == ScalarNode.Style.DOUBLE_QUOTED) && (text.charAt(end) == '"' || text.charAt(end) == '\'')
        ? end + 1 : end;
  }

  /** The offset of the {@code :} after a key, or -1. */
  int colonAfter(ScalarNode key) {
    int i = keyEnd(key);
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':' ? i : -1;
  }

  /** The comments that start in {@code [start, end)}. */
  List<int[]> commentsIn(int start, int end) {
    List<int[]> found = new ArrayList<>();
    for (int[] c : comments) {
      if (c[0] >= start && c[0] < end) {
        found.add(c);
      }
    }
    return found;
  }

  /** The anchor written on a node ({@code &name} before it), or null. */
  String anchorOf(Written w) {
    ParsedYaml.Anchor anchor = anchorOn(w);
    return anchor == null ? null : anchor.name();
  }

  private ParsedYaml.Anchor anchorOn(Written w) {
    return w.isAlias() ? null : anchorsByStart.get(w.start());
  }

  /**
   * The name of an anchor whose {@code &name} lies in the text {@code [start, end)} while an alias outside that
   * text still refers to it, or null: removing the text would leave the alias pointing at nothing. An alias that
   * {@code removed} says goes too (another edit removes it) does not count.
   */
  String anchorStillUsed(int start, int end, IntPredicate removed) {
    int first = Arrays.binarySearch(anchorTokens, start);
    for (int i = first >= 0 ? first : -first - 1; i < anchorTokens.length && anchorTokens[i] < end; i++) {
      String name = anchorList.get(i).name();
      for (int alias : aliasesByName.getOrDefault(name, List.of())) {
        if (alias > anchorTokens[i] && alias < anchorRedefined[i] && (alias < start || alias >= end)
            && !removed.test(alias)) {
          return name;
        }
      }
    }
    return null;
  }

  /** The alias ({@code *name}) written as a value or an item at {@code at}, or null. */
  Written aliasAt(SourceRange at) {
    return at == null || at.isSynthetic() || !at.file().equals(source.name()) ? null
        : aliasesAt.get(at.startOffset());
  }

  /** The items written as an alias ({@code - *name}) of the anchor on {@code w}, in order. */
  List<Written> aliasItemsOf(Written w) {
    List<Written> items = new ArrayList<>();
    for (Written alias : aliasesOf(w)) {
      if (alias.index >= 0) {
        items.add(alias);
      }
    }
    return items;
  }

  /**
   * The values and items written as an alias ({@code key: *name}, {@code - *name}) of the anchor on {@code w}, in
   * order; not those of merge keys.
   */
  List<Written> aliasesOf(Written w) {
    ParsedYaml.Anchor anchor = anchorOn(w);
    String name = anchor == null ? null : anchor.name();
    int i = anchor == null ? -1 : Arrays.binarySearch(anchorTokens, anchor.start());
    if (i < 0) {
      return List.of();
    }
    List<Written> aliases = new ArrayList<>();
    for (int at : aliasesByName.getOrDefault(name, List.of())) {
      Written alias = aliasesAt.get(at);
      if (at > anchorTokens[i] && at < anchorRedefined[i] && alias != null) {
        aliases.add(alias);
      }
    }
    return aliases;
  }

  /**
   * The mappings written here that merge the anchor on {@code w} ({@code <<: *name}, or {@code <<: [*a, *name]}), in
   * order: each takes the keys of {@code w} that it does not set itself.
   */
  List<Written> mergersOf(Written w) {
    ParsedYaml.Anchor anchor = anchorOn(w);
    int i = anchor == null ? -1 : Arrays.binarySearch(anchorTokens, anchor.start());
    if (i < 0) {
      return List.of();
    }
    List<Integer> merges = new ArrayList<>();
    for (int at : aliasesByName.getOrDefault(anchor.name(), List.of())) {
      if (at > anchorTokens[i] && at < anchorRedefined[i] && !aliasesAt.containsKey(at)) {
        merges.add(at); // not a value or an item: a merge key's
      }
    }
    List<Written> mergers = new ArrayList<>();
    for (Written document : documents) {
      holding(document, merges, mergers);
    }
    return mergers;
  }

  /**
   * Adds to {@code out} the collections at or below {@code w} that hold one of the offsets {@code at} (in order)
   * outside what is written in them: where each one's merge key is. Only the nodes that hold one are walked.
   */
  private void holding(Written w, List<Integer> at, List<Written> out) {
    int from = firstFrom(at, w.start());
    int to = firstFrom(at, w.end());
    if (from == to) {
      return;
    }
    List<Integer> here = at.subList(from, to);
    int inChildren = 0;
    for (Written child : children(w)) {
      if (!child.isAlias() && (child.isMap() || child.isSeq())) {
        List<Integer> within = here.subList(firstFrom(here, child.start()), firstFrom(here, child.end()));
        inChildren += within.size();
        holding(child, within, out);
      }
    }
    if (inChildren < here.size() && w.isMap()) {
      out.add(w);
    }
  }

  /** The index of the first of the offsets {@code at} (in order) that is {@code offset} or after. */
  private static int firstFrom(List<Integer> at, int offset) {
    return Offsets.firstAtOrAfter(at.size(), at::get, offset);
  }

  /** Where what is written of a node starts: at its {@code &anchor} or {@code !tag} when it has one, else its value. */
  int propertiesStart(Written w) {
    ParsedYaml.Anchor anchor = anchorOn(w);
    int start = anchor == null ? w.start() : anchor.start();
    ParsedYaml.Tag tag = tagOf(w);
    return tag == null ? start : Math.min(start, tag.start());
  }

  /** The tag written on a node ({@code !!str} before it), or null. */
  ParsedYaml.Tag tagOf(Written w) {
    return w.isAlias() ? null : tagsByStart.get(w.start());
  }

  /** Where the {@code &name} of the anchor on {@code w} ends, or -1 when it has none. */
  int anchorTokenEnd(Written w) {
    ParsedYaml.Anchor anchor = anchorOn(w);
    return anchor == null ? -1 : anchor.start() + anchor.name().length() + 1;
  }

  /** Every anchor name written in the file. */
  List<String> anchors() {
    return anchorNames;
  }

  /**
   * The quote of a list whose every string item is quoted ({@code ["a", "b"]}), the first item's when they differ;
   * null when one is not, or when it holds no string.
   */
  static Character quoteOfEveryString(SeqNode seq) {
    Character quote = null;
    for (Node item : seq.items()) {
      if (item instanceof ScalarNode s && s.isString()) {
        if (s.style() != ScalarNode.Style.DOUBLE_QUOTED && s.style() != ScalarNode.Style.SINGLE_QUOTED) {
          return null;
        }
        if (quote == null) {
          quote = s.style() == ScalarNode.Style.DOUBLE_QUOTED ? '"' : '\'';
        }
      }
    }
    return quote;
  }

  /** How a list is written: {@code - item} lines, {@code [a, b]}, or {@code ["a", "b"]} with every string quoted. */
  enum ListStyle {
    BLOCK, FLOW, QUOTED_FLOW;

    /** The style used most often in {@code counts} (one per style, in order); block on a tie or with none. */
    static ListStyle mostUsed(int[] counts) {
      ListStyle most = BLOCK;
      for (ListStyle style : values()) {
        if (counts[style.ordinal()] > counts[most.ordinal()]) {
          most = style;
        }
      }
      return most;
    }
  }

  /**
   * How a file is written, so that new text looks like the rest: {@code lists} is how most of its lists are
   * written, {@code listsByKey} how those of each key are.
   */
  record Style(int indent, boolean indentedSequences, char quote, String lineBreak, ListStyle lists,
      Map<String, ListStyle> listsByKey) {

    Style {
      listsByKey = Map.copyOf(listsByKey);
    }

    /** How a new list under {@code key} is written: as the file writes that key's lists, else as most of its lists. */
    ListStyle listsUnder(String key) {
      return listsByKey.getOrDefault(key, lists);
    }

    /** What the written nodes show of the file's style, counted one node at a time. */
    static final class Counts {
      private final Map<Integer, Integer> steps = new HashMap<>();
      private int indented;
      private int indentless;
      private int doubles;
      private int singles;
      /** How many lists are written in each {@link ListStyle}: in the whole file, and under each key. */
      private final int[] lists = new int[ListStyle.values().length];
      private final Map<String, int[]> listsByKey = new HashMap<>();

      void count(YamlFile file, Written w) {
        if (w.node instanceof SeqNode seq && !seq.items().isEmpty() && !w.isAlias()) {
          ListStyle written = !file.isFlow(w) ? ListStyle.BLOCK
              : quoteOfEveryString(seq) != null ? ListStyle.QUOTED_FLOW : ListStyle.FLOW;
          lists[written.ordinal()]++;
          if (w.key != null) {
            listsByKey.computeIfAbsent(w.key.value(), k -> new int[lists.length])[written.ordinal()]++;
          }
        }
        if (w.node instanceof ScalarNode s) {
          if (s.style() == ScalarNode.Style.DOUBLE_QUOTED) {
            doubles++;
          } else if (s.style() == ScalarNode.Style.SINGLE_QUOTED) {
            singles++;
          }
        }
        if (w.key != null && w.parent != null && !file.isFlow(w.parent) && (w.isMap() || w.isSeq())
            && !file.isFlow(w) && file.source.lineOf(w.start()) > file.source.lineOf(w.key.origin().at().startOffset())) {
          int keyColumn = file.column(w.key.origin().at().startOffset());
          int column = file.column(w.start());
          if (w.isMap() && column > keyColumn) {
            steps.merge(column - keyColumn, 1, Integer::sum);
          } else if (w.isSeq()) {
            if (column > keyColumn) {
              indented++;
            } else {
              indentless++;
            }
          }
        }
      }

      /** The style the counts show in a file with this text. */
      Style style(String text) {
        int indent = 2;
        int best = 0;
        for (Map.Entry<Integer, Integer> e : steps.entrySet()) {
          if (e.getValue() > best || e.getValue() == best && e.getKey() < indent) {
            best = e.getValue();
            indent = e.getKey();
          }
        }
        String lineBreak = SourceFile.lineBreakOf(text);
        Map<String, ListStyle> byKey = new HashMap<>();
        listsByKey.forEach((key, counts) -> byKey.put(key, ListStyle.mostUsed(counts)));
        return new Style(Math.max(1, Math.min(indent, 8)), indented >= indentless, singles > doubles ? '\'' : '"',
            lineBreak, ListStyle.mostUsed(lists), byKey);
      }
    }
  }
}
