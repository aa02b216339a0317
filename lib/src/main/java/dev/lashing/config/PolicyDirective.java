package dev.lashing.config;

import dev.lashing.lint.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy a compose file names for itself in a comment among its first lines, before any content:
 * {@code # lashing: policy=development}. lint, fix and patch follow it when neither {@code --policy} nor a
 * {@code .lashing.yml} glob decides; {@code lashing generate} writes it.
 */
public final class PolicyDirective {
  /** The directive as {@code lashing generate} writes it, before the policy's name (without the {@code #}). */
  public static final String PREFIX = "lashing: policy=";
  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*lashing:\\s*policy\\s*=\\s*([A-Za-z]+)\\s*");
  /** The directive must come first: reading a few kilobytes is enough, and a huge file is not read twice. */
  private static final int HEAD = 8192;

  private PolicyDirective() {}

  /** The policy {@code file} names, or empty when it names none (or cannot be read: the load says why). */
  public static Optional<Policy> of(Path file) {
    try (var in = Files.newInputStream(file)) {
      return in(new String(in.readNBytes(HEAD), StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * The policy named in the comments that open {@code text}, or empty. Only lines that start in the first
   * {@value #HEAD} characters count, as in a file read from the disk.
   */
  public static Optional<Policy> in(String text) {
    // line by line up to the first that is not a comment (most files: the first), not a split of the whole head
    int first = text.startsWith("\uFEFF") ? 1 : 0; // a byte order mark is no content
    for (int start = first, end; start < Math.min(text.length(), HEAD); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String trimmed = text.substring(start, end).strip();
      if (trimmed.isEmpty() || trimmed.equals("---")) {
        continue;
      }
      if (!trimmed.startsWith("#")) {
        return Optional.empty();
      }
      Matcher m = DIRECTIVE.matcher(trimmed);
      if (m.matches()) {
        try {
          return Optional.of(Policy.parse(m.group(1)));
        } catch (IllegalArgumentException unknown) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
