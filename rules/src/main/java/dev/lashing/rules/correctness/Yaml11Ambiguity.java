package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.ParsedYaml;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unquoted values that YAML 1.1 readers (docker-compose v1, PyYAML, SnakeYAML 1.x, many editors and
 * tools) read differently from Compose v2: {@code no}/{@code yes}/{@code on}/{@code off} become booleans,
 * {@code 22:22} becomes the base-60 number 1342, and a leading-zero number is octal to Compose but
 * decimal to YAML 1.2 readers. Quoting says what is meant to every reader.
 */
@RuleInfo(
    id = "yaml-1.1-ambiguity",
    summary = "An unquoted value that YAML 1.1 and YAML 1.2 readers disagree on",
    category = Category.CORRECTNESS,
    severity = Severity.LOW,
    fixable = true)
public final class Yaml11Ambiguity implements Rule {
  @Override
  public RuleInfo info() {
    return Yaml11AmbiguityInfo.INFO;
  }

  private static final Pattern YAML11_BOOLEAN =
      Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
  private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern LEGACY_OCTAL = Pattern.compile("[-+]?0[0-7_]+");

  @Override
  public void check(RuleContext context) {
    // a boolean field reads yes and no as booleans in Compose v2 too: boolean-spelling says how to write them
    Set<SourceRange> booleans = BooleanSpelling.spelledAt(context).keySet();
    WrittenScalarPaths.forEach(context, (scalar, path) -> {
      if (scalar.style() != ScalarNode.Style.PLAIN) {
        return;
      }
      String problem = problem(scalar);
      if (problem != null && !booleans.contains(scalar.origin().at()) && !isTagged(context, scalar)) {
        // the changes now, not when asked for: the walk goes on changing path
        Fix fix = scalar.isString()
            ? new Fix("quote it: \"" + scalar.value() + "\"", Fix.Safety.SAFE, List.of(new Fix.Quote(path)))
            : null;
        context.report(scalar.origin(), WrittenScalarPaths.serviceOf(path), problem, fix);
      }
    });
  }

  /**
   * Whether a tag is written on the scalar: it says the type to every reader ({@code !!str no}), or the value is not
   * the text ({@code !!binary}), so nothing is left for a reader to guess.
   */
  private static boolean isTagged(RuleContext context, ScalarNode scalar) {
    SourceRange at = scalar.origin().at();
    ParsedYaml parsed = context.load().parsed().get(at.file());
    return parsed != null && parsed.isTagged(at.startOffset());
  }

  private static String problem(ScalarNode scalar) {
    String v = scalar.value();
    // Cheap tests before each pattern: a large file has a million scalars, nearly all neither short nor with ':'.
    if (scalar.isString() && v.length() <= 3 && YAML11_BOOLEAN.matcher(v).matches()) {
      return "'" + v + "' is the string \"" + v + "\" to Compose v2 but a boolean to YAML 1.1 readers; quote it";
    }
    if (scalar.isString() && v.indexOf(':') > 0 && SEXAGESIMAL.matcher(v).matches()) {
      return "'" + v + "' is a string to Compose v2 but the base-60 number " + sexagesimal(v)
          + " to YAML 1.1 readers; quote it";
    }
    if (scalar.type() == ScalarNode.Type.INT && LEGACY_OCTAL.matcher(v).matches()) {
      return "'" + v + "' is octal (" + scalar.text() + ") to Compose v2 but decimal to YAML 1.2 readers; write 0o"
          + v.replaceFirst("^([-+]?)0", "$1").replace("_", "") + " or quote it";
    }
    return null;
  }

  private static String sexagesimal(String v) {
    String digits = v.replace("_", "");
    boolean negative = digits.startsWith("-");
    String[] parts = digits.replaceFirst("^[-+]", "").split(":");
    double value = 0;
    for (String part : parts) {
      value = value * 60 + Double.parseDouble(part);
    }
    value = negative ? -value : value;
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
