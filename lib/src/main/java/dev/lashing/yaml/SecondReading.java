package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The text as a second reading takes it, where snakeyaml-engine refuses what Compose's YAML reader (go-yaml) reads,
 * changed so that it reads it as go-yaml does, each position where it was:
 *
 * <ul>
 *   <li>tabs go-yaml reads as it reads spaces ("a tab character that violates indentation", "expected chomping or
 *       indentation indicators", "found character ' ' that cannot start any token" after a tab within brackets):
 *       those among the blanks between two things written on a line ({@code image:<TAB>nginx}, {@code &name<TAB>},
 *       {@code !!str<TAB>}, {@code [a,<TAB> b]}, {@code "key"<TAB>: value}), those after a block scalar's header
 *       ({@code command: |<TAB>}) and those in a line's indentation (the blanks before its first character), as
 *       spaces. Where they are tells which values that reading has read otherwise, to read those again with their
 *       tabs. The tabs in indentation, and which of them Compose refuses, come from one scan of the text
 *       ({@link IndentationTabs});
 *   <li>a {@code -} alone before a comma or a closing bracket or brace ({@code [cat, -]}), which go-yaml reads as a
 *       plain scalar and snakeyaml-engine refuses ("found character '-' that cannot start any token"): as a letter,
 *       the first of the plain scalar that starts there, whose value then starts with the {@code -} again;
 *   <li>a comma or a square bracket in a tag that ends at a blank or a line's end ({@code [!!str, x]}), which go-yaml
 *       reads as part of the tag (then the tag of {@code x}, one it does not know, so that {@code x} is a string) and
 *       snakeyaml-engine refuses ("expected ' ', but found ','"), and a {@code !} after the first in a tag with no
 *       handle ({@code !a~b!}: "expected '!'"): as a {@code ;}, which both read in a tag. The tag is then named with a
 *       {@code ;} for each, a tag neither knows, as the one written;
 *   <li>the colon right after an alias used as a key ({@code *name: value}), where go-yaml ends the alias's name
 *       and snakeyaml-engine takes it into the name: a space is put before it, the one change that is not in place
 *       ({@link #writtenOffset} takes a position in the text read back to the text written);
 *   <li>the blank lines that follow a block scalar's header with more spaces than the line after them, which go-yaml
 *       takes for the scalar's indentation, so that the scalar is empty ("the leading empty lines contain more spaces
 *       than the first non-empty line"): their spaces as line breaks. The scalar's value is then
 *       {@link #emptiedValue}, as go-yaml reads it.
 * </ul>
 */
final class SecondReading {
  /** The text as written. */
  private final String written;
  /** The text as this reading takes it. */
  private final String text;
  /**
   * Where the tabs between two things written on a line that are now spaces are, in order: each is text within any
   * value.
   */
  private final int[] separators;
  /**
   * Where the characters of a comment glued to a block scalar's header that are now spaces are, in order: each is
   * text within any value but the block scalar it is the header of. (The tabs after a header are separators.)
   */
  private final int[] headers;
  /** Where the tabs in indentation that are now spaces are, in order: each is text only within a block scalar. */
  private final int[] indentation;
  /** Where each comment starts that follows a block scalar's header with no blank between ({@code |#c}), in order. */
  private final int[] gluedComments;
  /** Where each {@code -} alone before a comma or a closing bracket or brace is, in order, now a letter. */
  private final int[] dashes;
  /** Where each character within a tag that snakeyaml-engine reads otherwise is, in order, now a {@code ;}. */
  private final int[] inTags;
  /** Where each colon is that ends an alias used as a key, in order: a space goes before each. */
  private final int[] aliasColons;
  /** Where each space put before one of {@link #aliasColons} is in the text read, in order. */
  private final int[] insertedSpaces;
  /** The block scalars emptied, by where their text starts (the line after the header): the value of each. */
  private final Map<Integer, String> emptied;
  /**
   * Where the tabs between two things on a line are that this reading leaves tabs, in order, presuming them text
   * of a quoted scalar written on one line ({@link #presumingQuotedTabs}); the reader checks that each is.
   */
  private final int[] presumedQuoted;

  private SecondReading(String written, String text, int[] separators, int[] headers, int[] indentation,
      int[] gluedComments, int[] dashes, int[] inTags, int[] aliasColons, Map<Integer, String> emptied) {
    this(written, text, separators, headers, indentation, gluedComments, dashes, inTags, aliasColons, emptied,
        new int[0]);
  }

  private SecondReading(String written, String text, int[] separators, int[] headers, int[] indentation,
      int[] gluedComments, int[] dashes, int[] inTags, int[] aliasColons, Map<Integer, String> emptied,
      int[] presumedQuoted) {
    this.written = written;
    this.text = text;
    this.separators = separators;
    this.headers = headers;
    this.indentation = indentation;
    this.gluedComments = gluedComments;
    this.dashes = dashes;
    this.inTags = inTags;
    this.aliasColons = aliasColons;
    this.insertedSpaces = new int[aliasColons.length];
    for (int i = 0; i < aliasColons.length; i++) {
      insertedSpaces[i] = aliasColons[i] + i;
    }
    this.emptied = emptied;
    this.presumedQuoted = presumedQuoted;
  }

  /** The text as it is, for a second reading that changes only what {@link #emptying} adds. */
  static SecondReading asWritten(String text) {
    return new SecondReading(text, text, new int[0], new int[0], new int[0], new int[0], new int[0], new int[0],
        new int[0], Map.of());
  }

  /**
   * A second reading read values with a character changed in them: their ranges, and of those the block scalars'
   * (whose text starts on the line after the header), where a tab in indentation is text too.
   */
  static final class WithinValues extends RuntimeException {
    private final Ranges values;
    private final Ranges blockScalars;

    /** Start and end offsets, in any order. */
    WithinValues(int[] values, int[] blockScalars) {
      super(null, null, false, false);
      this.values = new Ranges(values);
      this.blockScalars = new Ranges(blockScalars);
    }
  }

  /** A reading found a tab that {@link #presumingQuotedTabs} left one outside the quoted scalars it read. */
  static final class PresumedWrongly extends RuntimeException {
    PresumedWrongly() {
      super(null, null, false, false);
    }
  }

  /** Ranges of the text, in order, those that overlap as one. */
  private static final class Ranges {
    private final int[] ranges;

    /** {@code ranges}: start and end offsets, in any order. */
    Ranges(int[] ranges) {
      long[] byStart = new long[ranges.length / 2];
      for (int i = 0; i < byStart.length; i++) {
        byStart[i] = (long) ranges[2 * i] << 32 | ranges[2 * i + 1];
      }
      Arrays.sort(byStart);
      int[] merged = new int[ranges.length];
      int count = 0;
      for (long range : byStart) {
        int start = (int) (range >>> 32);
        int end = (int) range;
        if (count > 0 && start <= merged[count - 1]) {
          merged[count - 1] = Math.max(end, merged[count - 1]);
        } else {
          merged[count++] = start;
          merged[count++] = end;
        }
      }
      this.ranges = Arrays.copyOf(merged, count);
    }

    /** Whether {@code offset} lies within a range: the last that starts at or before it, by halving. */
    boolean contains(int offset) {
      int after = Offsets.firstAtOrAfter(ranges.length / 2, i -> ranges[2 * i], offset + 1);
      return after > 0 && offset < ranges[2 * after - 1];
    }
  }

  /**
   * The text with every tab between two things written on a line ({@link #separatorTabs}), after a block scalar's
   * header and in a line's indentation ({@code indentationTabs}, null when there are none) as a space, and a comment
   * that follows a block scalar's header with no blank between ({@code |#c}, which go-yaml reads and
   * snakeyaml-engine refuses) as spaces, a {@code -} alone before a comma or a closing bracket or brace as a
   * letter, a comma or a square bracket in a tag as a {@code ;}, and a space before the colon of an alias used as a
   * key; null when it has none of them. A block scalar's header ({@code |} or
   * {@code >}, then {@code + - 0-9}) starts a line or follows a blank.
   */
  static SecondReading of(String text, IndentationTabs indentationTabs) {
    char[] spaced = text.toCharArray();
    GrowingInts headers = new GrowingInts();
    GrowingInts gluedComments = new GrowingInts();
    for (int i = 0; i < text.length(); i++) {
      int indicatorsEnd = headerIndicatorsEnd(text, i);
      if (indicatorsEnd >= 0 && indicatorsEnd < text.length() && text.charAt(indicatorsEnd) == '#'
          && readable(text, indicatorsEnd)) {
        gluedComments.add(indicatorsEnd);
        int c = indicatorsEnd;
        for (; c < text.length() && !isBreak(text.charAt(c)); c++) {
          spaced[c] = ' ';
          headers.add(c);
        }
        i = c; // the comment's text is no header
      }
    }
    GrowingInts separators = separatorTabs(text, spaced);
    GrowingInts dashes = new GrowingInts();
    for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
      if (aloneBeforeAnEnd(text, dash)) {
        spaced[dash] = DASH_STANDIN;
        dashes.add(dash);
      }
    }
    GrowingInts inTags = new GrowingInts();
    for (int tag = text.indexOf('!'); tag >= 0; tag = text.indexOf('!', tag + 1)) {
      if (tag == 0 || "[{,: \t\n\r\uFEFF".indexOf(text.charAt(tag - 1)) >= 0) {
        tag = mendTag(text, tag, spaced, inTags);
      }
    }
    GrowingInts aliasColons = new GrowingInts();
    for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', star + 1)) {
      int colon = colonOfAliasKey(text, star);
      if (colon >= 0 && (star == 0 || "[{, \t\n\r\uFEFF".indexOf(text.charAt(star - 1)) >= 0)) {
        aliasColons.add(colon);
      }
    }
    int[] indentation = indentationTabs == null ? new int[0] : indentationTabs.everyTab();
    for (int tab : indentation) {
      spaced[tab] = ' ';
    }
    if (separators.size() == 0 && headers.size() == 0 && indentation.length == 0 && dashes.size() == 0
        && inTags.size() == 0 && aliasColons.size() == 0) {
      return null;
    }
    return new SecondReading(text, new String(spaced), separators.toArray(), headers.toArray(), indentation,
        gluedComments.toArray(), dashes.toArray(), inTags.toArray(), aliasColons.toArray(), Map.of());
  }

  /**
   * Where the colon is that ends an alias used as a key with no blank before it ({@code *name: value}) whose
   * {@code *} is at {@code star}, as go-yaml ends an alias's name (ASCII letters, digits, '-' and '_') and then reads
   * a colon followed by a blank or a line's end; -1 when no such alias is there.
   */
  private static int colonOfAliasKey(String text, int star) {
    int i = star + 1;
    while (i < text.length() && YamlReader.isNameCharacter(text.charAt(i))) {
      i++;
    }
    if (i == star + 1 || i == text.length() || text.charAt(i) != ':') {
      return -1;
    }
    return i + 1 == text.length() || " \t\r\n".indexOf(text.charAt(i + 1)) >= 0 ? i : -1;
  }

  /** The characters go-yaml reads in a tag after its first {@code !}, besides those of a name. */
  private static final String GO_YAML_TAG_CHARACTERS = "-_;/?:@&=+$,.!~*'()[]%";

  /**
   * Where the tag that may start at {@code bang} ends, as go-yaml reads it; when it ends at a blank, a line break or
   * the end of the text, as go-yaml requires, what snakeyaml-engine reads otherwise in it becomes {@code ;} in
   * {@code spaced}, its place added to {@code inTags}: a comma or a square bracket, at which it ends a tag, and, in a
   * tag with no handle ({@code !name!}), a {@code !} after the first, before which it takes the text for a handle.
   */
  private static int mendTag(String text, int bang, char[] spaced, GrowingInts inTags) {
    int end = bang + 1;
    while (end < text.length() && isTagCharacter(text.charAt(end))) {
      end++;
    }
    int handleEnd = bang + 1;
    while (handleEnd < end && YamlReader.isNameCharacter(text.charAt(handleEnd))) {
      handleEnd++;
    }
    String mended = handleEnd < end && text.charAt(handleEnd) == '!' ? ",[]" : ",[]!";
    if (end == text.length() || isBlank(text.charAt(end)) || isBreak(text.charAt(end))) {
      for (int i = bang + 1; i < end; i++) {
        if (mended.indexOf(text.charAt(i)) >= 0) {
          spaced[i] = ';';
          inTags.add(i);
        }
      }
    }
    return end - 1;
  }

  private static boolean isTagCharacter(char c) {
    return YamlReader.isNameCharacter(c) || GO_YAML_TAG_CHARACTERS.indexOf(c) >= 0;
  }

  /**
   * Makes spaces of the tabs among the blanks between two things written on a line, which go-yaml skips as it skips
   * spaces ({@code key:<TAB>value}, {@code &name<TAB>}, {@code [a,<TAB> b]}, {@code "key"<TAB>: value}) and
   * snakeyaml-engine refuses; those still tabs in {@code spaced}, in order. Not those in a line's indentation. Where
   * go-yaml refuses them, after a block collection's indicator ({@code -}, an explicit key's {@code ?} and
   * {@code :}), the second reading refuses them ({@link GoFlowScalars}). One pass over the text.
   */
  private static GrowingInts separatorTabs(String text, char[] spaced) {
    GrowingInts tabs = new GrowingInts();
    boolean lineStart = true;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        lineStart = true;
        i++;
      } else if (isBlank(c)) {
        int end = i;
        while (end < text.length() && isBlank(text.charAt(end))) {
          end++;
        }
        for (int t = lineStart ? end : i; t < end; t++) {
          if (spaced[t] == '\t') {
            spaced[t] = ' ';
            tabs.add(t);
          }
        }
        i = end;
      } else {
        lineStart = false;
        i++;
      }
    }
    return tabs;
  }

  /** What a {@code -} alone before a comma or a closing bracket or brace is read as. */
  private static final char DASH_STANDIN = 'x';

  /**
   * Whether the {@code -} at {@code dash} is alone before a comma or a closing bracket or brace: it starts a line or
   * follows a blank, an opening bracket or brace or a comma.
   */
  private static boolean aloneBeforeAnEnd(String text, int dash) {
    if (dash + 1 == text.length() || ",]}".indexOf(text.charAt(dash + 1)) < 0) {
      return false;
    }
    return dash == 0 || "[{, \t\n\r".indexOf(text.charAt(dash - 1)) >= 0;
  }

  /**
   * Where the indicators end of a block scalar's header at {@code at} ({@code |} or {@code >} after a blank or at a
   * line's start, then {@code + - 0-9}); -1 when none is there.
   */
  private static int headerIndicatorsEnd(String text, int at) {
    char c = text.charAt(at);
    if (c != '|' && c != '>' || at > 0 && !isBlank(text.charAt(at - 1)) && !isBreak(text.charAt(at - 1))) {
      return -1;
    }
    return YamlReader.indicatorsEnd(text, at);
  }

  /**
   * Whether the rest of the line from {@code from} has only characters the reader takes, which it refuses wherever
   * they are (a control character, a DEL): made spaces, they would be read.
   */
  private static boolean readable(String text, int from) {
    for (int i = from; i < text.length() && !isBreak(text.charAt(i)); i = text.offsetByCodePoints(i, 1)) {
      int c = text.codePointAt(i);
      if (!StreamReader.isPrintable(c) || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /**
   * Whether this reading changed something up to {@code offset} (inclusive) to read it as Compose reads it: a tab
   * between two things on a line, a glued comment, a lone {@code -}, a comma or a square bracket in a tag, an alias
   * key's colon (not a tab in indentation, which Compose may refuse, nor an emptied block scalar).
   */
  boolean readsAsComposeUpTo(int offset) {
    return anyWithin(separators, 0, offset + 1) || anyWithin(gluedComments, 0, offset + 1)
        || anyWithin(dashes, 0, offset + 1) || anyWithin(inTags, 0, offset + 1)
        || anyWithin(aliasColons, 0, offset + 1);
  }

  /** The text the parser reads: as long as the text written, but for a space before each alias key's colon. */
  String text() {
    if (aliasColons.length == 0) {
      return text;
    }
    StringBuilder read = new StringBuilder(text.length() + aliasColons.length);
    int from = 0;
    for (int colon : aliasColons) {
      read.append(text, from, colon).append(' ');
      from = colon;
    }
    return read.append(text, from, text.length()).toString();
  }

  /**
   * The offset in the text written of {@code read}, an offset in {@link #text()}: a space put before an alias key's
   * colon is where the colon is.
   */
  int writtenOffset(int read) {
    return read - Offsets.firstAtOrAfter(insertedSpaces, insertedSpaces.length, read);
  }

  /** The same with what it changed in the values {@code within} left as written, for another reading. */
  SecondReading keeping(WithinValues within) {
    char[] spaced = text.toCharArray();
    int[] keptSeparators = keep(separators, within.values, spaced);
    int[] keptHeaders = keep(headers, within.values, spaced);
    // other values drop the blanks that start their lines: a tab in indentation is text only in a block scalar
    int[] keptIndentation = keep(indentation, within.blockScalars, spaced);
    int[] keptGluedComments = Arrays.stream(gluedComments).filter(c -> !within.values.contains(c)).toArray();
    int[] keptDashes = keep(dashes, within.values, spaced);
    int[] keptInTags = keep(inTags, within.values, spaced);
    int[] keptAliasColons = keep(aliasColons, within.values, spaced);
    return new SecondReading(written, new String(spaced), keptSeparators, keptHeaders, keptIndentation,
        keptGluedComments, keptDashes, keptInTags, keptAliasColons, emptied, presumedQuoted);
  }

  /**
   * The same with the tabs between two things on a line that seem to be text of a quoted scalar written on one line
   * ({@code key:<TAB>"a<TAB>b"}) left tabs, as they are to go-yaml; null when there are none, or when they are all
   * this reading would change. Taken for spaces, each would make the value it is in read otherwise, and the text be
   * read once more with it a tab ({@link #keeping}). Which quotes start a scalar is presumed from the characters
   * before them, not parsed: the reader counts the tabs it finds in quoted scalars ({@link #presumedWithin}), and a
   * reading that finds fewer than {@link #presumedCount()}, or refuses the text, is made again without the presumption.
   */
  SecondReading presumingQuotedTabs() {
    int[] quoted = withinQuotes(written, separators);
    boolean othersChanged = separators.length > quoted.length || headers.length > 0 || indentation.length > 0
        || dashes.length > 0 || inTags.length > 0 || aliasColons.length > 0 || !emptied.isEmpty();
    if (quoted.length == 0 || !othersChanged) {
      return null;
    }
    char[] read = text.toCharArray();
    GrowingInts others = new GrowingInts();
    int next = 0;
    for (int tab : separators) {
      if (next < quoted.length && quoted[next] == tab) {
        read[tab] = '\t';
        next++;
      } else {
        others.add(tab);
      }
    }
    return new SecondReading(written, new String(read), others.toArray(), headers, indentation, gluedComments, dashes,
        inTags, aliasColons, emptied, quoted);
  }

  /** How many tabs this reading presumes text of quoted scalars. */
  int presumedCount() {
    return presumedQuoted.length;
  }

  /** Whether this reading leaves tabs that {@link #presumingQuotedTabs} presumed text of quoted scalars. */
  boolean presumesQuotedTabs() {
    return presumedQuoted.length > 0;
  }

  /** How many of the tabs this reading presumes text of quoted scalars lie in {@code [start, end)}. */
  int presumedWithin(int start, int end) {
    return Offsets.firstAtOrAfter(presumedQuoted, presumedQuoted.length, end)
        - Offsets.firstAtOrAfter(presumedQuoted, presumedQuoted.length, start);
  }

  /**
   * Of {@code tabs} (in order), those between the quotes of what looks like a quoted scalar that ends on the line it
   * starts: a {@code "} or {@code '} first on its line, or after a blank that follows {@code :}, {@code -} or
   * {@code ?}, or after {@code [ { ,} (blanks between), closed on that line ({@code \"} escapes a double quote,
   * {@code ''} is a single one). A comment ends the search on its line.
   */
  private static int[] withinQuotes(String text, int[] tabs) {
    GrowingInts quoted = new GrowingInts();
    int next = 0;
    char before = '\n'; // the last character on the line that is not a blank; a line break at its start
    boolean blankAfter = true; // whether a blank follows it
    for (int i = 0; i < text.length() && next < tabs.length; i++) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        before = '\n';
        blankAfter = true;
      } else if (isBlank(c)) {
        blankAfter = true;
      } else if (c == '#' && blankAfter) {
        while (i + 1 < text.length() && !isBreak(text.charAt(i + 1))) {
          i++; // a comment, to the line's end
        }
      } else {
        int close = (c == '"' || c == '\'') && startsValue(before, blankAfter) ? closingQuote(text, i) : -1;
        if (close >= 0) {
          while (next < tabs.length && tabs[next] < i) {
            next++;
          }
          while (next < tabs.length && tabs[next] < close) {
            quoted.add(tabs[next++]);
          }
          i = close;
          c = text.charAt(close);
        }
        before = c;
        blankAfter = false;
      }
    }
    return quoted.toArray();
  }

  /** Whether a quote after {@code before} (a line break at a line's start) may start a quoted scalar. */
  private static boolean startsValue(char before, boolean blankBetween) {
    return before == '\n' || before == '[' || before == '{' || before == ','
        || blankBetween && (before == ':' || before == '-' || before == '?');
  }

  /** Where the quote is that closes the one at {@code open} on its line; -1 when the line has none. */
  private static int closingQuote(String text, int open) {
    char quote = text.charAt(open);
    for (int i = open + 1; i < text.length() && !isBreak(text.charAt(i)); i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        if (i + 1 < text.length() && isBreak(text.charAt(i + 1))) {
          return -1; // the scalar goes on on the next line
        }
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The same with the block scalar emptied whose blank lines end on the line of {@code refusedAt}, the first
   * character of the line after them, which has fewer spaces (where snakeyaml-engine refused them); null when what
   * is above that line is not such a scalar, or it is emptied already.
   */
  SecondReading emptying(int refusedAt) {
    int firstLine = refusedAt;
    while (firstLine > 0 && text.charAt(firstLine - 1) == ' ') {
      firstLine--;
    }
    int textStart = firstLine;
    int breaks = 0;
    int headerEnd = -1;
    while (textStart > 0 && isBreak(text.charAt(textStart - 1))) {
      int lineEnd = textStart - breakLength(textStart);
      int lineStart = lineEnd;
      while (lineStart > 0 && text.charAt(lineStart - 1) == ' ') {
        lineStart--;
      }
      if (lineStart > 0 && !isBreak(text.charAt(lineStart - 1))) {
        headerEnd = lineEnd;
        break;
      }
      breaks++;
      textStart = lineStart;
    }
    if (headerEnd < 0 || breaks == 0 || emptied.containsKey(textStart)) {
      return null;
    }
    String header = text.substring(lineStartOf(headerEnd), headerEnd);
    int comment = header.indexOf(" #");
    String indicators = (comment < 0 ? header : header.substring(0, comment)).strip();
    indicators = indicators.substring(Math.max(indicators.lastIndexOf(' '), indicators.lastIndexOf('\t')) + 1);
    if (!indicators.matches("[|>][-+0-9]*")) {
      return null;
    }
    char[] changed = text.toCharArray();
    // a comment on the line after them, indented less than they are, ends the scalar for go-yaml: with its spaces
    // as line breaks too, the parser here reads it as a comment rather than as the scalar's text
    int spacesEnd = refusedAt < text.length() && text.charAt(refusedAt) == '#' ? refusedAt : firstLine;
    for (int i = textStart; i < spacesEnd; i++) {
      if (changed[i] == ' ') {
        changed[i] = '\n';
      }
    }
    Map<Integer, String> alsoEmptied = new HashMap<>(emptied);
    // go-yaml keeps the blank lines' breaks only when the header says to keep them (+)
    alsoEmptied.put(textStart, indicators.indexOf('+') >= 0 ? "\n".repeat(breaks) : "");
    return new SecondReading(written, new String(changed), separators, headers, indentation, gluedComments, dashes,
        inTags, aliasColons, alsoEmptied, presumedQuoted);
  }

  /** How long the line break that ends just before {@code after} is (CRLF is one). */
  private int breakLength(int after) {
    return text.charAt(after - 1) == '\n' && after > 1 && text.charAt(after - 2) == '\r' ? 2 : 1;
  }

  /** Where the line that holds {@code at} starts. */
  private int lineStartOf(int at) {
    int i = at;
    while (i > 0 && !isBreak(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Where each comment starts that follows what looks like a block scalar's header with no blank between. */
  int[] gluedComments() {
    return gluedComments;
  }

  /** Whether a comment starts at {@code at} that follows a block scalar's header with no blank between. */
  boolean startsGluedComment(int at) {
    int i = Offsets.firstAtOrAfter(gluedComments, gluedComments.length, at);
    return i < gluedComments.length && gluedComments[i] == at;
  }

  /** The value of the block scalar whose text starts at {@code textStart}, when it is emptied; else null. */
  String emptiedValue(int textStart) {
    return emptied.get(textStart);
  }

  /** Of {@code changed}, those outside {@code values}; the others are as written again in {@code spaced}. */
  private int[] keep(int[] changed, Ranges values, char[] spaced) {
    int[] kept = new int[changed.length];
    int count = 0;
    for (int tab : changed) {
      if (values.contains(tab)) {
        spaced[tab] = written.charAt(tab);
      } else {
        kept[count++] = tab;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  /**
   * Whether a character this reading changed lies in {@code [start, end)}, the text of a value, where it is text (a
   * block scalar's text starts on the line after its header, which holds only the header, blanks and a comment): a
   * tab between two things on a line, or a tab or a glued comment after a block scalar's header, anywhere; a tab in
   * indentation only in a block scalar (other values drop the blanks that start their lines); a lone {@code -}
   * anywhere but first in a plain scalar; a comma or a square bracket made a {@code ;}, or a space put before a
   * colon, anywhere.
   */
  boolean changes(int start, int end, boolean blockScalar, boolean plain) {
    int textStart = blockScalar ? lineEnd(start) : start;
    return anyWithin(separators, textStart, end) || anyWithin(headers, textStart, end)
        || blockScalar && anyWithin(indentation, textStart, end)
        || anyWithin(dashes, plain ? start + 1 : textStart, end) || anyWithin(inTags, textStart, end)
        || anyWithin(aliasColons, textStart, end);
  }

  /** The {@code value} of the plain scalar at {@code start}, with the lone {@code -} it starts with written again. */
  String withDash(int start, String value) {
    int i = Offsets.firstAtOrAfter(dashes, dashes.length, start);
    boolean dash = i < dashes.length && dashes[i] == start && !value.isEmpty() && value.charAt(0) == DASH_STANDIN;
    return dash ? "-" + value.substring(1) : value;
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < text.length() && !isBreak(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean anyWithin(int[] tabs, int start, int end) {
    int next = Offsets.firstAtOrAfter(tabs, tabs.length, start);
    return next < tabs.length && tabs[next] < end;
  }
}
