package dev.lashing.lint;

import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * A rule's {@link RuleInfo} built by plain code: the annotation processor (module {@code processor}) writes one
 * out for each annotated rule, so that reading a rule's metadata costs no reflection (see {@link Rule#info()}).
 * Equal to the annotation it was written from, as {@link Annotation#equals} defines it.
 */
public final class GeneratedRuleInfo implements RuleInfo {
  private final String id;
  private final String summary;
  private final Category category;
  private final Severity severity;
  private final Level production;
  private final Level development;
  private final String cis;
  private final String cisV15;
  private final boolean fixable;
  private final boolean optIn;
  private final PatchCoverage patch;
  private final RuleRole[] roles;
  private final String noFix;

  /** The members in the order {@link RuleInfo} declares them, which is the order the processor writes them in. */
  public GeneratedRuleInfo(String id, String summary, Category category, Severity severity, Level production,
      Level development, String cis, String cisV15, boolean fixable, boolean optIn, PatchCoverage patch,
      RuleRole[] roles, String noFix) {
    this.id = id;
    this.summary = summary;
    this.category = category;
    this.severity = severity;
    this.production = production;
    this.development = development;
    this.cis = cis;
    this.cisV15 = cisV15;
    this.fixable = fixable;
    this.optIn = optIn;
    this.patch = patch;
    this.roles = roles.clone();
    this.noFix = noFix;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public Category category() {
    return category;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public Level production() {
    return production;
  }

  @Override
  public Level development() {
    return development;
  }

  @Override
  public String cis() {
    return cis;
  }

  @Override
  public String cisV15() {
    return cisV15;
  }

  @Override
  public boolean fixable() {
    return fixable;
  }

  @Override
  public boolean optIn() {
    return optIn;
  }

  @Override
  public PatchCoverage patch() {
    return patch;
  }

  /** A copy, as an annotation's array member is. */
  @Override
  public RuleRole[] roles() {
    return roles.clone();
  }

  @Override
  public String noFix() {
    return noFix;
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return RuleInfo.class;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleInfo other && id.equals(other.id()) && summary.equals(other.summary())
        && category == other.category() && severity == other.severity() && production == other.production()
        && development == other.development() && cis.equals(other.cis()) && cisV15.equals(other.cisV15())
        && fixable == other.fixable() && optIn == other.optIn() && patch == other.patch()
        && Arrays.equals(roles, other.roles()) && noFix.equals(other.noFix());
  }

  /** As {@link Annotation#hashCode} defines it: the sum over the members of (127 × name's hash) ^ value's hash. */
  @Override
  public int hashCode() {
    return member("id", id.hashCode()) + member("summary", summary.hashCode())
        + member("category", category.hashCode()) + member("severity", severity.hashCode())
        + member("production", production.hashCode()) + member("development", development.hashCode())
        + member("cis", cis.hashCode()) + member("cisV15", cisV15.hashCode())
        + member("fixable", Boolean.hashCode(fixable)) + member("optIn", Boolean.hashCode(optIn))
        + member("patch", patch.hashCode()) + member("roles", Arrays.hashCode(roles))
        + member("noFix", noFix.hashCode());
  }

  private static int member(String name, int valueHash) {
    return (127 * name.hashCode()) ^ valueHash;
  }

  @Override
  public String toString() {
    return "@" + RuleInfo.class.getName() + "(id=\"" + id + "\")";
  }
}
