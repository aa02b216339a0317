package dev.lashing.interpolation;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ScalarPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Interpolates a Compose file's tree as compose-go does: every string value, {@code x-*} included; never a mapping
 * key; numbers, booleans and nulls as written. Every failing value is reported, not just the first.
 */
public final class Interpolator {

  /**
   * The interpolated tree (values that failed keep their text), the unset-variable warnings and interpolation
   * errors in tree order, and every variable reference written in a string value.
   */
  public record Result(Node tree, List<Diagnostic> diagnostics, List<VariableReference> references) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
      references = List.copyOf(references);
    }
  }

  private Interpolator() {}

  /**
   * @param lookup the project environment; null for an unset variable
   * @param sources the source file of a file name, or null when unknown (positions then fall back to whole values)
   */
  public static Result interpolate(
      Node root, Function<String, String> lookup, Function<String, SourceFile> sources) {
    Walk walk = new Walk(lookup, sources);
    Node tree = walk.node(root);
    return new Result(tree, walk.diagnostics, walk.references);
  }

  private static final class Walk {
    private final Function<String, String> lookup;
    private final Function<String, SourceFile> sources;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<VariableReference> references = new ArrayList<>();
    /** The keys (and {@code []} for items) down to the node walked: a value's path is written out only when needed. */
    private final List<String> path = new ArrayList<>();
    private final Template.Growth growth = new Template.Growth();

    Walk(Function<String, String> lookup, Function<String, SourceFile> sources) {
      this.lookup = lookup;
      this.sources = sources;
    }

    Node node(Node node) {
      // kept where nothing changes, not copied: most of a file refers to no variable
      if (node instanceof MapNode map) {
        return map.withValuesWalked(e -> child(e.value(), e.name()));
      }
      if (node instanceof SeqNode seq) {
        return seq.withItemsWalked(item -> child(item, "[]"));
      }
      ScalarNode scalar = (ScalarNode) node;
      return scalar.isString() && scalar.value().indexOf('$') >= 0 ? scalar(scalar, pathText()) : scalar;
    }

    private Node child(Node node, String segment) {
      path.add(segment);
      Node walked = node(node);
      path.remove(path.size() - 1);
      return walked;
    }

    /** The path joined with dots, a dot written only after a non-empty beginning (an empty first key leaves none). */
    private String pathText() {
      StringBuilder text = new StringBuilder();
      for (String segment : path) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(segment);
      }
      return text.toString();
    }

    private ScalarNode scalar(ScalarNode scalar, String path) {
      String value = scalar.value();
      if (value.indexOf('$') < 0) { // most values refer to no variable: nothing to find, substitute or place
        return scalar;
      }
      ScalarPositions positions = ScalarPositions.of(scalar, sourceOf(scalar));
      for (Template.Reference r : Template.references(value)) {
        references.add(new VariableReference(
            r.name(), r.operator(), r.fallback(), lookup.apply(r.name()) != null, path,
            positions.range(r.start(), r.end())));
      }
      try {
        String result = Template.substitute(value, lookup, (name, start, end) -> diagnostics.add(
            Diagnostic.warning(Diagnostic.Kind.UNSET_VARIABLE, positions.range(start, end),
                "The \"" + name + "\" variable is not set. Defaulting to a blank string.")),
            growth);
        return result.equals(value) ? scalar : scalar.withValue(result, ScalarNode.Type.STRING);
      } catch (InterpolationException e) {
        diagnostics.add(e.diagnostic(
            Diagnostic.Kind.INTERPOLATION, positions.range(e.start(), e.end()), message(e, path, value)));
        return scalar;
      }
    }

    /** The file {@code scalar} is written in, or null when it is made up or its file is unknown. */
    private SourceFile sourceOf(ScalarNode scalar) {
      SourceRange at = scalar.origin().at();
      return at.isSynthetic() ? null : sources.apply(at.file());
    }

    /** Compose's wording, on one line so it reads as a single diagnostic. */
    private static String message(InterpolationException e, String path, String value) {
      if (e.kind() == InterpolationException.Kind.INVALID_FORMAT) {
        return "invalid interpolation format for " + path + ": " + Template.quote(value)
            + ". You may need to escape any $ with another $.";
      }
      return "error while interpolating " + path + ": " + e.getMessage();
    }
  }
}
