package dev.lashing.lint;

import dev.lashing.load.LoadResult;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.ParsedYaml;
import dev.lashing.yaml.ScalarPositions;

/**
 * Where a part of a value is written (a secret to mask, an option to point at), so that a finding or a mask
 * covers just that text: the value is the scalar written in a compose file, and the part is placed in it by
 * {@link ScalarPositions}, whatever its style (quoted with escapes, folded, a block, plain over several lines).
 * The scalar's text is read once, when a part is first placed.
 */
public final class TextWithin {
  private final SourceRange whole;
  /** The scalar's value as written (quoting undone), and where its characters are; null when unknown. */
  private final String value;
  private final ScalarPositions positions;

  private TextWithin(SourceRange whole, String value, ScalarPositions positions) {
    this.whole = whole;
    this.value = value;
    this.positions = positions;
  }

  /** The value of the scalar written at {@code value}; unknown when no scalar of a compose file is written there. */
  public static TextWithin of(LoadResult load, SourceRange value) {
    ParsedYaml file = value.isSynthetic() ? null : load.parsed().get(value.file());
    ScalarNode scalar = file == null ? null : file.scalarAt(value);
    return scalar == null ? new TextWithin(value, null, null)
        : new TextWithin(value, scalar.value(), ScalarPositions.of(scalar, file.source()));
  }

  /**
   * The range of {@code part}'s last occurrence in the value written at {@code value}, or {@code value} itself
   * when the part is not in it or the value is unknown.
   */
  public static SourceRange lastOf(LoadResult load, SourceRange value, String part) {
    SourceRange at = of(load, value).lastOf(part);
    return at == null ? value : at;
  }

  /** Where the last occurrence of {@code part} is written; null when it is not there, or the value is unknown. */
  private SourceRange lastOf(String part) {
    return value == null ? null : lastOf(part, 0, value.length());
  }

  /**
   * Where {@code part} is written the first time {@code before} and {@code after} surround it (a password,
   * between the {@code :} and the {@code @} of its URL, rather than a host or database named alike); null when the
   * value does not write it so (the part comes from a variable's default, or is written with an escape), or is
   * unknown.
   */
  public SourceRange firstBetween(String before, String part, String after) {
    int at = value == null || part.isEmpty() ? -1 : value.indexOf(before + part + after);
    return at < 0 ? null : positions.range(at + before.length(), at + before.length() + part.length());
  }

  /**
   * Where all that the value writes between the first {@code opening} and the next {@code closing} is written (a
   * URL's password written as {@code ${PW:-app}} or {@code pa$$word}); null when the value does not hold them, or is
   * unknown.
   */
  public SourceRange between(String opening, String closing) {
    int open = value == null || opening.isEmpty() ? -1 : value.indexOf(opening);
    int close = open < 0 ? -1 : value.indexOf(closing, open + opening.length());
    return close < 0 ? null : positions.range(open + opening.length(), close);
  }

  /**
   * Where the last occurrence of {@code part} within {@code value[from, to)} is written; null when it is not
   * there, or the value is unknown.
   */
  public SourceRange lastOf(String part, int from, int to) {
    int at = value == null || part.isEmpty() ? -1 : value.lastIndexOf(part, to - part.length());
    return at < from ? null : positions.range(at, at + part.length());
  }

  /** Where {@code value[from, to)} is written: the whole value when it is unknown. */
  public SourceRange range(int from, int to) {
    return value == null ? whole : positions.range(from, to);
  }
}
