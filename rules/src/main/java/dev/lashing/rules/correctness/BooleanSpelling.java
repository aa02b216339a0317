package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ComposeBool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A boolean field written {@code yes}, {@code no}, {@code on}, {@code off}, {@code y} or {@code n}, quoted or
 * not: Compose v2 reads it as true or false and prints a warning, since YAML 1.2 has no such boolean (the
 * loader's {@link Diagnostic.Kind#BOOLEAN_SPELLING} warnings, each where it is written).
 */
@RuleInfo(
    id = "boolean-spelling",
    summary = "A boolean written yes, no, on or off, which Compose v2 reads with a warning",
    category = Category.CORRECTNESS,
    severity = Severity.LOW,
    fixable = true)
public final class BooleanSpelling implements Rule {
  @Override
  public RuleInfo info() {
    return BooleanSpellingInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    Map<SourceRange, Diagnostic> spelled = spelledAt(context);
    if (spelled.isEmpty()) {
      return;
    }
    WrittenScalarPaths.forEach(context, (scalar, path) -> {
      Diagnostic warning = spelled.remove(scalar.origin().at());
      if (warning != null) {
        context.report(scalar.origin(), WrittenScalarPaths.serviceOf(path), warning.message(),
            fix(scalar.value(), path));
      }
    });
    // the rest reach their field through an alias or a variable: reported where Compose read them, with no fix
    spelled.values().forEach(warning -> context.report(Origin.at(warning.at()), null, warning.message(), null));
  }

  /** Where the load read a boolean spelled the YAML 1.1 way. */
  static Map<SourceRange, Diagnostic> spelledAt(RuleContext context) {
    Map<SourceRange, Diagnostic> spelled = new LinkedHashMap<>();
    for (Diagnostic d : context.load().warnings()) {
      if (d.kind() == Diagnostic.Kind.BOOLEAN_SPELLING) {
        spelled.put(d.at(), d);
      }
    }
    return spelled;
  }

  /** true or false in place of the value, when the value as written is the spelling itself (not a variable). */
  private static Fix fix(String written, List<String> path) {
    String lower = written.toLowerCase(Locale.ROOT);
    if (ComposeBool.isCanonical(lower) || written.indexOf('$') >= 0) {
      return null;
    }
    boolean value = ComposeBool.parse(written);
    return new Fix("write " + value, Fix.Safety.SAFE, List.of(new Fix.Set(path, value)));
  }
}
