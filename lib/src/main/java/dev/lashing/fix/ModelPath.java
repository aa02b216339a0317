package dev.lashing.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a Compose model as steps from the document root: mapping keys and list positions
 * ({@code services} {@code web} {@code ports} {@code [3]}). A fix names its places as strings, {@code [n]} for
 * a list position; they are read into steps once, where the fix engine takes them. (Its records' equals and hashCode
 * are written out, not generated at run time: scripts/check-dist.sh says why.)
 */
record ModelPath(List<Step> steps) {
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  /** One step: a key of a mapping or a position in a list. */
  sealed interface Step permits Key, Index {}

  /** The value of {@code name} in a mapping. */
  record Key(String name) implements Step {
    @Override
    public String toString() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && name.equals(k.name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** The item at {@code position} of a list. */
  record Index(int position) implements Step {
    @Override
    public String toString() {
      return "[" + position + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Index i && position == i.position;
    }

    @Override
    public int hashCode() {
      return position;
    }
  }

  static final ModelPath ROOT = new ModelPath(List.of());

  ModelPath {
    steps = List.copyOf(steps);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelPath p && steps.equals(p.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  /** A fix's path: {@code [n]} is a list position, anything else a key. */
  static ModelPath of(List<String> written) {
    List<Step> steps = new ArrayList<>(written.size());
    for (String segment : written) {
      Matcher index = INDEX.matcher(segment);
      steps.add(index.matches() ? new Index(Integer.parseInt(index.group(1))) : new Key(segment));
    }
    return new ModelPath(steps);
  }

  /** A path of keys only. */
  static ModelPath keys(String... names) {
    List<Step> steps = new ArrayList<>(names.length);
    for (String name : names) {
      steps.add(new Key(name));
    }
    return new ModelPath(steps);
  }

  int size() {
    return steps.size();
  }

  boolean isEmpty() {
    return steps.isEmpty();
  }

  Step get(int i) {
    return steps.get(i);
  }

  Step first() {
    return steps.get(0);
  }

  Step last() {
    return steps.get(steps.size() - 1);
  }

  /** Whether the step {@code i} is the key {@code name}. */
  boolean isKey(int i, String name) {
    return i < steps.size() && steps.get(i) instanceof Key key && key.name().equals(name);
  }

  /** The steps {@code [from, to)}. */
  ModelPath sub(int from, int to) {
    return new ModelPath(steps.subList(from, to));
  }

  /** The steps from {@code from} on. */
  ModelPath from(int from) {
    return sub(from, steps.size());
  }

  ModelPath child(Step step) {
    List<Step> longer = new ArrayList<>(steps);
    longer.add(step);
    return new ModelPath(longer);
  }

  /** {@code services.web.ports.[3]}, for messages. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(steps.size());
    for (Step step : steps) {
      parts.add(step.toString());
    }
    return String.join(".", parts);
  }
}
