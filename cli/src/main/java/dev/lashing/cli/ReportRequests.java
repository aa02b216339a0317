package dev.lashing.cli;

import dev.lashing.report.Reporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports one {@code lashing lint} run writes, from its repeatable {@code --format FORMAT[=FILE]}: a CI job
 * lints once and gets annotations on standard output and a SARIF file, say. A format without a file goes to
 * {@code --output FILE} when it is given, else to standard output, as does one whose file is {@code -} or
 * {@code /dev/stdout}; at most one report goes to each.
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
   * @param outputOption the {@code --output} file, or null; {@code -} or {@code /dev/stdout} is standard output
   * @param reporters makes each reporter; its IllegalArgumentException (an unknown format) is a usage error
   * @throws Arguments.UsageException for an unknown format, an empty file name, two reports for standard
   *     output or for one file, or {@code --output} with no report to put in it
   */
  static List<Request> parse(List<String> formats, String outputOption, ReporterFactory reporters) {
    String output = StandardOutput.fileNamedBy(outputOption);
    List<Request> requests = new ArrayList<>();
    Map<Path, String> namedBy = new HashMap<>();
    int toStandardOutput = 0;
    int toOutput = 0;
    for (String value : formats.isEmpty() ? List.of("text") : formats) {
      int equals = value.indexOf('=');
      String format = equals < 0 ? value : value.substring(0, equals);
      String named = equals < 0 ? null : value.substring(equals + 1);
      if (named != null && named.isEmpty()) {
        throw new Arguments.UsageException("--format " + value + ": the file name is empty");
      }
      String file = named == null ? output : StandardOutput.fileNamedBy(named);
      if (file != null) {
        String option = equals < 0 ? "--output " + file : "--format " + value;
        String earlier = namedBy.putIfAbsent(Path.of(file).normalize(), option);
        if (earlier != null) {
          throw new Arguments.UsageException(earlier + " and " + option + " name the same file; give each report "
              + "its own");
        }
      }
      toStandardOutput += file == null ? 1 : 0;
      toOutput += named == null && output != null ? 1 : 0;
      requests.add(new Request(Arguments.parse(() -> reporters.create(format, file != null)), file));
    }
    if (toStandardOutput > 1 || toOutput > 1) {
      throw new Arguments.UsageException(
          "only one --format may go to " + (toOutput > 1 ? "--output" : "standard output")
              + "; give the others a file: --format FORMAT=FILE");
    }
    if (output != null && toOutput == 0) {
      throw new Arguments.UsageException("--output needs a --format without =FILE to write");
    }
    return requests;
  }
}
