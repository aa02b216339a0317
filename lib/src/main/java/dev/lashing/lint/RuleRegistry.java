package dev.lashing.lint;

import dev.lashing.schema.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every rule on the class path, sorted by id; ids must be unique. */
public final class RuleRegistry {
  private final List<Rule> rules;
  private final Map<String, Rule> byId;
  /** The sorted ids of the rules that declare each role: the linter asks for every project. */
  private final Map<RuleRole, List<String>> idsByRole;

  public RuleRegistry(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort((a, b) -> a.info().id().compareTo(b.info().id()));
    Map<String, Rule> index = new HashMap<>();
    for (Rule rule : sorted) {
      Rule earlier = index.putIfAbsent(rule.info().id(), rule);
      if (earlier != null) {
        throw new IllegalStateException("rule id '" + rule.info().id() + "' is used by both "
            + earlier.getClass().getName() + " and " + rule.getClass().getName());
      }
    }
    this.rules = Collections.unmodifiableList(sorted);
    this.byId = Map.copyOf(index);
    Map<RuleRole, List<String>> byRole = new EnumMap<>(RuleRole.class);
    for (RuleRole role : RuleRole.values()) {
      byRole.put(role, new ArrayList<>());
    }
    for (Rule rule : sorted) {
      for (RuleRole role : rule.info().roles()) {
        List<String> ids = byRole.get(role);
        if (!ids.contains(rule.info().id())) {
          ids.add(rule.info().id());
        }
      }
    }
    byRole.replaceAll((role, ids) -> List.copyOf(ids));
    this.idsByRole = byRole;
  }

  /** The rules of every {@link RulePack} found by the ServiceLoader. */
  public static RuleRegistry discover() {
    return of(ServiceLoader.load(RulePack.class, RuleRegistry.class.getClassLoader()));
  }

  /** The rules of the given packs. */
  public static RuleRegistry of(Iterable<? extends RulePack> packs) {
    List<Rule> rules = new ArrayList<>();
    for (RulePack pack : packs) {
      rules.addAll(pack.rules());
    }
    return new RuleRegistry(rules);
  }

  /** Every rule's id, sorted. */
  public List<String> ids() {
    return rules.stream().map(r -> r.info().id()).toList();
  }

  public List<Rule> rules() {
    return rules;
  }

  public Rule get(String id) {
    return byId.get(id);
  }

  /** By rule id, the options each rule accepts: its own and, when it is fixable, {@link RuleOption#UNSAFE_FIX}. */
  public Map<String, List<RuleOption>> options() {
    Map<String, List<RuleOption>> options = new HashMap<>();
    for (Rule rule : rules) {
      List<RuleOption> accepted = new ArrayList<>(rule.options());
      if (rule.info().fixable()) {
        accepted.add(RuleOption.UNSAFE_FIX);
      }
      options.put(rule.info().id(), List.copyOf(accepted));
    }
    return options;
  }

  /** The ids of the rules that declare a role, sorted. */
  public List<String> idsWith(RuleRole role) {
    return idsByRole.get(role);
  }

  /**
   * The id of the rule that declares a role, or empty when no rule does.
   *
   * @throws IllegalStateException when more than one rule declares it
   */
  public Optional<String> idWith(RuleRole role) {
    List<String> ids = idsWith(role);
    if (ids.size() > 1) {
      throw new IllegalStateException("rules " + String.join(", ", ids) + " all declare the role " + role);
    }
    return ids.stream().findFirst();
  }

  /** The ids of the rules a patch covers at this level, sorted. */
  public List<String> patchable(PatchCoverage coverage) {
    return rules.stream().filter(r -> r.info().patch() == coverage).map(r -> r.info().id()).toList();
  }

  /**
   * What to tell a user who named a rule that is not among {@code ids}: {@code unknown rule 'restart' (did you mean
   * 'restart-policy'?); `lashing rules` lists them}. The suggestions are the rules whose id has the word written as
   * one of its parts (restart, secret), else the closest id to a misspelling; none when none is near.
   */
  public static String unknownRule(String written, Collection<String> ids) {
    List<String> named = ids.stream().filter(id -> List.of(id.split("-")).contains(written)).sorted().toList();
    List<String> near = named.isEmpty() ? Suggestions.closest(written, ids).stream().toList() : named;
    String suggestion = near.isEmpty() ? ""
        : " (did you mean " + String.join(" or ", near.stream().map(id -> "'" + id + "'").toList()) + "?)";
    return "unknown rule '" + written + "'" + suggestion + "; `lashing rules` lists them";
  }

  public static boolean hasRole(RuleInfo info, RuleRole role) {
    return Arrays.asList(info.roles()).contains(role);
  }

  /** The severity a rule runs at under a policy, or null when it does not run. */
  public static Severity severityUnder(RuleInfo info, Policy policy) {
    Level level = switch (policy) {
      case DEFAULT -> Level.SAME;
      case PRODUCTION -> info.production();
      case DEVELOPMENT -> info.development();
    };
    if (info.optIn() && level == Level.SAME) {
      return null;
    }
    return level.orElse(info.severity());
  }
}
