package dev.lashing.lint;

import dev.lashing.load.LoadResult;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;

/**
 * Where a part of a value is written (a secret to mask, an option to point at), so that a finding or a mask
 * covers just that text.
 */
public final class TextWithin {
  private TextWithin() {}

  /**
   * The range of {@code part}'s last occurrence in the text of {@code value}, or {@code value} itself when
   * it is not written there as is (escaped, folded) or the text is unknown.
   */
  public static SourceRange lastOf(LoadResult load, SourceRange value, String part) {
    SourceFile file = value.isSynthetic() ? null : load.sources().get(value.file());
    if (file == null || part.isEmpty() || value.endOffset() > file.text().length()) {
      return value;
    }
    int at = file.text().substring(value.startOffset(), value.endOffset()).lastIndexOf(part);
    return at < 0 ? value : file.range(value.startOffset() + at, value.startOffset() + at + part.length());
  }
}
