package dev.lashing.config;

import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleOptions;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.schema.SchemaValidator;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Finds and reads {@code .lashing.yml}, validated against {@code schemas/lashing-config.schema.json}
 * with positioned errors.
 */
public final class ConfigLoader {
  static final List<String> NAMES = List.of(".lashing.yml", ".lashing.yaml");

  private ConfigLoader() {}

  /** The nearest configuration file in {@code start} or a parent directory. */
  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      for (String name : NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a configuration file.
   *
   * @param displayName how positions name the file
   * @param knownRules the rule ids a {@code rules:} entry may name, each with the options it accepts
   *     ({@link dev.lashing.lint.RuleRegistry#options()})
   * @throws ComposeException with every problem, positioned
   */
  public static LintConfig load(Path file, String displayName, Map<String, List<RuleOption>> knownRules) {
    return load(file, SourceFiles.read(file, displayName), knownRules);
  }

  /** Reads a configuration from a text given in place of the file's (an editor's unsaved buffer). */
  public static LintConfig load(Path file, SourceFile source, Map<String, List<RuleOption>> knownRules) {
    List<Node> documents = YamlReader.read(source);
    if (documents.isEmpty() || documents.get(0) instanceof ScalarNode s && s.isNull()) {
      return new LintConfig(file.toAbsolutePath().getParent(), Policy.DEFAULT, null, List.of(), Map.of(), List.of());
    }
    if (!(documents.get(0) instanceof MapNode root)) {
      throw new ComposeException(Diagnostic.Kind.SCHEMA, documents.get(0).origin().at(),
          "the configuration must be a mapping");
    }
    List<Diagnostic> problems = SchemaValidator.forBundledSchema("lashing-config.schema.json")
        .validate(root, source.name());
    if (!problems.isEmpty()) {
      // the rules' names and options are told too, rather than after the schema's problems are mended; where the
      // schema already tells of a place (an option it does not know), once
      List<Diagnostic> rules = new ArrayList<>();
      checkRules(root.get("rules"), knownRules, rules);
      Set<String> told = new HashSet<>();
      problems.forEach(d -> told.add(d.at().line() + ":" + d.at().column()));
      List<Diagnostic> all = new ArrayList<>(problems);
      rules.stream().filter(d -> !told.contains(d.at().line() + ":" + d.at().column())).forEach(all::add);
      all.sort(Diagnostic.BY_POSITION);
      throw new ComposeException(all);
    }
    Path directory = file.toAbsolutePath().normalize().getParent();
    Policy policy = root.get("policy") instanceof ScalarNode p ? Policy.parse(p.value()) : Policy.DEFAULT;
    Severity failOn = root.get("fail_on") instanceof ScalarNode f ? Severity.parse(f.value()) : null;
    List<Diagnostic> wrong = new ArrayList<>();
    List<LintConfig.PolicyByGlob> policies = new ArrayList<>();
    if (root.get("policies") instanceof SeqNode entries) {
      for (Node entry : entries.items()) {
        MapNode m = (MapNode) entry;
        policies.add(new LintConfig.PolicyByGlob(globs(m.get("files"), "policies: files", wrong),
            Policy.parse(((ScalarNode) m.get("policy")).value())));
      }
    }
    Map<String, RuleSettings.PerRule> rules = new LinkedHashMap<>();
    checkRules(root.get("rules"), knownRules, wrong);
    if (root.get("rules") instanceof MapNode ruleMap) {
      for (MapNode.Entry e : ruleMap.entries()) {
        rules.put(e.name(), perRule(e.value()));
      }
    }
    List<String> ignore = globs(root.get("ignore"), "ignore", wrong);
    if (!wrong.isEmpty()) {
      throw new ComposeException(wrong);
    }
    return new LintConfig(directory, policy, failOn, policies, rules, ignore);
  }

  /** Adds to {@code wrong} each rule {@code rules} names that does not exist, and each option a rule does not take. */
  private static void checkRules(Node rules, Map<String, List<RuleOption>> knownRules, List<Diagnostic> wrong) {
    if (!(rules instanceof MapNode ruleMap)) {
      return;
    }
    for (MapNode.Entry e : ruleMap.entries()) {
      List<RuleOption> accepted = knownRules.get(e.name());
      if (accepted == null) {
        wrong.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, e.key().origin().at(),
            "rules: " + RuleRegistry.unknownRule(e.name(), knownRules.keySet())));
      } else if (e.value() instanceof MapNode m && m.get("options") instanceof MapNode options) {
        wrong.addAll(OptionValidator.check(e.name(), options, accepted));
      }
    }
  }

  /** The globs a string or a list of strings gives, each one that is not a glob told at its place in {@code wrong}. */
  private static List<String> globs(Node node, String where, List<Diagnostic> wrong) {
    List<String> globs = strings(node);
    List<Node> written = node instanceof SeqNode seq ? seq.items() : node == null ? List.of() : List.of(node);
    for (Node glob : written) {
      if (glob instanceof ScalarNode s && !s.isNull()) {
        try {
          LintConfig.matcher(s.text());
          LintConfig.outside(s.text()).ifPresent(why -> wrong.add(
              Diagnostic.error(Diagnostic.Kind.SCHEMA, s.origin().at(), where + ": " + why)));
        } catch (PatternSyntaxException e) {
          wrong.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, s.origin().at(), where + ": '" + s.text()
              + "' is not a glob: " + e.getDescription()));
        }
      }
    }
    return globs;
  }

  private static RuleSettings.PerRule perRule(Node value) {
    if (value instanceof ScalarNode s) {
      String text = s.text();
      return switch (text) {
        case "off", "false" -> new RuleSettings.PerRule(false, null, null);
        case "on", "true" -> new RuleSettings.PerRule(true, null, null);
        default -> new RuleSettings.PerRule(true, Severity.parse(text), null);
      };
    }
    MapNode m = (MapNode) value;
    Boolean enabled = m.get("enabled") instanceof ScalarNode e ? Boolean.valueOf(e.text()) : null;
    Severity severity = m.get("severity") instanceof ScalarNode s ? Severity.parse(s.value()) : null;
    RuleOptions options = m.get("options") instanceof MapNode o ? new RuleOptions(plainMap(o)) : null;
    return new RuleSettings.PerRule(enabled, severity, options);
  }

  private static List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    if (node instanceof ScalarNode s && !s.isNull()) {
      out.add(s.text());
    } else if (node instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (item instanceof ScalarNode s) {
          out.add(s.text());
        }
      }
    }
    return out;
  }

  private static Map<String, Object> plainMap(MapNode map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (MapNode.Entry e : map.entries()) {
      out.put(e.name(), plain(e.value()));
    }
    return out;
  }

  private static Object plain(Node node) {
    if (node instanceof MapNode m) {
      return plainMap(m);
    }
    if (node instanceof SeqNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.items()) {
        out.add(plain(item));
      }
      return out;
    }
    return ((ScalarNode) node).text();
  }
}
