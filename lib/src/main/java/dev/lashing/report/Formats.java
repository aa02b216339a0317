package dev.lashing.report;

import java.util.List;

/** The output formats of {@code lashing lint}, by the names {@code --format} accepts. */
public final class Formats {
  private static final List<String> NAMES =
      List.of("text", "json", "sarif", "junit", "checkstyle", "github", "gitlab");

  private Formats() {}

  /** Every format name, the default ({@code text}) first. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The reporter for a format name.
   *
   * @param colour ANSI colours by severity (text only; the caller decides from the terminal)
   * @param quiet one line per finding, no code frames and no summary (text only)
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Reporter of(String name, boolean colour, boolean quiet) {
    return switch (name) {
      case "text" -> new TextReporter(colour, quiet);
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "junit" -> new JunitReporter();
      case "checkstyle" -> new CheckstyleReporter();
      case "github" -> new GithubReporter();
      case "gitlab" -> new GitlabReporter();
      default -> throw new IllegalArgumentException(
          "unknown format '" + name + "' (expected " + String.join(", ", NAMES) + ")");
    };
  }
}
