package dev.lashing.model;

import dev.lashing.source.Diagnostic;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.ComposeBool;
import dev.lashing.syntax.FileMode;
import dev.lashing.syntax.GoDuration;
import dev.lashing.syntax.GoInteger;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The record being bound (the project, a service, a network...). It keeps every node the model does not
 * bind, keyed by its path relative to the record, and casts scalars the way Compose does after
 * interpolation, reporting problems with the full dotted path.
 */
final class Owner {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");

  private final String path;
  private final List<Diagnostic> problems;
  final Map<String, Node> unknown = new LinkedHashMap<>();
  final Map<String, Node> extensions = new LinkedHashMap<>();

  Owner(String path, List<Diagnostic> problems) {
    this.path = path;
    this.problems = problems;
  }

  /** The owner of a definition under this one, such as a service under the project. */
  Owner child(String key) {
    return child(key, problems);
  }

  /** The same, finding into {@code found}: a definition bound apart from the others. */
  Owner child(String key, List<Diagnostic> found) {
    return new Owner(qualified(key), found);
  }

  List<Diagnostic> problems() {
    return problems;
  }

  String qualified(String rel) {
    return path.isEmpty() ? rel : path + "." + rel;
  }

  /** Keeps a node the model has no field for: {@code x-*} keys are extensions, anything else unknown. */
  void keep(String rel, Node node) {
    String last = rel.substring(rel.lastIndexOf('.') + 1);
    (last.startsWith("x-") ? extensions : unknown).put(rel, node);
  }

  /** Keeps a node of the wrong shape (a short form, a mapping for a string...) and reports it. */
  void wrongKind(String rel, Node node, String expected) {
    problems.add(Diagnostic.error(node.origin().at(), qualified(rel) + " must be " + expected));
    unknown.put(rel, node);
  }

  /** Keeps a scalar Compose cannot cast and reports it. */
  void invalid(String rel, Node node, String detail) {
    problems.add(Diagnostic.error(node.origin().at(), qualified(rel) + ": " + detail));
    unknown.put(rel, node);
  }

  Located<String> string(Node node, String rel) {
    if (node instanceof ScalarNode s && !s.isNull()) {
      return new Located<>(s.asComposeString().value(), s.origin()); // a number as compose-go prints it
    }
    wrongKind(rel, node, "a string");
    return null;
  }

  /** compose-go's {@code toBoolean}: YAML 1.1 spellings pass with a warning, anything else is an error. */
  Located<Boolean> bool(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull()) {
      wrongKind(rel, node, "a boolean");
      return null;
    }
    if (s.type() == ScalarNode.Type.BOOL) {
      return new Located<>(s.asBoolean().orElseThrow(), s.origin());
    }
    if (s.type() != ScalarNode.Type.STRING) {
      invalid(rel, s, "invalid boolean: " + s.text());
      return null;
    }
    try {
      boolean value = ComposeBool.parse(s.value());
      String lower = s.value().toLowerCase(Locale.ROOT);
      if (!lower.equals("true") && !lower.equals("false")) {
        problems.add(
            Diagnostic.warning(
                s.origin().at(),
                qualified(rel) + ": \"" + s.value() + "\" for boolean is not supported by YAML 1.2, please use `"
                    + value + "`"));
      }
      return new Located<>(value, s.origin());
    } catch (SyntaxException e) {
      invalid(rel, s, e.getMessage());
      return null;
    }
  }

  /**
   * An integer: a YAML integer (or a float with no fraction), or a string of decimal digits
   * ({@code strconv.Atoi}, so "09" is 9).
   */
  Located<Long> integer(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull()) {
      wrongKind(rel, node, "an integer");
      return null;
    }
    Long value = null;
    if (s.type() == ScalarNode.Type.INT) {
      value = s.asLong().orElse(null);
    } else if (s.type() == ScalarNode.Type.FLOAT) {
      value = integral(s.text());
    } else if (s.type() == ScalarNode.Type.STRING) {
      value = GoInteger.parseDecimal(s.value());
    }
    if (value == null) {
      invalid(rel, s, "invalid integer: " + s.text());
      return null;
    }
    return new Located<>(value, s.origin());
  }

  /**
   * A float with no fraction, such as {@code 9.0} or {@code 09} (which go-yaml reads as a float): the schema
   * takes it for an integer and compose-go's decoder converts it; null otherwise.
   */
  private static Long integral(String text) {
    Double d = parseFloat(text);
    return d != null && d == Math.rint(d) && Math.abs(d) <= 0x1p53 ? (Long) d.longValue() : null;
  }

  /** The mode of a secret or config given to a service ({@link FileMode}). */
  Located<Long> fileMode(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull()) {
      wrongKind(rel, node, "a file mode");
      return null;
    }
    try {
      return switch (s.type()) {
        case INT -> new Located<>(s.asLong().orElseThrow(() -> new SyntaxException("invalid file mode: " + s.value())),
            s.origin());
        case STRING -> new Located<>(FileMode.parse(s.value()), s.origin());
        case FLOAT, BOOL, NULL -> throw new SyntaxException("invalid file mode: " + s.text());
      };
    } catch (SyntaxException e) {
      invalid(rel, s, e.getMessage());
      return null;
    }
  }

  Located<Double> decimal(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull()) {
      wrongKind(rel, node, "a number");
      return null;
    }
    String text = s.type() == ScalarNode.Type.STRING ? s.value() : s.text();
    Double value = s.type() == ScalarNode.Type.BOOL ? null : parseFloat(text);
    if (value == null) {
      invalid(rel, s, "invalid number: " + text);
      return null;
    }
    return new Located<>(value, s.origin());
  }

  /** Go's {@code strconv.ParseFloat} for the decimal forms people write, or null. */
  private static Double parseFloat(String text) {
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return text.equalsIgnoreCase("nan") ? Double.NaN : null;
  }

  Located<ByteCount> bytes(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull() || s.type() == ScalarNode.Type.BOOL) {
      wrongKind(rel, node, "a byte size");
      return null;
    }
    String text = s.text();
    try {
      return new Located<>(new ByteCount(ByteSize.parse(text), text), s.origin());
    } catch (SyntaxException e) {
      invalid(rel, s, e.getMessage());
      return null;
    }
  }

  Located<Duration> duration(Node node, String rel) {
    if (!(node instanceof ScalarNode s) || s.isNull() || s.type() == ScalarNode.Type.BOOL) {
      wrongKind(rel, node, "a duration");
      return null;
    }
    try {
      return new Located<>(GoDuration.parse(s.text()), s.origin());
    } catch (SyntaxException e) {
      invalid(rel, s, e.getMessage());
      return null;
    }
  }
}
