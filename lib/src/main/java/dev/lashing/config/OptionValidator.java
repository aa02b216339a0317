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
      } else if (!fits(option.type(), e.value())) {
        problems.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, e.value().origin().at(), where + e.name()
            + ": expected " + option.type().expected()));
      }
    }
    return problems;
  }

  private static boolean fits(RuleOption.Type type, Node value) {
    return switch (type) {
      case TEXTS -> isText(value) || value instanceof SeqNode seq && seq.items().stream().allMatch(OptionValidator::isText);
      case TEXT, FLAG, BYTES, NUMBER, ADDRESS, NETWORK -> isText(value) && type.accepts(((ScalarNode) value).text());
    };
  }

  private static boolean isText(Node value) {
    return value instanceof ScalarNode s && !s.isNull();
  }
}
