package dev.lashing.syntax;

import java.util.regex.Pattern;

/**
 * The permission bits a service's secret or config is mounted with (compose-go {@code FileMode}): a YAML
 * integer as the reader gives it ({@code 0440} is 288), or a string of octal digits, {@code "440"} and
 * {@code "0440"} alike (Go's {@code strconv.ParseInt(s, 8, 64)}). {@code docker compose config} prints it
 * back as an octal string such as {@code "0440"}.
 */
public final class FileMode {
  private static final Pattern OCTAL = Pattern.compile("[+-]?[0-7]+");

  private FileMode() {}

  public static long parse(String text) {
    if (OCTAL.matcher(text).matches()) {
      try {
        return Long.parseLong(text, 8);
      } catch (NumberFormatException e) {
        // out of range: reported below
      }
    }
    throw new SyntaxException("invalid file mode: " + text);
  }

  /** As Go's {@code fmt.Sprintf("0%o", mode)}. */
  public static String format(long mode) {
    return "0" + Long.toString(mode, 8);
  }
}
