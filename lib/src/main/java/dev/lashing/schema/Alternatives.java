package dev.lashing.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collapses the failures of {@code oneOf}/{@code anyOf} alternatives to the one alternative the author
 * most likely meant, as compose-go does: a validator reports why <em>every</em> alternative failed, which
 * for a short/long syntax pair reads as a wall of contradicting errors.
 *
 * <p>An alternative whose type fits the value wins over those that reject the value's type outright (a
 * mapping is measured against the object form); among those, the one whose complaints reach deepest into
 * the value. When no alternative accepts the value's type, one type error lists every accepted type.
 */
final class Alternatives {
  private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");

  private Alternatives() {}

  static List<Finding> reduce(List<Finding> findings) {
    return reduce(findings, 0);
  }

  /** One use of a combinator: its place in the schema walk and the instance value it judged. */
  private record Choice(List<String> evaluation, List<Object> at) {}

  private static List<Finding> reduce(List<Finding> findings, int from) {
    List<Finding> kept = new ArrayList<>();
    Map<Choice, List<Finding>> choices = new LinkedHashMap<>();
    for (Finding f : findings) {
      int k = combinatorIndex(f.evaluation(), from);
      if (k < 0) {
        kept.add(f);
      } else {
        Choice choice = new Choice(f.evaluation().subList(0, k + 1), judgedValue(f, k));
        choices.computeIfAbsent(choice, c -> new ArrayList<>()).add(f);
      }
    }
    choices.forEach((choice, group) -> kept.addAll(choose(choice, group)));
    return kept;
  }

  private static List<Finding> choose(Choice choice, List<Finding> group) {
    int k = choice.evaluation().size() - 1;
    List<Finding> own = new ArrayList<>();
    Map<Integer, List<Finding>> branches = new TreeMap<>();
    for (Finding f : group) {
      if (f.evaluation().size() == k + 1) {
        own.add(f); // the combinator's own summary, e.g. "more than one alternative matched"
      } else {
        branches.computeIfAbsent(Integer.parseInt(f.evaluation().get(k + 1)), i -> new ArrayList<>()).add(f);
      }
    }
    if (branches.isEmpty()) {
      return own;
    }
    List<Finding> best = null;
    for (List<Finding> branch : branches.values()) {
      if (!rejectsType(branch, choice.at()) && (best == null || depth(branch) > depth(best))) {
        best = branch;
      }
    }
    if (best == null) {
      return List.of(typeUnion(choice, branches));
    }
    return reduce(best, k + 2);
  }

  private static boolean rejectsType(List<Finding> branch, List<Object> at) {
    return branch.stream().anyMatch(f -> f.keyword().equals("type") && f.at().equals(at));
  }

  private static int depth(List<Finding> branch) {
    return branch.stream().mapToInt(Finding::depth).max().orElse(0);
  }

  /** A single type error naming every type some alternative accepts, in the schema's order. */
  private static Finding typeUnion(Choice choice, Map<Integer, List<Finding>> branches) {
    Set<String> types = new LinkedHashSet<>();
    Finding first = null;
    for (List<Finding> branch : branches.values()) {
      for (Finding f : branch) {
        if (f.keyword().equals("type") && f.at().equals(choice.at())) {
          first = first == null ? f : first;
          addTypes(f.keywordValue(), types);
        }
      }
    }
    return new Finding("type", choice.at(), null, List.copyOf(types), first.schemaPath(), choice.evaluation(),
        first.message());
  }

  private static void addTypes(Object type, Set<String> into) {
    for (Object name : type instanceof List<?> list ? list : List.of(type)) {
      into.add(String.valueOf(name));
    }
  }

  /** Index of the first {@code oneOf}/{@code anyOf} step at or after {@code from}, or -1. */
  private static int combinatorIndex(List<String> evaluation, int from) {
    for (int i = from; i < evaluation.size(); i++) {
      if (COMBINATORS.contains(evaluation.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The instance location the combinator at step {@code k} judged: the finding's location less one step for
   * every keyword between the combinator and the failing keyword that descends into the value.
   */
  private static List<Object> judgedValue(Finding f, int k) {
    List<String> path = f.evaluation();
    int descents = 0;
    for (int i = k + 2; i < path.size() - 1; i++) {
      switch (path.get(i)) {
        case "properties", "patternProperties" -> {
          descents++;
          i++; // the property name or pattern that follows
        }
        case "items", "additionalItems", "additionalProperties", "contains" -> descents++;
        case "allOf", "anyOf", "oneOf", "dependencies" -> i++; // the branch index or property name
        default -> { } // $ref, if, then, else, not: same value
      }
    }
    return f.at().subList(0, Math.max(0, f.at().size() - descents));
  }
}
