package dev.lashing.interpolation;

import dev.lashing.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an {@code env_file} of {@code format: raw}, as Compose does: each {@code KEY=VALUE} line gives KEY the
 * rest of the line exactly as written (no quotes removed, no escapes, no {@code ${...}} interpolated). Blank
 * lines and lines starting with {@code #} are skipped; a line without {@code =} sets nothing.
 */
public final class RawEnv {
  private RawEnv() {}

  /** The variables the file defines, in file order; a key written again takes its last value. */
  public static Map<String, String> parse(SourceFile file) {
    Map<String, String> variables = new LinkedHashMap<>();
    String text = file.hasByteOrderMark() ? file.text().substring(1) : file.text();
    for (String line : text.split("\r?\n", -1)) {
      int eq = line.indexOf('=');
      if (line.isBlank() || line.stripLeading().startsWith("#") || eq <= 0) {
        continue;
      }
      variables.put(line.substring(0, eq).strip(), line.substring(eq + 1));
    }
    return variables;
  }
}
