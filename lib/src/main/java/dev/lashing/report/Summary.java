package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many findings a report has: the active ones by severity, and the suppressed ones. */
record Summary(Map<Severity, Integer> bySeverity, int suppressed) {

  static Summary of(List<Finding> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    int suppressed = 0;
    for (Finding f : findings) {
      if (f.isSuppressed()) {
        suppressed++;
      } else {
        counts.merge(f.severity(), 1, Integer::sum);
      }
    }
    return new Summary(counts, suppressed);
  }

  int active() {
    return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** {@code 3 findings (1 critical, 2 low), 1 suppressed}; severities without findings are left out. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(active()).append(active() == 1 ? " finding" : " findings");
    List<String> parts = new ArrayList<>();
    bySeverity.forEach((severity, count) -> {
      if (count > 0) {
        parts.add(count + " " + severity.label());
      }
    });
    if (!parts.isEmpty()) {
      out.append(" (").append(String.join(", ", parts)).append(')');
    }
    if (suppressed > 0) {
      out.append(", ").append(suppressed).append(" suppressed");
    }
    return out.toString();
  }
}
