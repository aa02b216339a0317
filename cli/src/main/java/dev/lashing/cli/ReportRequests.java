package dev.lashing.cli;

import dev.lashing.report.Reporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports one {@code lashing lint} run writes, from its repeatable {@code --format FORMAT[=FILE]}: a CI job
 * lints once and gets annotations on standard output and a SARIF file, say. At most one report has no file;
 * it goes to standard output, or to {@code --output FILE}.
 */
final class ReportRequests {
  private ReportRequests() {}

  /** One report: its reporter and the file it goes to (null for standard output). */
  record Request(Reporter reporter, String file) {}

  /** Makes the reporter of a format; {@code toFile} says whether its text goes to a file. */
  interface ReporterFactory {
    Reporter create(String format, boolean toFile);
  }

  /**
   * The requests the {@code --format} values ask for ({@code text} when there are none).
   *
   * @param output the {@code --output} file, or null
   * @param reporters makes each reporter; its IllegalArgumentException (an unknown format) is a usage error
   * @throws Arguments.UsageException for an unknown format, an empty file name, two reports for standard
   *     output or for one file, or {@code --output} with no report to put in it
   */
  static List<Request> parse(List<String> formats, String output, ReporterFactory reporters) {
    List<Request> requests = new ArrayList<>();
    Map<Path, String> namedBy = new HashMap<>();
    int unnamed = 0;
    for (String value : formats.isEmpty() ? List.of("text") : formats) {
      int equals = value.indexOf('=');
      String format = equals < 0 ? value : value.substring(0, equals);
      String file = equals < 0 ? output : value.substring(equals + 1);
      if (equals >= 0 && file.isEmpty()) {
        throw new Arguments.UsageException("--format " + value + ": the file name is empty");
      }
      if (file != null) {
        String option = equals < 0 ? "--output " + file : "--format " + value;
        String earlier = namedBy.putIfAbsent(Path.of(file).normalize(), option);
        if (earlier != null) {
          throw new Arguments.UsageException(earlier + " and " + option + " name the same file; give each report "
              + "its own");
        }
      }
      unnamed += equals < 0 ? 1 : 0;
      requests.add(new Request(Arguments.parse(() -> reporters.create(format, file != null)), file));
    }
    if (unnamed > 1) {
      throw new Arguments.UsageException(
          "only one --format may go to " + (output == null ? "standard output" : "--output")
              + "; give the others a file: --format FORMAT=FILE");
    }
    if (output != null && unnamed == 0) {
      throw new Arguments.UsageException("--output needs a --format without =FILE to write");
    }
    return requests;
  }
}
