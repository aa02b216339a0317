package dev.lashing.yaml;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.scanner.Scanner;
import org.snakeyaml.engine.v2.tokens.DirectiveToken;
import org.snakeyaml.engine.v2.tokens.DocumentEndToken;
import org.snakeyaml.engine.v2.tokens.KeyToken;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The scanner's tokens with unquoted values within brackets and braces read as Compose's YAML reader (go-yaml)
 * reads them, where it follows YAML 1.1 and snakeyaml-engine YAML 1.2:
 *
 * <ul>
 *   <li>a colon followed by {@code , [ ] { }} is text, so {@code [b:]} is the string "b:" and {@code {b:}} a key
 *       "b:" (to snakeyaml a one-entry mapping and a key "b"); {@code {a: b:}} reads and {@code {b:{c: 1}}} does not;
 *   <li>a {@code ?} first in such a value marks a key, so {@code [?x]} is a mapping of x (to snakeyaml the string
 *       "?x");
 *   <li>a {@code ?} later in it ends the value, and go-yaml then refuses what follows: {@code [curl,
 *       http://x/?a=1]} is refused (snakeyaml reads "http://x/?a=1"), here with the position of the {@code ?}.
 * </ul>
 *
 * Outside brackets and braces the tokens pass as they are, but directives: one ({@code %YAML 1.1}) after a
 * document ends it, as to go-yaml, where YAML 1.2 and snakeyaml-engine want the document's end marked ({@code ...})
 * first; one other than {@code %YAML} and {@code %TAG} is refused, as go-yaml refuses it (snakeyaml-engine skips it).
 * And a tab after a block sequence's {@code -} is refused, even before a comment or the line's end, and one after
 * an explicit key's {@code ?} or the {@code :} of its value before anything but a comment, as go-yaml refuses them.
 */
final class GoFlowScalars implements Scanner {
  private static final String FLOW_INDICATORS = ",[]{}";

  private final Scanner scanner;
  private final String text;
  private final ToIntFunction<Mark> offset;
  /** Tokens read as go-yaml reads them, in order. */
  private final ArrayDeque<Token> ready = new ArrayDeque<>();
  /** A token taken from the scanner to look past a value, not yet looked at itself. */
  private Token unread;
  /** How deep in brackets and braces the last token taken from the scanner is. */
  private int flowLevel;
  /** What the last token taken from the scanner is. */
  private Token.ID lastTaken;

  /**
   * @param text the text being read
   * @param offset where in {@code text} a mark of the scanner is
   */
  GoFlowScalars(Scanner scanner, String text, ToIntFunction<Mark> offset) {
    this.scanner = scanner;
    this.text = text;
    this.offset = offset;
  }

  @Override
  public boolean checkToken(Token.ID choice) {
    settle();
    return !ready.isEmpty() && ready.getFirst().getTokenId() == choice;
  }

  @Override
  public boolean checkToken(Token.ID... choices) {
    settle();
    if (ready.isEmpty()) {
      return false;
    }
    Token.ID next = ready.getFirst().getTokenId();
    for (Token.ID choice : choices) {
      if (choice == next) {
        return true;
      }
    }
    return choices.length == 0;
  }

  @Override
  public Token peekToken() {
    settle();
    if (ready.isEmpty()) {
      throw new NoSuchElementException("No more Tokens found.");
    }
    return ready.getFirst();
  }

  @Override
  public boolean hasNext() {
    settle();
    return !ready.isEmpty();
  }

  @Override
  public Token next() {
    Token next = peekToken();
    ready.removeFirst();
    return next;
  }

  @Override
  public void resetDocumentIndex() {
    scanner.resetDocumentIndex();
  }

  /** Makes the next token ready: within brackets, a value with what is written before it and the token after it. */
  private void settle() {
    if (!ready.isEmpty()) {
      return;
    }
    Token token = take();
    while (token != null && flowLevel > 0 && startsValue(token) && token.getTokenId() != Token.ID.Scalar) {
      ready.add(token); // a key indicator, an anchor or a tag
      token = take();
    }
    if (token == null) {
      return;
    }
    if (flowLevel > 0 && token instanceof ScalarToken scalar && scalar.isPlain()) {
      readAsGo(scalar, take());
    } else {
      ready.add(token);
    }
  }

  /** A key indicator, an anchor, a tag or a scalar: what starts a value, or is one. */
  private static boolean startsValue(Token token) {
    return switch (token.getTokenId()) {
      case Key, Anchor, Tag, Scalar -> true;
      default -> false;
    };
  }

  private Token take() {
    if (unread != null) {
      Token token = unread;
      unread = null;
      return token;
    }
    if (!scanner.checkToken()) {
      return null;
    }
    Token token = scanner.next();
    switch (token.getTokenId()) {
      case FlowMappingStart, FlowSequenceStart -> flowLevel++;
      case FlowMappingEnd, FlowSequenceEnd -> flowLevel--;
      case BlockEntry -> refuseTabAfterBlockEntry(token);
      case Key, Value -> {
        if (flowLevel == 0) {
          refuseTabAfterExplicitKey(token);
        }
      }
      case Directive -> {
        String name = ((DirectiveToken<?>) token).getName();
        if (!name.equals(DirectiveToken.YAML_DIRECTIVE) && !name.equals(DirectiveToken.TAG_DIRECTIVE)) {
          throw new ScannerException(null, Optional.empty(), "found unknown directive name %" + name
              + "; Compose's YAML reader knows only %YAML and %TAG", token.getStartMark());
        }
        if (lastTaken != Token.ID.StreamStart && lastTaken != Token.ID.DocumentEnd
            && lastTaken != Token.ID.Directive) {
          lastTaken = Token.ID.DocumentEnd;
          unread = token;
          return new DocumentEndToken(token.getStartMark(), token.getStartMark());
        }
      }
      default -> {}
    }
    lastTaken = token.getTokenId();
    return token;
  }

  /**
   * Refuses a tab among the blanks after a block sequence's {@code -}: go-yaml skips spaces there, where a key may
   * start, not tabs, and then finds no token that starts with a tab.
   */
  private void refuseTabAfterBlockEntry(Token entry) {
    Mark start = entry.getStartMark().orElseThrow();
    int at = offset.applyAsInt(start);
    for (int i = at + 1; i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
      if (text.charAt(i) == '\t') {
        throw new ScannerException(null, Optional.empty(), "found a tab after a sequence's '-', which Compose's YAML"
            + " reader refuses there (it separates the '-' from what follows with spaces only)",
            Optional.of(markAt(start, at, i)));
      }
    }
  }

  /**
   * Refuses a tab among the blanks after an explicit key's {@code ?}, or the {@code :} that starts its value's line,
   * outside brackets, unless a comment follows them: go-yaml skips spaces there, where a key may start, not tabs
   * (and, before a comment, reads the comment first).
   */
  private void refuseTabAfterExplicitKey(Token indicator) {
    Mark start = indicator.getStartMark().orElseThrow();
    int at = offset.applyAsInt(start);
    char c = text.charAt(at);
    if (c != '?' && (c != ':' || !onlyIndicatorsBefore(at))) {
      return; // a key of its own, or a key's colon after it: go-yaml reads a tab there
    }
    int end = at + 1;
    int tab = -1;
    for (; end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t'); end++) {
      if (tab < 0 && text.charAt(end) == '\t') {
        tab = end;
      }
    }
    if (tab >= 0 && (end == text.length() || text.charAt(end) != '#')) {
      throw new ScannerException(null, Optional.empty(), "found a tab after an explicit key's '" + c
          + "', which Compose's YAML reader refuses there (it separates the '" + c + "' from what follows with"
          + " spaces only)", Optional.of(markAt(start, at, tab)));
    }
  }

  /** Whether the line before {@code at} has only blanks and block indicators ({@code - ? :}, each then a blank). */
  private boolean onlyIndicatorsBefore(int at) {
    for (int i = at - 1; i >= 0 && text.charAt(i) != '\n' && text.charAt(i) != '\r'; i--) {
      char c = text.charAt(i);
      boolean indicator = (c == '-' || c == '?' || c == ':')
          && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t');
      if (c != ' ' && c != '\t' && !indicator) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes ready {@code scalar}, an unquoted value within brackets after what is written before it (ready already),
   * as go-yaml reads it; {@code after} is the token after it (null at the end), left unread unless it becomes part of
   * the value.
   */
  private void readAsGo(ScalarToken scalar, Token after) {
    String value = scalar.getValue();
    boolean markedKey = value.startsWith("?");
    if (value.indexOf('?', markedKey ? 1 : 0) >= 0) {
      Mark start = scalar.getStartMark().orElseThrow();
      int from = offset.applyAsInt(start);
      int question = text.indexOf('?', markedKey ? from + 1 : from);
      throw new ScannerException(null, Optional.empty(),
          "found '?' in an unquoted value within brackets or braces, which Compose's YAML reader ends there;"
              + " quote the value",
          Optional.of(markAt(start, from, question)));
    }
    String colonTaken = after != null && after.getTokenId() == Token.ID.Value
        ? colonTaken(offset.applyAsInt(scalar.getEndMark().orElseThrow()), after) : null;
    if (!markedKey && colonTaken == null) {
      ready.add(scalar);
      unread = after;
      return;
    }
    Token first = ready.isEmpty() ? scalar : ready.getFirst();
    Token second = ready.size() < 2 ? scalar : ready.stream().skip(1).findFirst().orElseThrow();
    if (first.getTokenId() == Token.ID.Key && startsAt(first, second)) {
      ready.removeFirst(); // snakeyaml's implicit key, made of the colon that go-yaml takes for text
    }
    Mark start = scalar.getStartMark().orElseThrow();
    String read = value;
    Mark readStart = start;
    if (markedKey) {
      read = value.substring(1);
      readStart = markAt(start, offset.applyAsInt(start), offset.applyAsInt(start) + 1);
      ready.add(new KeyToken(Optional.of(start), Optional.of(readStart)));
    }
    Optional<Mark> readEnd = scalar.getEndMark();
    if (colonTaken != null) {
      read += colonTaken;
      readEnd = after.getEndMark();
    } else {
      unread = after;
    }
    ready.add(new ScalarToken(read, true, Optional.of(readStart), readEnd));
  }

  /**
   * What go-yaml adds to a value ending at {@code end} when the colon of {@code valueIndicator} is text to it:
   * the blanks before it, folded, and the colon. Null when the colon is an indicator: a comment comes first, or
   * what follows it is no bracket, brace or comma.
   */
  private String colonTaken(int end, Token valueIndicator) {
    int colon = offset.applyAsInt(valueIndicator.getStartMark().orElseThrow());
    if (colon + 1 >= text.length() || FLOW_INDICATORS.indexOf(text.charAt(colon + 1)) < 0) {
      return null;
    }
    int breaks = 0;
    for (int i = end; i < colon; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == colon || text.charAt(i + 1) != '\n')) {
        breaks++;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return null;
      }
    }
    // go-yaml folds a line break into a space, several into one line break fewer
    String blanks = breaks == 0 ? text.substring(end, colon) : breaks == 1 ? " " : "\n".repeat(breaks - 1);
    return blanks + ":";
  }

  private boolean startsAt(Token key, Token next) {
    return key.getStartMark().orElseThrow().getIndex() == next.getStartMark().orElseThrow().getIndex();
  }

  /** A mark at offset {@code to}, later on from {@code mark}, which is at offset {@code from}. */
  private Mark markAt(Mark mark, int from, int to) {
    int line = mark.getLine();
    int column = mark.getColumn();
    for (int i = from; i < to; i = text.offsetByCodePoints(i, 1)) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        column = 0;
      } else if (c != '\r') {
        column++;
      }
    }
    int codePoints = text.codePointCount(from, to);
    return new Mark(mark.getName(), mark.getIndex() + codePoints, line, column, mark.getBuffer(),
        mark.getPointer() + codePoints);
  }
}
