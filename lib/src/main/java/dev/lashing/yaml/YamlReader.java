package dev.lashing.yaml;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.KeyPositions;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node.MergeTag;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import dev.lashing.tree.Trees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns YAML text into {@link Node} trees the way Compose's YAML reader does: YAML 1.2 core scalars plus
 * legacy octal, {@code <<} merge keys (also {@code <<: [*a, *b]}), non-string keys rejected,
 * {@code !reset}/{@code !override} kept as {@link MergeTag}s, and the tags go-yaml knows read as it reads them
 * ({@code !!binary} decoded, {@code !!int} on a text that is no integer refused); any other tag ({@code !foo},
 * {@code !!set}) changes nothing, as go-yaml reads a scalar so tagged as a string and a collection as it is.
 *
 * <p>What Compose refuses in a file whose YAML it can read does not stop the reading: a key written twice, a key
 * that is not a string, a value whose tag does not hold for it. Each is recorded where it is written
 * ({@link ParsedYaml#errors()}) and left out (the mapping keeps the first of two equal keys), so that the loader
 * can report all of them beside the other problems of the file. {@link #read} still refuses such a file.
 *
 * <p>It builds the tree from parser events with its own stack, so deep nesting cannot overflow the Java
 * stack, and it weighs the nodes that aliases expand to against the whole document ({@link AliasRatio}), so an
 * alias bomb fails fast with a message.
 */
public final class YamlReader {
  /** Far deeper than any Compose file; deeper input is hostile or broken. */
  static final int MAX_DEPTH = 200;

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  /** From this many characters the parser reads ahead on a thread of its own (about half of the work). */
  private static final int PARSED_AHEAD_FROM = 512 * 1024;
  /** The most characters the parser reads at once. */
  private static final int READ_BUFFER = 1024 * 1024;
  /** A text of fewer characters than this is read at once into a buffer of this size. */
  private static final int SMALL_TEXT = 4096;
  /**
   * The parser's settings for every small text: made for each, with the defaults they hold (a schema's resolvers and
   * constructors, none of which the reader here uses), they took a tenth of the reading of a small file in a run over
   * many, before the JIT has compiled the code that makes them. They are immutable, and name no file: the positions
   * in messages are the reader's own.
   */
  private static final LoadSettings SMALL_TEXT_SETTINGS = settings(SMALL_TEXT);

  private final SourceFile source;
  /** UTF-16 offset of the text handed to the parser (1 when a byte order mark was removed). */
  private final int shift;
  private final String yaml;
  /**
   * The text this reading parses, for the offsets of its code points: a second reading may have made the two UTF-16
   * units of a character beyond the BMP two spaces (in a glued comment), and put a space before an alias key's colon.
   */
  private final SourceFile codePoints;
  private final Map<String, Node> anchors = new HashMap<>();
  /** Where the anchor of each node in {@link #anchors} is written. */
  private final Map<String, Integer> anchorStarts = new HashMap<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final List<Node> documents = new ArrayList<>();
  private final List<ParsedYaml.Comment> comments = new ArrayList<>();
  private final List<ParsedYaml.Anchor> writtenAnchors = new ArrayList<>();
  private final List<ParsedYaml.Alias> writtenAliases = new ArrayList<>();
  private final List<ParsedYaml.Tag> writtenTags = new ArrayList<>();
  /** What Compose refuses in the file and the reading goes past, in the order it is read. */
  private final List<Diagnostic> errors = new ArrayList<>();
  /** Those of {@link #errors} that are unusual line breaks: told even when the parser stops at an error later. */
  private final List<Diagnostic> unusualBreakErrors = new ArrayList<>();
  /** The anchors, in this document, of values left out: an alias to one is left out as well. */
  private final Set<String> leftOutAnchors = new HashSet<>();
  /** The anchors, in this document, of scalars go-yaml reads as timestamps: as a key, an alias to one is refused. */
  private final Set<String> timestampAnchors = new HashSet<>();
  /**
   * The anchors of mappings written under a merge key whose keys go-yaml reads as strings only there
   * ({@code <<: &m {2: y}}), each with what compose-go says of its first such key where an alias of it is used
   * elsewhere, as a value of its own.
   */
  private final Map<String, String> mergeOnlyKeys = new HashMap<>();
  /**
   * The texts of recent scalars, by hash: a text written many times (keys, images, conditions, most values of a
   * large file) is kept as one String instead of one per occurrence. The parsed tree lives as long as the
   * run, and the collector's cost is the number of objects it keeps.
   */
  private final String[] recentTexts = new String[RECENT_TEXTS];
  /** The documents in which a node is tagged {@code !reset} or {@code !override}, by index. */
  private final BitSet mergeTagged = new BitSet();
  /** Whether the document being read has such a node so far. */
  private boolean mergeTagInDocument;
  /** Where the search for comments goes on: the text before it is read (scalars hold no comments). */
  private int commentsFrom;
  private AliasRatio aliasRatio = new AliasRatio();
  /** Told of each entry under its top-level key as it is read; null when nobody watches. */
  private final Watcher watcher;
  /**
   * Whether the text holds a character only Compose's reader takes for a line break (NEL, LS, PS; libyaml's, where
   * YAML 1.2 has CR and LF alone): then each is looked at where it is read.
   */
  private final boolean unusualBreaks;
  /**
   * Where the first DEL (U+007F) is in {@link #yaml}, or -1. Compose's reader refuses the file that holds one
   * anywhere ("control characters are not allowed"), as it refuses the other control characters; the reader
   * here refuses those but reads a DEL within quotes or in a comment.
   */
  private final int firstDelete;
  /** The first tab of each line's indentation, which Compose's reader may refuse; null when there is none. */
  private final IndentationTabs indentationTabs;
  /** How many of the tabs the second reading presumes text of quoted scalars are in those read so far. */
  private int presumedFound;
  /** Where the text of the last scalar written starts and ends, when the text has tabs in its indentation. */
  private int lastTextStart = -1;
  private int lastTextEnd = -1;
  /** Where the last run of comments read together ends ({@link #commentRun}). */
  private int commentRunEnd;
  /** Where the plain scalar that is the whole document being read starts and ends, or -1. */
  private int rootPlainScalarStart = -1;
  private int rootPlainScalarEnd = -1;
  /** How many collections being read have an anchor. */
  private int openAnchors;
  /** What a second reading ({@link #parse}) changed in the text to read it as Compose does; else null. */
  private final SecondReading secondReading;
  /** The values (start and end offsets) that those changes made otherwise than Compose reads them. */
  private final List<Integer> changedValues = new ArrayList<>();
  /** Of those, the block scalars'. */
  private final List<Integer> changedBlockScalars = new ArrayList<>();
  /** Where the comments glued to a block scalar's header ({@code |#c}) that this reading read as such start. */
  private final Set<Integer> gluedCommentsRead = new HashSet<>();

  /**
   * Told, on the reading thread, of each entry of the mapping under a top-level key (each service under
   * {@code services}) as soon as it is read whole, while the rest of the file is still being read: a loader
   * can start on the services of a large file before its end. The tree this reader returns holds these very
   * entries, unless a merge key or an alias made that mapping otherwise.
   */
  public interface Watcher {
    /** The top-level key whose mapping's entries are told. */
    String key();

    /** An entry of that mapping in the document numbered {@code document} (0 for the first). */
    void entryRead(int document, MapNode.Entry entry);

    /** The document numbered {@code document} is read whole. */
    void documentRead(int document);

    /**
     * The file is long enough to be parsed on a thread of its own: the reading thread will ask
     * {@link #workWhileWaiting} for work while it waits for the parser.
     */
    void parsedAhead();

    /** Does a piece of work on the reading thread while it waits for the parser; false when there is none. */
    boolean workWhileWaiting();

    /** The file is read whole (not told when reading it failed). */
    void fileRead();
  }

  /**
   * Readings after the first is refused (see {@link SecondReading}): each leaves the tabs of the values the one
   * before read otherwise (a block text with a tab in its indentation, a quoted one with a colon and a tab) as
   * they are, or empties one more block scalar. Bounded, since each reads the whole text.
   */
  private static final int REREADINGS = 8;
  /** How far go-yaml looks past a comment's line for the next comment line it reads with it. */
  private static final int GO_YAML_COMMENT_LOOKAHEAD = 512;

  /** How many recent scalar texts are remembered (a power of two). */
  private static final int RECENT_TEXTS = 1024;
  /** Longer texts are rarely repeated, and comparing them costs their length. */
  private static final int SHARED_TEXT_LENGTH = 64;

  private YamlReader(SourceFile source, Watcher watcher, IndentationTabs indentationTabs, SecondReading secondReading) {
    this.watcher = watcher;
    this.source = source;
    this.secondReading = secondReading;
    this.shift = source.hasByteOrderMark() ? 1 : 0;
    String read = secondReading == null ? source.text() : secondReading.text();
    this.yaml = read.substring(shift);
    this.codePoints = secondReading == null ? source : new SourceFile(source.name(), read);
    this.unusualBreaks = yaml.indexOf('\u2028') >= 0 || yaml.indexOf('\u2029') >= 0 || yaml.indexOf('\u0085') >= 0;
    int delete = source.text().indexOf('\u007f', shift);
    this.firstDelete = delete < 0 ? -1 : delete - shift;
    this.indentationTabs = indentationTabs;
  }

  /**
   * The documents of a YAML stream, in order. An empty document (nothing but comments) is a null scalar.
   *
   * @throws ComposeException with the position of the first syntax or structure error, or with every error the
   *     parse reads past ({@link ParsedYaml#errors()})
   */
  public static List<Node> read(SourceFile source) {
    ParsedYaml parsed = parse(source);
    if (!parsed.errors().isEmpty()) {
      throw new ComposeException(parsed.errors());
    }
    return parsed.documents();
  }

  /**
   * The file parsed once with all that later stages need of it: documents, comments and anchors, and what Compose
   * refuses in it that the reading went past (a key written twice, a key that is not a string, a tag that does
   * not hold), which the caller reports.
   *
   * @throws ComposeException with the position of the first syntax or structure error
   */
  public static ParsedYaml parse(SourceFile source) {
    return parse(source, PARSED_AHEAD_FROM);
  }

  /** The same, the parser's events read ahead on another thread from {@code parsedAheadFrom} characters. */
  static ParsedYaml parse(SourceFile source, int parsedAheadFrom) {
    return parse(source, null, parsedAheadFrom);
  }

  /** The same, telling {@code watcher} of each entry under its key as soon as it is read. */
  public static ParsedYaml parse(SourceFile source, Watcher watcher) {
    return parse(source, watcher, PARSED_AHEAD_FROM);
  }

  static ParsedYaml parse(SourceFile source, Watcher watcher, int parsedAheadFrom) {
    IndentationTabs indentationTabs = IndentationTabs.of(source.text());
    try {
      return new YamlReader(source, watcher, indentationTabs, null).run(parsedAheadFrom);
    } catch (ComposeException refused) {
      // Compose's reader takes a tab after a key's colon (key:<TAB>value) and many in a line's indentation for a
      // space, an empty block scalar where blank lines after its header have more spaces than the next line, a
      // comma in a tag ([!!str, x]) and an alias as a key (*k: v); the parser here refuses them. Read again with
      // those tabs as spaces, those blanks as line breaks and so on (SecondReading: each position is known in the
      // text written), but what is text within a value as written; the watcher heard of the first reading, and is
      // left out. Which tabs in indentation Compose refuses, each reading checks on the text itself. Where what was
      // changed up to the first refusal is read by Compose, what a later reading refuses is what Compose refuses.
      SecondReading second = SecondReading.of(source.text(), indentationTabs);
      SecondReading presuming = second == null ? null : second.presumingQuotedTabs();
      if (presuming != null) {
        try {
          return readAgain(source, indentationTabs, refused, presuming, parsedAheadFrom);
        } catch (ComposeException | SecondReading.PresumedWrongly e) {
          // read again with every tab between two things on a line a space, as if the presumption had not been made
        }
      }
      return readAgain(source, indentationTabs, refused, second, parsedAheadFrom);
    }
  }

  /**
   * The readings after the first, which {@code refused} the text, starting from {@code first}: each changes what
   * the one before says it must, up to {@link #REREADINGS}.
   *
   * @throws ComposeException where Compose refuses the text
   * @throws SecondReading.PresumedWrongly where a reading that presumes tabs text of quoted scalars finds otherwise
   */
  private static ParsedYaml readAgain(SourceFile source, IndentationTabs indentationTabs, ComposeException refused,
      SecondReading first, int parsedAheadFrom) {
    SecondReading second = first;
    ComposeException last = refused;
    for (int reading = 0; reading < REREADINGS; reading++) {
      // blank lines the first reading took for a block scalar's may be another value's once the rest is read as
      // Compose reads it (a tab on a line of a plain scalar ended it there, and a | on the next was a header)
      int blankLinesEnd = last == null || last == refused && second != null ? -1 : overIndentedBlankLinesEnd(last);
      if (blankLinesEnd >= 0) {
        second = (second == null ? SecondReading.asWritten(source.text()) : second).emptying(blankLinesEnd);
      } else if (last != null && last != refused) {
        // the second reading refuses something else: where that is a tab Compose refuses in indentation, which
        // the parser here misread before, that is what Compose says too
        if (last instanceof TabInIndentation || second.readsAsComposeUpTo(startOf(refused))) {
          throw last;
        }
        break;
      }
      if (second == null) {
        break;
      }
      try {
        return new YamlReader(source, null, indentationTabs == null ? null : indentationTabs.forAnotherReading(),
            second).run(parsedAheadFrom);
      } catch (SecondReading.WithinValues within) {
        second = second.keeping(within);
        last = null;
      } catch (ComposeException again) {
        if (second.presumesQuotedTabs()) {
          throw again; // perhaps of the presumption: read again without it
        }
        last = again;
      }
    }
    throw refused;
  }

  /** Where the first problem {@code refused} names starts in the text. */
  private static int startOf(ComposeException refused) {
    return refused.diagnostics().get(0).at().startOffset();
  }

  /** A tab in a line's indentation that Compose refuses, which the parser here reads. */
  private static final class TabInIndentation extends ComposeException {
    private static final long serialVersionUID = 1L;

    TabInIndentation(SourceRange tab) {
      super(Diagnostic.Kind.YAML_SYNTAX, tab, "invalid YAML: found a tab character that violates indentation"
          + " (Compose's YAML reader refuses a tab in a line's indentation outside brackets and quotes, and within"
          + " them where an unquoted value goes on)");
    }
  }

  /**
   * Where the line after a block scalar's blank lines with too many spaces has its first character, when that is
   * what the parser refused ("the leading empty lines contain more spaces than the first non-empty line"); else -1.
   */
  private static int overIndentedBlankLinesEnd(ComposeException refused) {
    for (Diagnostic d : refused.diagnostics()) {
      if (d.kind() == Diagnostic.Kind.YAML_SYNTAX
          && d.message().contains("the leading empty lines contain more spaces")) {
        return d.at().startOffset();
      }
    }
    return -1;
  }

  private static LoadSettings settings(int bufferSize) {
    return LoadSettings.builder()
        .setCodePointLimit(Integer.MAX_VALUE)
        .setAllowDuplicateKeys(true) // duplicates are found here, with both positions
        .setVersionFunction(version -> version) // every %YAML version is judged here, with its position
        .setBufferSize(bufferSize)
        .build();
  }

  private ParsedYaml run(int parsedAheadFrom) {
    // The parser copies its unread window at every refill, which costs the square of the length of a long scalar
    // over the buffer's: a MiB of characters a read makes that a few copies, and does not hold six bytes per
    // character of a large text (a char buffer and a code-point window) to the end.
    LoadSettings settings =
        yaml.length() < SMALL_TEXT ? SMALL_TEXT_SETTINGS : settings(Math.min(yaml.length() + 1, READ_BUFFER));
    try {
      Iterable<Event> events = events(settings);
      if (yaml.length() >= parsedAheadFrom) {
        if (watcher != null) {
          watcher.parsedAhead();
        }
        ParsedAhead.forEach(events, this::accept, watcher == null ? () -> false : watcher::workWhileWaiting);
      } else {
        for (Event event : events) {
          accept(event);
        }
      }
    } catch (MarkedYamlEngineException e) {
      Diagnostic syntax = syntaxError(e);
      // Compose checks the characters ahead of its parser; the parser here complains of a DEL in a plain scalar
      // at the scalar's start
      refuseDeleteBefore(lineEnd(syntax.at().startOffset()));
      // an unusual line break before it, invisible in most editors, is the likely cause
      List<Diagnostic> found = new ArrayList<>(unusualBreakErrors);
      if (unusualBreaks) {
        unusualBreaksUnread(syntax.at().startOffset(), found);
      }
      found.add(syntax);
      throw new ComposeException(found);
    } catch (ReaderException e) {
      // a character YAML does not allow (a control character, a lone surrogate): where it is, in code points
      int at = offsetOfCodePoint(e.getPosition());
      refuseDeleteBefore(at);
      throw unreadableCharacter(at, e.getMessage(), e.getCodePoint());
    } catch (YamlEngineException e) {
      throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.at(0), "invalid YAML: " + e.getMessage());
    }
    refuseDeleteBefore(source.text().length());
    commentsBefore(source.text().length());
    if (secondReading != null) {
      // a comment glued to what only looked like a block scalar's header is text of some other value
      for (int glued : secondReading.gluedComments()) {
        if (!gluedCommentsRead.contains(glued)) {
          changedValues.add(glued);
          changedValues.add(lineEnd(glued));
        }
      }
    }
    if (secondReading != null && presumedFound != secondReading.presumedCount()) {
      throw new SecondReading.PresumedWrongly(); // a tab left one was not text of a quoted scalar
    }
    if (!changedValues.isEmpty()) {
      // this reading read those values otherwise than Compose: the next one judges the tabs in indentation
      throw new SecondReading.WithinValues(changedValues.stream().mapToInt(Integer::intValue).toArray(),
          changedBlockScalars.stream().mapToInt(Integer::intValue).toArray());
    }
    if (indentationTabs != null) {
      int tab = indentationTabs.firstRefused();
      if (tab >= 0) {
        throw new TabInIndentation(source.range(tab, tab + 1));
      }
    }
    if (watcher != null) {
      watcher.fileRead();
    }
    return new ParsedYaml(source, documents, comments, writtenAnchors, writtenAliases, writtenTags, mergeTagged,
        errors);
  }

  /**
   * The parser's events, once. An escape whose digits it cannot read (the escape letter x, u or U last in the text,
   * or a {@code \U} beyond the int range) makes snakeyaml-engine throw a NumberFormatException: that is a syntax
   * error where the digits are, as in Compose.
   */
  private Iterable<Event> events(LoadSettings settings) {
    StreamReader reader = new StreamReader(settings, yaml);
    ParserImpl parser =
        new ParserImpl(settings, new GoFlowScalars(new ScannerImpl(settings, reader), source.text(), this::offset));
    return () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return parser.hasNext();
        } catch (NumberFormatException e) {
          throw unreadableEscape(reader.getIndex());
        }
      }

      @Override
      public Event next() {
        try {
          return parser.next();
        } catch (NumberFormatException e) {
          throw unreadableEscape(reader.getIndex());
        }
      }
    };
  }

  private ComposeException unreadableEscape(int codePointIndex) {
    int at = offsetOfCodePoint(codePointIndex);
    String problem = at >= source.text().length() ? "found unexpected end of stream"
        : "found invalid Unicode character escape code";
    return new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.range(at, at),
        "invalid YAML: " + problem + " (while scanning a double-quoted scalar)");
  }

  /** Refuses the file for its first DEL when that comes before {@code offset}, up to where the reading went. */
  private void refuseDeleteBefore(int offset) {
    if (firstDelete >= 0 && firstDelete + shift <= offset) {
      throw unreadableCharacter(firstDelete + shift, "special characters are not allowed", 0x7f);
    }
  }

  private ComposeException unreadableCharacter(int offset, String problem, int codePoint) {
    return new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.range(offset, offset),
        "invalid YAML: " + problem + String.format(" (U+%04X)", codePoint));
  }

  private Diagnostic syntaxError(MarkedYamlEngineException e) {
    SourceRange at = e.getProblemMark().map(this::position).orElse(source.at(0));
    String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
    String context = e.getContext();
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
      problem = "found a tab character that violates indentation";
      context = null;
    }
    if (context != null && !context.isBlank()) {
      SourceRange contextAt = e.getContextMark().map(this::position).orElse(null);
      problem = problem + " (" + context + (contextAt == null ? "" : " at line " + contextAt.line()) + ")";
    }
    return Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, at, "invalid YAML: " + problem);
  }

  private void accept(Event event) {
    switch (event.getEventId()) {
      case StreamStart, StreamEnd, Comment -> {}
      case DocumentEnd -> {
        if (indentationTabs != null && rootPlainScalarStart >= 0) {
          // the blanks after a plain scalar that is the whole document are read with it, tabs that start a line too,
          // up to a comment: the scalar ends there, and a tab on a later line is refused
          indentationTabs.allowWithin(rootPlainScalarStart,
              commentStart(rootPlainScalarEnd, offset(event.getStartMark().orElseThrow())));
        }
        rootPlainScalarStart = -1;
      }
      case DocumentStart -> {
        versionDirective((DocumentStartEvent) event);
        // anchors are kept: Compose reads every document with one go-yaml decoder, whose anchors stay
        stack.clear();
        openAnchors = 0;
        aliasRatio = new AliasRatio();
      }
      case Scalar -> scalar((ScalarEvent) event);
      case Alias -> alias((AliasEvent) event);
      case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
      case MappingEnd, SequenceEnd -> close(event);
    }
  }

  /**
   * Compose's YAML reader (go-yaml, after libyaml 0.1) takes a document that names a YAML version only when it is
   * 1.1: a {@code %YAML 1.2} file is refused, though the reader here would read it.
   */
  private void versionDirective(DocumentStartEvent event) {
    event.getSpecVersion().ifPresent(version -> {
      if (version.getMajor() != 1 || version.getMinor() != 1) {
        Mark start = event.getStartMark().orElseThrow();
        String text = source.text();
        int from = offset(start);
        int end = from; // the directive, without a comment after it
        while (end < text.length() && "\n\r#".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, position(start, end),
            "invalid YAML: found incompatible YAML document (" + text.substring(from, end)
                + "; Compose reads only documents that name no version or 1.1)");
      }
    });
  }

  // ---- scalars and aliases ----

  private void scalar(ScalarEvent event) {
    SourceRange range = valueRange(event, end(event));
    skipScalarText(event, range, end(event));
    if (unusualBreaks) {
      unusualBreaksIn(event, range);
    }
    if (isBlock(event.getScalarStyle())) {
      int indicatorsEnd = indicatorsEnd(range.startOffset());
      refuseTextAfterHeader(indicatorsEnd);
      if (secondReading != null && secondReading.startsGluedComment(indicatorsEnd)) {
        gluedCommentsRead.add(indicatorsEnd);
      }
    }
    if (event.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED && hasSurrogate(event.getValue())) {
      refuseSurrogateEscape(range);
    }
    if (secondReading != null || indentationTabs != null) {
      tabsIn(event, range);
    }
    Optional<String> tag = event.getTag();
    MergeTag mergeTag = mergeTag(tag);
    mergeTagInDocument |= mergeTag != MergeTag.NONE;
    // go-yaml reads a scalar tagged ! alone as an untagged one; !reset and !override are tags it does not know, so a
    // scalar under one is a string to it (compose-go drops a !reset node, and decodes an !override one as it is)
    String typeTag = tag.isEmpty() || tag.get().equals("!") ? null : standardTagName(tag.get());
    rememberTag(event, tag, range.startOffset());
    Frame parent = stack.peek();
    if (parent != null && parent.mapping && parent.pendingKey == null && typeTag != null && !typeTag.equals("str")
        && !typeTag.equals("merge")) {
      parent.keyOfAnotherTag = true;
    }
    aliasRatio.node(range);
    String value = event.getValue();
    if (value.endsWith("\n") && isBlock(event.getScalarStyle())
        && endsUnbroken(range.startOffset(), end(event))) {
      value = value.substring(0, value.length() - 1); // Compose's reader adds no line break the text does not have
    }
    String emptied = secondReading == null || !isBlock(event.getScalarStyle()) ? null
        : secondReading.emptiedValue(nextLineStart(lineEnd(range.startOffset())));
    if (emptied != null) {
      if (!value.chars().allMatch(c -> c == '\n')) {
        // the line after the blank lines is the scalar's text to the parser here, and neither its text nor the next
        // key to go-yaml, which takes the blank lines' spaces for the indentation: Compose refuses the file
        throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, range, "invalid YAML: did not find expected key");
      }
      value = emptied;
    }
    if (secondReading != null && event.isPlain()) {
      value = secondReading.withDash(range.startOffset(), value);
    }
    String refusal = typeTag == null ? null : refusal(typeTag, value);
    if (refusal != null) {
      errors.add(Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, tagRange(event, range.startOffset()), refusal));
      ScalarNode shown = new ScalarNode(shared(value), ScalarNode.Type.STRING, style(event.getScalarStyle()),
          Origin.at(range), mergeTag);
      event.getAnchor().ifPresent(anchor -> leftOut(anchor.getValue(), anchorStart(event), range.startOffset()));
      leaveOut(shown);
      return;
    }
    ScalarNode.Type type;
    if (typeTag == null) {
      type = event.isPlain() ? Scalars.resolvePlain(value) : ScalarNode.Type.STRING;
    } else {
      type = taggedType(typeTag, value);
      if (typeTag.equals("binary")) {
        value = base64Text(value);
      }
    }
    boolean timestamp = typeTag == null ? event.isPlain() && Scalars.isTimestamp(value) : typeTag.equals("timestamp");
    ScalarNode node = new ScalarNode(shared(value), type, style(event.getScalarStyle()), Origin.at(range), mergeTag);
    remember(event, node, timestamp);
    add(node, timestamp, value.equals("<<") && mergeKeyTag(event, tag));
  }

  /**
   * Whether go-yaml reads a scalar {@code <<} with this tag as a merge key: when it is plain and untagged (or tagged
   * {@code !}), or tagged {@code !!merge}. Quoted, or tagged otherwise ({@code !!str <<}), it is a key like another.
   */
  private static boolean mergeKeyTag(ScalarEvent event, Optional<String> tag) {
    if (tag.isPresent() && tag.get().equals(TAG_PREFIX + "merge")) {
      return true;
    }
    return event.isPlain() && (tag.isEmpty() || tag.get().equals("!"));
  }

  /** {@code text}, or an equal String read shortly before it. */
  private String shared(String text) {
    if (text.length() > SHARED_TEXT_LENGTH) {
      return text;
    }
    int hash = text.hashCode();
    int slot = (hash ^ hash >>> 16) & (RECENT_TEXTS - 1);
    String recent = recentTexts[slot];
    if (text.equals(recent)) {
      return recent;
    }
    recentTexts[slot] = text;
    return text;
  }

  /**
   * Why go-yaml refuses a scalar tagged {@code !!typeTag} (as {@link #standardTagName} names it), or null when it
   * reads it: a type tag ({@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code !!timestamp}) on
   * a text that reads as another type (a {@code !!float} may be an int64), or {@code !!binary} on a text that is
   * not base64. Any other tag holds for any text.
   */
  private static String refusal(String typeTag, String value) {
    switch (typeTag) {
      case "int", "float", "bool", "null", "timestamp" -> {
        String resolved = typeTag.equals("timestamp") && Scalars.isTimestamp(value) ? "timestamp"
            : Scalars.resolvePlain(value).name().toLowerCase(Locale.ROOT);
        if (resolved.equals("string")) {
          resolved = "str";
        }
        // go-yaml makes a float of an int64, not of an integer only a uint64 holds (0xFFFFFFFFFFFFFFFF)
        if (resolved.equals(typeTag) || typeTag.equals("float") && Scalars.parseInt(value) != null) {
          return null;
        }
        return "cannot construct !!" + resolved + " `" + value + "` as a !!" + typeTag;
      }
      case "binary" -> {
        return base64Text(value) == null ? "!!binary value contains invalid base64 data" : null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The type of a scalar tagged {@code !!typeTag} that go-yaml reads ({@link #refusal} is null). */
  private static ScalarNode.Type taggedType(String typeTag, String value) {
    return switch (typeTag) {
      case "int", "bool", "null" -> Scalars.resolvePlain(value);
      case "float" -> ScalarNode.Type.FLOAT;
      default -> ScalarNode.Type.STRING; // !!str, !!binary, !!timestamp, and any tag go-yaml does not know
    };
  }

  /**
   * The text a {@code !!binary} scalar holds, as go-yaml decodes it (Go's standard base64, padded, line breaks
   * ignored) and keeps it, as a string of its bytes (here read as UTF-8); null when it is not base64.
   */
  private static String base64Text(String value) {
    String base64 = value.replace("\n", "").replace("\r", "");
    if (base64.length() % 4 != 0) {
      return null; // Java's decoder would take a last group without its padding
    }
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void alias(AliasEvent event) {
    String name = event.getAlias().getValue();
    SourceRange at = position(event.getStartMark().orElseThrow(), end(event));
    checkName(name, at.startOffset(), "an alias's");
    // Compose's reader names a collection as it opens it: an alias of that name within it is the collection
    // itself, even when an earlier node had the name, unless a node within it was given the name since
    if (openAnchors > 0 && namesAnOpenCollection(name)) {
      throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, at, "alias *" + name + " refers to itself");
    }
    Node target = anchors.get(name);
    if (target == null && leftOutAnchors.contains(name)) {
      // what it names is left out, and refused where it is written
      writtenAliases.add(new ParsedYaml.Alias(name, at.startOffset()));
      leaveOut(ScalarNode.string("*" + name, Origin.at(at)));
      return;
    }
    if (target == null) {
      throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, at, "unknown anchor *" + name);
    }
    writtenAliases.add(new ParsedYaml.Alias(name, at.startOffset()));
    // the node may come from an earlier document with a merge tag in it
    mergeTagInDocument |= !mergeTagged.isEmpty();
    Via.Kind kind = insideMergeKey() ? Via.Kind.MERGE_KEY : Via.Kind.ALIAS;
    String mergeOnlyKey = mergeOnlyKeys.get(name);
    if (mergeOnlyKey != null && kind == Via.Kind.ALIAS) {
      errors.add(Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, at,
          "non-string key " + where(null) + ": " + mergeOnlyKey));
    } else if (mergeOnlyKey != null) {
      mergedInto().mergedNonStringKey(mergeOnlyKey, at);
    }
    aliasRatio.alias(Trees.size(target), at); // before copying, so a bomb fails without materializing
    add(Trees.withVia(target, kind, at), timestampAnchors.contains(name), false); // an alias merges nothing
  }

  /** Whether the node {@code name} names last is a collection still open. */
  private boolean namesAnOpenCollection(String name) {
    for (Frame frame : stack) { // innermost first
      if (name.equals(frame.anchor)) {
        return anchorStarts.getOrDefault(name, -1) < frame.anchorStart;
      }
    }
    return false;
  }

  // ---- collections ----

  private void open(CollectionStartEvent event) {
    if (stack.size() >= MAX_DEPTH) {
      throw new ComposeException(Diagnostic.pastLashingLimit(Diagnostic.Kind.YAML_SYNTAX,
          position(event.getStartMark().orElseThrow(), end(event)), "nesting deeper than " + MAX_DEPTH + " levels"));
    }
    Optional<String> tag = event.getTag();
    MergeTag mergeTag = mergeTag(tag);
    mergeTagInDocument |= mergeTag != MergeTag.NONE;
    boolean mapping = event.getEventId() == Event.ID.MappingStart;
    // any other tag on a collection (!!set, !!omap, !!str, !foo) is left as it is: go-yaml reads it untagged
    Frame frame = new Frame(mapping, event, mergeTag);
    frame.mergedInto = mergeTargetOfNew(mapping);
    if (frame.anchor != null) {
      checkName(frame.anchor, anchorStart(event), "an anchor's");
      openAnchors++;
    }
    frame.start = collectionStart(event);
    if (indentationTabs != null && !frame.flow) {
      frame.column = column(frame.start);
    }
    rememberTag(event, tag, frame.start);
    if (frame.anchor != null) {
      writtenAnchors.add(new ParsedYaml.Anchor(frame.anchor, anchorStart(event), frame.start));
    }
    stack.push(frame);
  }

  private void close(Event event) {
    Frame frame = stack.pop();
    if (frame.anchor != null) {
      openAnchors--;
    }
    int endOffset;
    if (frame.flow) {
      endOffset = end(event);
    } else {
      endOffset = frame.lastEnd;
    }
    SourceRange range = source.range(frame.start, Math.max(frame.start, endOffset));
    if (indentationTabs != null && frame.flow) {
      indentationTabs.allowWithin(frame.start, endOffset);
    }
    if (frame.nonStringKey != null) {
      frame.mergedInto.mergedNonStringKey(frame.nonStringKey, frame.nonStringKeyAt);
    }
    if (frame.mergedNonStringKey != null && frame.keyOfAnotherTag) {
      // with a key of another tag, go-yaml makes a mapping of keys of any type, and merges the keys as they are
      errors.add(Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, frame.mergedNonStringKeyAt,
          "non-string key " + where(frame) + ": " + frame.mergedNonStringKey));
    }
    Node node;
    if (frame.mapping) {
      node = new MapNode(frame.mergedEntries(), Origin.at(range), frame.mergeTag);
    } else {
      node = new SeqNode(frame.items, Origin.at(range), frame.mergeTag);
    }
    aliasRatio.node(range);
    if (frame.anchor != null) {
      anchored(frame.anchor, frame.anchorStart, node, false);
      if (frame.nonStringKey != null && anchors.get(frame.anchor) == node) {
        mergeOnlyKeys.put(frame.anchor, frame.nonStringKey);
      }
    }
    add(node);
  }

  private void remember(NodeEvent event, Node node, boolean timestamp) {
    Optional<Anchor> anchor = event.getAnchor(); // not ifPresent: its lambda was made for every node
    if (anchor.isPresent()) {
      checkName(anchor.get().getValue(), anchorStart(event), "an anchor's");
      anchored(anchor.get().getValue(), anchorStart(event), node, timestamp);
      writtenAnchors.add(
          new ParsedYaml.Anchor(anchor.get().getValue(), anchorStart(event), node.origin().at().startOffset()));
    }
  }

  /**
   * {@code name}, written at {@code anchorStart}, names {@code node} from here on (a name may be given again, to
   * another node), unless a node within it took the name since: go-yaml gives a node its name as it starts, so a
   * collection that closes after one within it named alike does not take the name back.
   */
  private void anchored(String name, int anchorStart, Node node, boolean timestamp) {
    if (anchorStarts.getOrDefault(name, -1) > anchorStart) {
      return;
    }
    anchors.put(name, node);
    anchorStarts.put(name, anchorStart);
    leftOutAnchors.remove(name);
    mergeOnlyKeys.remove(name);
    if (timestamp) {
      timestampAnchors.add(name);
    } else {
      timestampAnchors.remove(name);
    }
  }

  /** {@code name}, written at {@code start}, names a value left out: an alias to it is left out as well. */
  private void leftOut(String name, int start, int valueStart) {
    anchors.remove(name);
    anchorStarts.put(name, start);
    timestampAnchors.remove(name);
    mergeOnlyKeys.remove(name);
    leftOutAnchors.add(name);
    writtenAnchors.add(new ParsedYaml.Anchor(name, start, valueStart));
  }

  /**
   * Remembers where the tag of a value is written, among the properties before {@code valueStart}, so that an edit
   * of the value can tell whether the tag still holds. A mapping key's tag is left out: no edit replaces a key.
   */
  private void rememberTag(NodeEvent event, Optional<String> tag, int valueStart) {
    Frame parent = stack.peek();
    if (tag.isEmpty() || parent != null && parent.mapping && parent.pendingKey == null) {
      return;
    }
    int at = tagStart(event, valueStart);
    if (at >= 0) {
      writtenTags.add(new ParsedYaml.Tag(tag.get(), at, propertyEnd(source.text(), at), valueStart));
    }
  }

  /** Where the tag of a node is written, among its properties before {@code valueStart}; -1 when it has none. */
  private int tagStart(NodeEvent event, int valueStart) {
    String text = source.text();
    int at = offset(event.getStartMark().orElseThrow());
    while (at < valueStart && text.charAt(at) != '!') {
      at = propertyEnd(text, at);
      while (at < valueStart && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
    return at < valueStart ? at : -1;
  }

  /** The tag written on a node, as a range (where its value starts when it has none). */
  private SourceRange tagRange(NodeEvent event, int valueStart) {
    int at = tagStart(event, valueStart);
    return at < 0 ? source.range(valueStart, valueStart) : source.range(at, propertyEnd(source.text(), at));
  }

  /** Where an {@code &anchor} or {@code !tag} written at {@code start} ends: the parser wants a blank after either. */
  private static int propertyEnd(String text, int start) {
    int end = start;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  // ---- comments ----

  /**
   * Records the comments before a scalar's text and moves past it: outside scalars a {@code #} after a blank
   * or at a line's start opens a comment, inside one it is text. A block scalar's header line
   * ({@code | # note}) may carry a comment, and the blank lines after its text belong to it.
   */
  private void skipScalarText(ScalarEvent event, SourceRange range, int endMark) {
    commentsBefore(range.startOffset());
    int after = range.endOffset();
    if (isBlock(event.getScalarStyle())) {
      int headerEnd = lineEnd(range.startOffset());
      commentsBefore(headerEnd);
      after = Math.max(endMark, headerEnd);
    }
    commentsFrom = Math.max(commentsFrom, after);
  }

  /**
   * Records the comments in {@code [commentsFrom, end)}, text between tokens: each {@code #...} and, as
   * snakeyaml's comment events do, each blank line as an empty comment (the fix engine keeps or refuses to
   * lose both alike).
   */
  private void commentsBefore(int end) {
    String text = source.text();
    for (int i = commentsFrom; i < end; i++) {
      char c = text.charAt(i);
      if (c == '#' && opensComment(i)) {
        int lineEnd = lineEnd(i);
        comments.add(new ParsedYaml.Comment(i, lineEnd));
        if (indentationTabs != null && i >= commentRunEnd && startsCommentRun(i)) {
          commentRun(i, lineEnd);
        }
        if (unusualBreaks) {
          unusualBreaksInComment(i, lineEnd);
        }
        i = lineEnd;
      } else if (unusualBreaks && isUnusualBreak(c)) {
        unusualBreak(i, unusualBreakMessage(c));
      } else if (isLineStart(i)) {
        int lineEnd = lineEnd(i);
        if (lineEnd < end && text.substring(i, lineEnd).isBlank()) {
          comments.add(new ParsedYaml.Comment(i, lineEnd));
          i = lineEnd;
        }
      }
    }
    commentsFrom = Math.max(commentsFrom, end);
  }

  // ---- line breaks only Compose's reader takes for line breaks ----

  /**
   * Records the unusual line breaks written in a scalar that Compose's reader reads otherwise. In a block scalar,
   * or a plain one in block context, each ends a line (of the scalar, or of the mapping it is in). In a quoted
   * scalar, or a plain one in a flow collection, an LS or PS reads as the character it is, as here, unless blanks
   * or a break are beside it (Compose's reader drops the blanks around a line break), and a NEL as a line break.
   */
  private void unusualBreaksIn(ScalarEvent event, SourceRange range) {
    ScalarStyle style = event.getScalarStyle();
    Frame parent = stack.peek();
    boolean kept = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED
        || style == ScalarStyle.PLAIN && parent != null && parent.flow;
    String text = source.text();
    int end = style == ScalarStyle.PLAIN || kept ? range.endOffset() : Math.max(range.endOffset(), end(event));
    for (int i = range.startOffset(); i < end; i++) {
      char c = text.charAt(i);
      if (isUnusualBreak(c) && (!kept || c == '\u0085' || i > 0 && isBlankOrBreak(text.charAt(i - 1))
          || i + 1 < text.length() && isBlankOrBreak(text.charAt(i + 1)))) {
        unusualBreak(i, unusualBreakMessage(c));
      }
    }
  }

  /** What the tabs this reading looks at make of the scalar at {@code range}, its whole text up to its event's end. */
  private void tabsIn(ScalarEvent event, SourceRange range) {
    int end = Math.max(range.endOffset(), end(event));
    boolean block = isBlock(event.getScalarStyle());
    if (secondReading != null && secondReading.presumesQuotedTabs()) {
      int presumed = secondReading.presumedWithin(range.startOffset(), end);
      if (presumed > 0 && event.getScalarStyle() != ScalarStyle.DOUBLE_QUOTED
          && event.getScalarStyle() != ScalarStyle.SINGLE_QUOTED) {
        throw new SecondReading.PresumedWrongly(); // at once: the rest of this reading would be lost anyway
      }
      presumedFound += presumed;
    }
    if (secondReading != null && secondReading.changes(range.startOffset(), end, block, event.isPlain())) {
      // a block scalar's text starts on the line after its header, whose tabs stay spaces
      int textStart = block ? lineEnd(range.startOffset()) : range.startOffset();
      changedValues.add(textStart);
      changedValues.add(end);
      if (block) {
        changedBlockScalars.add(textStart);
        changedBlockScalars.add(end);
      }
    }
    if (indentationTabs == null || range.endOffset() == range.startOffset()) {
      return; // an empty one (a tag alone) is not scanned as text
    }
    lastTextStart = range.startOffset();
    lastTextEnd = range.endOffset();
    if (block) {
      blockScalarTabs(range.startOffset(), end);
    } else if (event.getScalarStyle() != ScalarStyle.PLAIN) {
      indentationTabs.allowWithin(range.startOffset(), end);
    } else if (stack.isEmpty()) {
      rootPlainScalarStart = range.startOffset();
      rootPlainScalarEnd = range.endOffset();
    } else {
      // go-yaml reads the blanks after a plain scalar with it, and lets a line's tab stand beyond the column of the
      // block collection the scalar is in; within brackets only there too (the brackets allow the others)
      String text = source.text();
      int next = range.endOffset();
      while (next < text.length() && isBlank(text.charAt(next))) {
        next++;
      }
      Frame collection = innermostBlockCollection();
      if (!stack.peek().flow) {
        indentationTabs.allowWithin(range.startOffset(), next, collection.column + 1);
      } else if (collection != null) {
        indentationTabs.refuseWithin(range.startOffset(), next, collection.column + 1);
      }
    }
  }

  /** The innermost collection being read that is not within brackets, or null. */
  private Frame innermostBlockCollection() {
    for (Frame frame : stack) {
      if (!frame.flow) {
        return frame;
      }
    }
    return null;
  }

  /**
   * Allows the tabs a block scalar from its header at {@code header} to {@code end} has in its text: those beyond
   * its indentation on the lines after the one that sets it. go-yaml refuses a tab before the indentation is known
   * or within it ("found a tab character where an indentation space is expected").
   */
  private void blockScalarTabs(int header, int end) {
    BlockIndentation indentation = blockIndentation(header, end);
    indentationTabs.allowWithin(indentation.setBy(), end, indentation.columns());
  }

  /**
   * A block scalar's indentation: how many {@code columns} its text lines start with, and where the line after the
   * one that sets it starts (after the header when an indicator sets it).
   */
  private record BlockIndentation(int columns, int setBy) {}

  /** The indentation of the block scalar from its header at {@code header} to {@code end}, as go-yaml finds it. */
  private BlockIndentation blockIndentation(int header, int end) {
    String text = source.text();
    int headerEnd = lineEnd(header);
    int increment = 0;
    int indicatorsEnd = indicatorsEnd(header);
    for (int i = header + 1; i < indicatorsEnd; i++) {
      if (Character.isDigit(text.charAt(i))) {
        increment = text.charAt(i) - '0';
      }
    }
    int parentIndent = stack.isEmpty() ? -1 : stack.peek().column;
    int from = nextLineStart(headerEnd);
    if (increment > 0) {
      return new BlockIndentation(parentIndent >= 0 ? parentIndent + increment : increment, from);
    }
    int widest = 0;
    int line = from;
    while (line < end) {
      int spaces = line;
      while (spaces < end && text.charAt(spaces) == ' ') {
        spaces++;
      }
      widest = Math.max(widest, spaces - line);
      if (spaces == end || text.charAt(spaces) != '\n' && text.charAt(spaces) != '\r') {
        break; // the first line with text sets the indentation
      }
      line = nextLineStart(spaces);
    }
    return new BlockIndentation(Math.max(widest, Math.max(parentIndent + 1, 1)), nextLineStart(lineEnd(line)));
  }

  /**
   * Refuses text after a block scalar's header ({@code |}, {@code >} and their indicators, which end at
   * {@code indicatorsEnd}) other than blanks and a comment, as Compose does; the parser here lets a character other
   * than ASCII pass at the end of the text.
   */
  private void refuseTextAfterHeader(int indicatorsEnd) {
    String text = source.text();
    int i = indicatorsEnd;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i < text.length() && text.charAt(i) != '#' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.range(i, i + 1),
          "invalid YAML: did not find expected comment or line break (while scanning a block scalar)");
    }
  }

  /** Where the indicators after a block scalar's {@code |} or {@code >} at {@code header} end. */
  private int indicatorsEnd(int header) {
    return indicatorsEnd(source.text(), header);
  }

  /** Where the indicators ({@code + - 0-9}) after a block scalar's {@code |} or {@code >} at {@code header} end. */
  static int indicatorsEnd(String text, int header) {
    int i = header + 1;
    while (i < text.length() && "+-0123456789".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** Where the line after a line break at {@code lineEnd} starts (CRLF is one break). */
  private int nextLineStart(int lineEnd) {
    String text = source.text();
    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length()
        && text.charAt(lineEnd + 1) == '\n') {
      return lineEnd + 2;
    }
    return Math.min(lineEnd + 1, text.length());
  }

  private static boolean isBlock(ScalarStyle style) {
    return style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
  }

  /**
   * Whether the block scalar from its header at {@code header} to {@code end} ends the text on a line of its text
   * with no line break after it: a line with more than blanks, or blanks beyond the scalar's indentation, which are
   * its text too. The parser here ends that line with a break; Compose's reader adds none.
   */
  private boolean endsUnbroken(int header, int end) {
    String text = source.text();
    if (end < text.length()) {
      return false;
    }
    int lineStart = end;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    int spaces = lineStart;
    while (spaces < end && text.charAt(spaces) == ' ') {
      spaces++;
    }
    int blanks = spaces;
    while (blanks < end && isBlank(text.charAt(blanks))) {
      blanks++;
    }
    if (blanks < end) {
      return true;
    }
    int indentation = blockIndentation(header, end).columns();
    return end - lineStart > indentation && spaces - lineStart >= indentation;
  }

  private static boolean hasSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses an escape of a surrogate (U+D800 to U+DFFF) in the double-quoted scalar at {@code range}, as Compose's
   * reader does, each escape on its own: the parser here joins the escapes of a pair into the character they spell
   * and keeps a lone one, which no text can hold. A character beyond the BMP written as it is has no escape.
   */
  private void refuseSurrogateEscape(SourceRange range) {
    String text = source.text();
    for (int i = range.startOffset(); i + 1 < range.endOffset(); i++) {
      if (text.charAt(i) != '\\') {
        continue;
      }
      char letter = text.charAt(i + 1);
      int digits = letter == 'u' ? 4 : letter == 'U' ? 8 : 0;
      if (digits > 0 && i + 2 + digits <= range.endOffset()) {
        long value = Long.parseLong(text, i + 2, i + 2 + digits, 16); // the parser has read them as hexadecimal
        if (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
          throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.range(i, i + 2 + digits),
              "invalid YAML: found invalid Unicode character escape code (while parsing a quoted scalar)");
        }
      }
      i++; // past the escaped character, a backslash too
    }
  }

  private static boolean isBlankOrBreak(char c) {
    return isBlank(c) || isUnusualBreak(c);
  }

  /**
   * Records the unusual line breaks in the comment {@code [start, end)} after which Compose's reader, for which the
   * comment ends there, reads more than blanks or another comment: text Lashing takes for a part of the comment.
   */
  private void unusualBreaksInComment(int start, int end) {
    String text = source.text();
    for (int i = start + 1; i < end; i++) {
      char c = text.charAt(i);
      if (!isUnusualBreak(c)) {
        continue;
      }
      int next = i + 1;
      while (next < end && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
        next++;
      }
      if (next < end && text.charAt(next) != '#' && !isUnusualBreak(text.charAt(next))) {
        unusualBreak(i, name(c) + " ends this comment for Compose's YAML reader (go-yaml), which reads the text"
            + " after it as YAML, not as a part of the comment as Lashing does; remove it, or put that text on a line"
            + " of its own");
      }
    }
  }

  /** Adds to {@code found} the unusual line breaks between the text read so far and {@code offset}. */
  private void unusualBreaksUnread(int offset, List<Diagnostic> found) {
    String text = source.text();
    for (int i = commentsFrom; i < Math.min(offset, text.length()); i++) {
      if (isUnusualBreak(text.charAt(i))) {
        found.add(Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, source.range(i, i + 1),
            unusualBreakMessage(text.charAt(i))));
      }
    }
  }

  private void unusualBreak(int at, String message) {
    Diagnostic found = Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, source.range(at, at + 1), message);
    errors.add(found);
    unusualBreakErrors.add(found);
  }

  private static String unusualBreakMessage(char c) {
    return name(c) + " is a line break to Compose's YAML reader (go-yaml), not to Lashing's, which reads this file"
        + " otherwise; remove it, or write it as " + (c == '\u0085' ? "\\N" : c == '\u2028' ? "\\L" : "\\P")
        + " in a double-quoted string";
  }

  private static String name(char c) {
    return c == '\u0085' ? "U+0085 (next line)" : c == '\u2028' ? "U+2028 (line separator)"
        : "U+2029 (paragraph separator)";
  }

  /** NEL, LS or PS: a line break to libyaml (and so to go-yaml), text to YAML 1.2 and snakeyaml-engine. */
  private static boolean isUnusualBreak(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private boolean isLineStart(int offset) {
    String text = source.text();
    return offset == shift
        || offset > 0 && (text.charAt(offset - 1) == '\n' || text.charAt(offset - 1) == '\r' && text.charAt(offset) != '\n');
  }

  /** How many characters come before {@code offset} on its line; a byte order mark is none, as to go-yaml. */
  private int column(int offset) {
    return source.columnOf(offset) - 1 - (offset >= shift && source.lineOf(offset) == 1 ? shift : 0);
  }

  private int lineEnd(int offset) {
    String text = source.text();
    int i = offset;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /**
   * Whether Compose's reader reads the comment at {@code hash} with the comment lines after it: when it starts its
   * line, or follows a {@code -} or a document marker ({@code ---}, {@code ...}) that is not the end of a text. A
   * comment after any other token on its line it reads alone: also after the {@code -} that ends a block scalar's
   * header ({@code |-}, {@code |2-}), an anchor's or a tag's name ({@code &a-}).
   */
  private boolean startsCommentRun(int hash) {
    String text = source.text();
    int before = hash;
    while (before > shift && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == '\t')) {
      before--;
    }
    if (before == shift) {
      return true;
    }
    int last = before - 1;
    char c = text.charAt(last);
    boolean indicator = c == '-' && (last == shift || isBlankOrBreak(text.charAt(last - 1)))
        || (c == '-' || c == '.') && last - 2 >= shift && isLineStart(last - 2)
            && text.startsWith(c == '-' ? "---" : "...", last - 2);
    return c == '\n' || c == '\r' || indicator && (last < lastTextStart || before > lastTextEnd);
  }

  /**
   * Allows the tabs that start the lines of the run of comments from the one at {@code hash}, which ends at
   * {@code lineEnd}: go-yaml reads the next comment line with the blanks before it, and the blank lines between, as
   * long as it finds one within 512 characters. It looks for it byte by byte, so a NEL, LS or PS (two or three
   * bytes, a line break to it) ends the run.
   */
  private void commentRun(int hash, int lineEnd) {
    String text = source.text();
    int end = unusualBreakBefore(hash, lineEnd);
    while (true) {
      int next = end;
      while (next < text.length() && next - end < GO_YAML_COMMENT_LOOKAHEAD && isBlank(text.charAt(next))) {
        next++;
      }
      if (next == text.length() || next - end >= GO_YAML_COMMENT_LOOKAHEAD || text.charAt(next) != '#') {
        break;
      }
      end = unusualBreakBefore(next, lineEnd(next));
    }
    indentationTabs.allowWithin(hash, end);
    commentRunEnd = end;
  }

  /** Where the first NEL, LS or PS in {@code [from, end)} is; {@code end} when there is none. */
  private int unusualBreakBefore(int from, int end) {
    String text = source.text();
    for (int i = from; i < end; i++) {
      if (isUnusualBreak(text.charAt(i))) {
        return i;
      }
    }
    return end;
  }

  /** Where the first comment in {@code [from, end)} starts, text between tokens; {@code end} when there is none. */
  private int commentStart(int from, int end) {
    String text = source.text();
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == '#' && opensComment(i)) {
        return i;
      }
    }
    return end;
  }

  /** Whether a {@code #} at {@code at}, between tokens, opens a comment: first in the text or after a blank. */
  private boolean opensComment(int at) {
    return at == shift || at > 0 && isBlank(source.text().charAt(at - 1))
        || secondReading != null && secondReading.startsGluedComment(at);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Hands a finished node to its parent: as a document, a sequence item, a mapping key or value. */
  private void add(Node node) {
    add(node, false, false);
  }

  /**
   * The same, for a node go-yaml reads as a timestamp when {@code timestamp} (then it is no string key), and as a
   * key that merges ({@code <<}) when {@code mergeKey}.
   */
  private void add(Node node, boolean timestamp, boolean mergeKey) {
    Frame parent = stack.peek();
    if (parent == null) {
      mergeTagged.set(documents.size(), mergeTagInDocument);
      mergeTagInDocument = false;
      documents.add(node);
      if (watcher != null) {
        watcher.documentRead(documents.size() - 1);
      }
      return;
    }
    extendOver(parent, node);
    if (!parent.mapping) {
      parent.items.add(node);
    } else if (parent.pendingKey == null) {
      parent.pendingKey = key(node, parent, timestamp);
      parent.pendingMerges = mergeKey;
    } else if (isWatched(parent)) {
      if (parent.putValue(node)) {
        watcher.entryRead(documents.size(), parent.entries.get(parent.entries.size() - 1));
      }
    } else {
      parent.putValue(node);
    }
  }

  /**
   * Leaves out a value Compose refuses, {@code shown} where it is written: the sequence has no such item, the
   * mapping no such entry (when it is a key, its value is left out with it), the document is empty.
   */
  private void leaveOut(ScalarNode shown) {
    Frame parent = stack.peek();
    if (parent == null) {
      add(ScalarNode.ofNull(shown.origin()));
      return;
    }
    extendOver(parent, shown);
    if (parent.mapping && parent.pendingKey == null) {
      parent.refuseKey(shown);
    } else if (parent.mapping) {
      parent.pendingKey = null;
      parent.keyRefused = false;
    }
  }

  /** The collection being built runs at least to the end of {@code node}, its last child so far. */
  private static void extendOver(Frame parent, Node node) {
    parent.lastEnd = Math.max(parent.lastEnd, node.origin().at().endOffset());
    if (!node.origin().via().isEmpty()) {
      // An alias ends where the *name is written, not where the anchored node ends.
      parent.lastEnd = Math.max(parent.lastEnd, node.origin().usedAt().endOffset());
    }
  }

  /** Whether the value about to be put in {@code map} makes an entry that {@link #watcher} is told of. */
  private boolean isWatched(Frame map) {
    if (watcher == null || stack.size() != 2 || map.keyRefused || map.pendingMerges) {
      return false;
    }
    Frame top = stack.peekLast();
    return top.mapping && top.pendingKey != null && !top.keyRefused && !top.pendingMerges
        && top.pendingKey.value().equals(watcher.key());
  }

  /**
   * {@code node} as the key of the next entry of {@code map}. compose-go refuses a key go-yaml does not read as a
   * string (a number, a boolean, a null, a timestamp, a sequence or a mapping): it is recorded, and the entry it
   * starts left out.
   */
  private ScalarNode key(Node node, Frame map, boolean timestamp) {
    if (node instanceof ScalarNode scalar && !timestamp
        && (scalar.isString() || scalar.value().equals("<<") && scalar.style() == ScalarNode.Style.PLAIN)) {
      return scalar;
    }
    if (node instanceof ScalarNode scalar && map.mergedInto != null) {
      // go-yaml merges a mapping written under a merge key into one whose keys are strings, reading each of its keys
      // as a string: a number's, a boolean's or a date's text, and a null key not at all (its entry is left out)
      if (scalar.isNull()) {
        map.refuseKey(scalar);
        return scalar;
      }
      if (map.nonStringKey == null) {
        map.nonStringKey = keyShown(node, timestamp);
        map.nonStringKeyAt = node.origin().usedAt();
      }
      return new ScalarNode(scalar.value(), ScalarNode.Type.STRING, scalar.style(), scalar.origin(), scalar.tag());
    }
    errors.add(Diagnostic.error(Diagnostic.Kind.YAML_SYNTAX, node.origin().usedAt(),
        "non-string key " + where(map) + ": " + keyShown(node, timestamp)));
    ScalarNode shown = node instanceof ScalarNode s ? s : ScalarNode.string(node.kindName(), node.origin());
    map.refuseKey(shown);
    return shown;
  }

  /**
   * A key compose-go refuses as it names it ({@code %#v} of what go-yaml read: {@code 1.5} for {@code 1.50},
   * {@code <nil>} for {@code ~}); a timestamp as written, a collection by its kind.
   */
  private static String keyShown(Node node, boolean timestamp) {
    if (!(node instanceof ScalarNode scalar)) {
      return node.kindName();
    }
    if (timestamp) {
      return scalar.value();
    }
    return scalar.isNull() ? "<nil>" : scalar.asComposeString().value();
  }

  /** Where compose-go says a key of {@code map} is: {@code at top level}, {@code in networks.n.ipam.config[0]}. */
  private String where(Frame map) {
    StringBuilder path = new StringBuilder();
    for (Iterator<Frame> frames = stack.descendingIterator(); frames.hasNext(); ) {
      Frame f = frames.next();
      if (f.mapping && f.pendingKey != null && f != map) {
        path.append(path.length() == 0 ? "" : ".").append(f.pendingKey.value());
      } else if (!f.mapping) {
        path.append('[').append(f.items.size()).append(']');
      }
    }
    return path.length() == 0 ? "at top level" : "in " + path;
  }

  /**
   * The mapping a collection opened now ({@code mapping} or a sequence) is written under the merge key of: as its
   * value, or, a mapping, as an item of the sequence that is; null when none is.
   */
  private Frame mergeTargetOfNew(boolean mapping) {
    Frame top = stack.peek();
    if (top == null) {
      return null;
    }
    if (top.mapping) {
      return top.pendingKey != null && top.pendingMerges ? top : null;
    }
    return mapping ? top.mergedInto : null;
  }

  /** The mapping that what is read now under a merge key is merged into ({@link #insideMergeKey} holds). */
  private Frame mergedInto() {
    Frame top = stack.peek();
    return top.mapping ? top : top.mergedInto;
  }

  private boolean insideMergeKey() {
    Frame top = stack.peek();
    if (top == null) {
      return false;
    }
    return top.mapping ? top.pendingKey != null && top.pendingMerges : top.mergedInto != null;
  }

  // ---- positions ----

  private int end(Event event) {
    return offset(event.getEndMark().orElseThrow());
  }

  /** Marks count code points of the text without its byte order mark (one code point, one UTF-16 unit). */
  private int offset(Mark mark) {
    return offsetOfCodePoint(mark.getIndex());
  }

  /** The offset in the file of the code point the parser counts {@code index} (after a byte order mark). */
  private int offsetOfCodePoint(int index) {
    int at = codePoints.offsetOfCodePoint(index + shift);
    return secondReading == null ? at : secondReading.writtenOffset(at);
  }

  private SourceRange position(Mark mark) {
    int at = offset(mark);
    return source.range(at, at);
  }

  private SourceRange position(Mark start, int endOffset) {
    return source.range(offset(start), Math.max(offset(start), endOffset));
  }

  /**
   * Where a node's value starts: after its {@code &anchor} and {@code !tag} properties and what may separate them
   * from it, blanks, line breaks and comments ({@code key: &a !!str # note}, the value on the next line).
   */
  private int valueStart(NodeEvent event) {
    int at = offset(event.getStartMark().orElseThrow());
    String text = source.text();
    while (at < text.length() && (text.charAt(at) == '&' || text.charAt(at) == '!')) {
      at = pastProperty(at);
    }
    return at;
  }

  /**
   * Where a collection starts, past its own properties. A block mapping starts where its first key does, with that
   * key's properties ({@code !!str k: v}): they are the key's, and go-yaml indents the mapping at them.
   */
  private int collectionStart(CollectionStartEvent event) {
    int at = offset(event.getStartMark().orElseThrow());
    int properties = (event.getAnchor().isPresent() ? 1 : 0) + (event.getTag().isPresent() ? 1 : 0);
    for (int i = 0; i < properties; i++) {
      at = pastProperty(at);
    }
    return at;
  }

  /**
   * Refuses an anchor's or alias's {@code name} (written at {@code at}) with a character Compose's YAML reader does
   * not take in one: it reads ASCII letters, digits, '-' and '_', and refuses the name at any other character or,
   * at a few (':', '?', '%', '@', '`'), ends it there and reads the rest otherwise. The reader here takes more.
   */
  private void checkName(String name, int at, String whose) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isNameCharacter(c)) {
        int end = Math.min(source.text().length(), at + 1 + name.length());
        throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, source.range(at, end), "invalid YAML: Compose's YAML"
            + " reader takes only ASCII letters, digits, '-' and '_' in " + whose + " name, not '"
            + new String(Character.toChars(name.codePointAt(i))) + "' (in '" + name + "')");
      }
    }
  }

  /** Whether go-yaml reads {@code c} in an anchor's, an alias's or a tag handle's name. */
  static boolean isNameCharacter(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_';
  }

  /** Where a node's {@code &anchor} is written: first, or after its {@code !tag}. */
  private int anchorStart(NodeEvent event) {
    int at = offset(event.getStartMark().orElseThrow());
    return source.text().charAt(at) == '!' ? pastProperty(at) : at;
  }

  /** Past the property ({@code &anchor}, {@code !tag}) at {@code at} and the blanks, breaks and comments after it. */
  private int pastProperty(int at) {
    String text = source.text();
    int i = propertyEnd(text, at);
    // a # here follows white space: it opens a comment
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '#')) {
      i = text.charAt(i) == '#' ? lineEnd(i) : i + 1;
    }
    return i;
  }

  private SourceRange valueRange(ScalarEvent event, int endOffset) {
    int start = valueStart(event);
    int end = Math.max(start, endOffset);
    if (isBlock(event.getScalarStyle())) {
      // A block scalar's end mark is the next token; its own text ends at its last non-blank character, or, when it
      // keeps its trailing line breaks (|+, >+), after the last of them: those blank lines are part of its value,
      // and what the fix engine inserts after it must come below them.
      String text = source.text();
      boolean keepsBreaks = keepsTrailingBreaks(text, start);
      while (end > start && (keepsBreaks ? text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t'
          : Character.isWhitespace(text.charAt(end - 1)))) {
        end--;
      }
    }
    if (event.getValue().isEmpty() && event.isPlain()) {
      // An empty value (`key:`) has no text of its own: it sits right after what is written of it, its `&anchor` or
      // `!tag` if any (`restart: !reset`), not where the next token starts, maybe on a later line.
      start = Math.min(start, Math.max(offset(event.getStartMark().orElseThrow()), endOffset));
      end = start;
    }
    return source.range(start, end);
  }

  /** Whether the block scalar whose header starts at {@code header} has the keep indicator ({@code |+}, {@code >2+}). */
  private static boolean keepsTrailingBreaks(String text, int header) {
    for (int i = header + 1; i < text.length() && i <= header + 3; i++) {
      char c = text.charAt(i);
      if (c == '+') {
        return true;
      }
      if (c != '-' && (c < '1' || c > '9')) {
        return false;
      }
    }
    return false;
  }

  /** {@code str} for {@code !!str} or its long form; other tags unchanged. */
  private static String standardTagName(String tag) {
    if (tag.startsWith(TAG_PREFIX)) {
      return tag.substring(TAG_PREFIX.length());
    }
    return tag.startsWith("!!") ? tag.substring(2) : tag;
  }

  private static MergeTag mergeTag(Optional<String> tag) {
    if (tag.isEmpty()) {
      return MergeTag.NONE;
    }
    return switch (tag.get()) {
      case "!reset" -> MergeTag.RESET;
      case "!override" -> MergeTag.OVERRIDE;
      default -> MergeTag.NONE;
    };
  }

  private static ScalarNode.Style style(ScalarStyle style) {
    if (style == ScalarStyle.SINGLE_QUOTED) {
      return ScalarNode.Style.SINGLE_QUOTED;
    } else if (style == ScalarStyle.DOUBLE_QUOTED) {
      return ScalarNode.Style.DOUBLE_QUOTED;
    } else if (style == ScalarStyle.LITERAL) {
      return ScalarNode.Style.LITERAL;
    } else if (style == ScalarStyle.FOLDED) {
      return ScalarNode.Style.FOLDED;
    }
    return ScalarNode.Style.PLAIN;
  }

  /** A mapping's key as go-yaml compares it with the others: an alias's name, or a scalar's text. */
  private record WrittenKey(boolean alias, String text) {}

  /** A collection being built. */
  private final class Frame {
    /** What {@link #earlierKey} finds when no key before reads alike, and when the {@code <<} does. */
    private static final int NONE = -1;
    private static final int MERGE_KEY = -2;

    final boolean mapping;
    final boolean flow;
    final String anchor;
    /** Where {@link #anchor} is written, or -1. */
    final int anchorStart;
    final MergeTag mergeTag;
    int start;
    /** The column of {@link #start}, when the text has tabs in its indentation to check against it. */
    int column;
    int lastEnd;
    final List<Node> items = new ArrayList<>();
    final List<MapNode.Entry> entries = new ArrayList<>();
    /** The {@code <<} key once it is written: it is not one of the entries. */
    ScalarNode mergeKey;
    /** Where each key is among the entries, once they are too many to walk for each new key. */
    KeyPositions keyIndex;
    /** Mappings named by {@code <<}, in the order they were written; the first one wins. */
    final List<MapNode> mergeSources = new ArrayList<>();
    /** Index in {@link #entries} where the merged entries go. */
    int mergeIndex = -1;
    ScalarNode pendingKey;
    /** Whether {@link #pendingKey} is a {@code <<} that merges what follows it into this mapping. */
    boolean pendingMerges;
    /** Whether the pending key is refused: its entry is left out, whatever its value. */
    boolean keyRefused;
    /**
     * The mapping whose merge key this collection is written under (as its value, or, a mapping, as an item of the
     * sequence that is), or null.
     */
    Frame mergedInto;
    /** How compose-go shows the first key of this mapping that is a string only because it is merged; or null. */
    String nonStringKey;
    SourceRange nonStringKeyAt;
    /** The first such key of the mappings merged into this one, and where it is written; or null. */
    String mergedNonStringKey;
    SourceRange mergedNonStringKeyAt;
    /** Whether a key of this mapping has a tag go-yaml reads as no string's ({@code !t k}): it keeps merged keys. */
    boolean keyOfAnotherTag;
    /** The keys whose entries a later key that read the same but was written otherwise replaced, by how written. */
    Map<WrittenKey, ScalarNode> replacedKeys;

    Frame(boolean mapping, CollectionStartEvent event, MergeTag mergeTag) {
      this.mapping = mapping;
      this.flow = event.isFlow();
      this.anchor = event.getAnchor().map(a -> a.getValue()).orElse(null);
      this.anchorStart = anchor == null ? -1 : anchorStart(event);
      this.mergeTag = mergeTag;
    }

    /** {@code shown} is the pending key, refused: the entry it starts is left out. */
    void refuseKey(ScalarNode shown) {
      pendingKey = shown;
      keyRefused = true;
    }

    void mergedNonStringKey(String shown, SourceRange at) {
      if (mergedNonStringKey == null) {
        mergedNonStringKey = shown;
        mergedNonStringKeyAt = at;
      }
    }

    /**
     * Puts the value of the pending key; false when that key is refused, or is written already in this mapping (the
     * duplicate is recorded and left out, the first value stays), or replaces the entry of a key written otherwise.
     */
    boolean putValue(Node value) {
      ScalarNode key = pendingKey;
      boolean merges = pendingMerges;
      pendingKey = null;
      pendingMerges = false;
      if (keyRefused) {
        keyRefused = false;
        return false;
      }
      int at = earlierKey(key);
      if (at != NONE) {
        ScalarNode earlier = at == MERGE_KEY ? mergeKey : entries.get(at).key();
        WrittenKey written = writtenKey(key);
        if (replacedKeys != null && replacedKeys.containsKey(written)) {
          earlier = replacedKeys.get(written);
        }
        if (at == MERGE_KEY || written.equals(writtenKey(earlier))) {
          errors.add(Diagnostic.error(Diagnostic.Kind.DUPLICATE_KEY, key.origin().usedAt(),
              "mapping key \"" + key.value() + "\" already defined at line " + earlier.origin().usedAt().line()));
          return false;
        }
        // go-yaml tells keys apart as they are written: an alias and a text, or two aliases of other names, that
        // read alike are two keys to it, and of their values the later one stands
        if (replacedKeys == null) {
          replacedKeys = new HashMap<>();
        }
        replacedKeys.put(writtenKey(earlier), earlier);
        entries.set(at, new MapNode.Entry(key, value));
        return false;
      }
      if (merges) {
        mergeKey = key;
        mergeIndex = entries.size();
        collectMergeSources(key, value);
        return false;
      }
      if (keyIndex != null) {
        keyIndex.putIfAbsent(key.value(), entries.size());
      }
      entries.add(new MapNode.Entry(key, value));
      return true;
    }

    /** How go-yaml tells {@code key} from the others: an alias by its name, any other key by its text. */
    private WrittenKey writtenKey(ScalarNode key) {
      if (key.origin().via().isEmpty()) {
        return new WrittenKey(false, key.value());
      }
      SourceRange alias = key.origin().usedAt();
      return new WrittenKey(true, source.text().substring(alias.startOffset(), alias.endOffset()));
    }

    /**
     * Where among the entries the key written before in this mapping with the same text as {@code key} is:
     * {@link #MERGE_KEY} when that is the {@code <<}, {@link #NONE} when there is none.
     */
    private int earlierKey(ScalarNode key) {
      String name = key.value();
      if (mergeKey != null && name.equals(mergeKey.value())) {
        return MERGE_KEY;
      }
      if (keyIndex == null && entries.size() >= KeyPositions.WORTH_FROM) {
        keyIndex = new KeyPositions(2 * entries.size());
        for (int i = 0; i < entries.size(); i++) {
          keyIndex.putIfAbsent(entries.get(i).name(), i);
        }
      }
      if (keyIndex != null) {
        int at = keyIndex.get(name);
        return at < 0 ? NONE : at;
      }
      for (int i = 0; i < entries.size(); i++) { // counted: called for every key, an iterator each was 12 MB
        if (entries.get(i).name().equals(name)) {
          return i;
        }
      }
      return NONE;
    }

    private void collectMergeSources(ScalarNode key, Node value) {
      if (value instanceof MapNode map) {
        mergeSources.add(map);
      } else if (value instanceof SeqNode seq && seq.origin().via().isEmpty()) {
        // written here: an alias of a sequence, even of mappings, is refused by Compose's reader, as below
        for (Node item : seq.items()) {
          if (!(item instanceof MapNode map)) {
            throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX,
                item.origin().usedAt(), "map merge requires map or sequence of maps as the value");
          }
          mergeSources.add(map);
        }
      } else {
        throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX,
            value.origin().usedAt(), "map merge requires map or sequence of maps as the value");
      }
    }

    /** Local keys win over merged ones; among merged mappings the first written wins (YAML merge key). */
    List<MapNode.Entry> mergedEntries() {
      if (mergeIndex < 0) {
        return entries;
      }
      List<MapNode.Entry> merged = new ArrayList<>();
      Map<String, Boolean> taken = new HashMap<>();
      for (MapNode.Entry e : entries) {
        taken.put(e.name(), true);
      }
      for (MapNode source : mergeSources) {
        for (MapNode.Entry e : source.entries()) {
          if (taken.putIfAbsent(e.name(), true) == null) {
            merged.add(e);
          }
        }
      }
      List<MapNode.Entry> result = new ArrayList<>(entries.subList(0, mergeIndex));
      result.addAll(merged);
      result.addAll(entries.subList(mergeIndex, entries.size()));
      return result;
    }
  }
}
