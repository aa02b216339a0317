package dev.lashing.syntax;

/**
 * The permission bits a service's secret or config is mounted with (compose-go {@code FileMode}): a YAML
 * integer as the reader gives it ({@code 0440} is 288), or a string of octal digits, {@code "440"} and
 * {@code "0440"} alike (Go's {@code strconv.ParseInt(s, 8, 64)}). {@code docker compose config} prints it
 * back as an octal string such as {@code "0440"}.
 */
public final class FileMode {
  private FileMode() {}

  public static long parse(String text) {
    Long mode = GoInteger.parse(text, 8);
    if (mode == null) {
      throw new SyntaxException("invalid file mode: " + text);
    }
    return mode;
  }

  /** As Go's {@code fmt.Sprintf("0%o", mode)}. */
  public static String format(long mode) {
    return "0" + Long.toString(mode, 8);
  }
}
