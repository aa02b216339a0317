package dev.lashing.lint;

import dev.lashing.load.LoadResult;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;

/** Where a secret is written within a value, so that outputs can mask just that text. */
public final class SecretText {
  private SecretText() {}

  /**
   * The range of {@code secret}'s last occurrence in the text of {@code value}, or {@code value} itself when
   * it is not written there as is (escaped, folded) or the text is unknown.
   */
  public static SourceRange within(LoadResult load, SourceRange value, String secret) {
    SourceFile file = value.isSynthetic() ? null : load.sources().get(value.file());
    if (file == null || secret.isEmpty() || value.endOffset() > file.text().length()) {
      return value;
    }
    int at = file.text().substring(value.startOffset(), value.endOffset()).lastIndexOf(secret);
    return at < 0 ? value : file.range(value.startOffset() + at, value.startOffset() + at + secret.length());
  }
}
