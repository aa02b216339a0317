package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.source.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Phrases the formats share: hint lines (text, JUnit failure bodies, GitHub annotations) and enum labels. */
public final class Wording {
  private Wording() {}

  /** The uses of a value's chain its hint names: at most this many, half from each end. */
  private static final int MAX_STEPS_SHOWN = 10;

  /**
   * The lines that follow a finding's first line: the fix, then how the value was inherited; each may be absent.
   * Made for findings one after another: the findings of a service share its chain of uses, which may run through
   * a thousand included files, and the chain is worded once for them all, not walked again for each.
   */
  static final class Hints {
    private List<Via> chain;
    private String inherited;

    List<String> of(Finding f) {
      List<String> hints = new ArrayList<>(2);
      Fix fix = f.fix();
      if (fix != null) {
        hints.add("fix: " + fix.description()
            + (fix.safety() == Fix.Safety.BEHAVIOUR_CHANGING ? " (unsafe: changes behaviour)" : ""));
      }
      if (!f.via().isEmpty()) {
        if (f.via() != chain) {
          chain = f.via();
          inherited = inheritedFrom(chain);
        }
        hints.add(inherited);
      }
      return hints;
    }
  }

  private static String inheritedFrom(List<Via> chain) {
    List<Via> uses = new ArrayList<>(chain);
    int count = uses.size();
    List<String> steps = new ArrayList<>();
    // Outermost first: the use a reader of the service finds first, then the steps back to the value; of a
    // long chain, its two ends, so that a finding's text does not grow with the chain.
    for (int i = count - 1; i >= 0; i--) {
      if (count > MAX_STEPS_SHOWN && i == count - 1 - MAX_STEPS_SHOWN / 2) {
        steps.add("\u2026 " + (count - MAX_STEPS_SHOWN) + " more \u2026");
        i = MAX_STEPS_SHOWN / 2; // on to the innermost half
        continue;
      }
      Via via = uses.get(i);
      steps.add(via.at() + " (via " + label(via.kind()) + ")");
    }
    return "inherited from " + String.join(", ", steps);
  }

  /** An enum constant as the outputs name it: {@code merge-key}, {@code behaviour-changing}. */
  public static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
