package dev.lashing.config;

import dev.lashing.lint.RuleOption;
import dev.lashing.schema.Suggestions;
import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a rule's {@code options:} against the options the rule declares: an unknown name is an error with
 * the closest known name, a value of the wrong type an error at the value. Nothing is ignored silently.
 */
final class OptionValidator {
  private OptionValidator() {}

  static List<Diagnostic> check(String ruleId, MapNode options, List<RuleOption> accepted) {
    Map<String, RuleOption> byName =
        accepted.stream().collect(Collectors.toMap(RuleOption::name, Function.identity()));
    List<Diagnostic> problems = new ArrayList<>();
    for (MapNode.Entry e : options.entries()) {
      String where = "rules: " + ruleId + ": options: ";
      RuleOption option = byName.get(e.name());
      if (option == null) {
        String known = byName.isEmpty() ? "it takes no options"
            : "it takes " + String.join(", ", byName.keySet().stream().sorted().toList());
        problems.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, e.key().origin().at(), where + "unknown option '"
            + e.name() + "'" + Suggestions.closest(e.name(), byName.keySet()).map(s -> " (did you mean '" + s
            + "'?)").orElse("") + "; " + known));
      } else {
        mistake(option.type(), e.value()).ifPresent(mistake -> problems.add(
            Diagnostic.error(Diagnostic.Kind.SCHEMA, e.value().origin().at(), where + e.name() + ": " + mistake)));
      }
    }
    return problems;
  }

  /** What is wrong with {@code value} as one of {@code type} ("expected a positive whole number"), if anything. */
  private static Optional<String> mistake(RuleOption.Type type, Node value) {
    List<Node> texts = type == RuleOption.Type.TEXTS && value instanceof SeqNode seq ? seq.items() : List.of(value);
    if (!texts.stream().allMatch(OptionValidator::isText)) {
      return Optional.of("expected " + type.expected());
    }
    return texts.stream().flatMap(text -> type.mistake(((ScalarNode) text).text()).stream()).findFirst();
  }

  private static boolean isText(Node value) {
    return value instanceof ScalarNode s && !s.isNull();
  }
}
