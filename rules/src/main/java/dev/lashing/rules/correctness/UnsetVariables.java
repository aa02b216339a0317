package dev.lashing.rules.correctness;

import dev.lashing.interpolation.VariableReference;
import dev.lashing.load.LoadResult;
import dev.lashing.source.Offsets;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the project's files read variables it does not set and gives no default for: a value that reads one is
 * only as wrong as the variable leaves it, and unset-variable reports that. Sorted once per run by where they are
 * written, so that asking for each value invalid-value would report does not read every reference again (20,000
 * images that each read an unset tag took four times as long to lint as 20,000 pinned ones).
 */
final class UnsetVariables {
  private final Map<String, List<VariableReference>> byFile = new HashMap<>();

  UnsetVariables(LoadResult load) {
    for (VariableReference v : load.variables()) {
      if (!v.set() && v.operator().isEmpty()) {
        byFile.computeIfAbsent(v.at().file(), f -> new ArrayList<>()).add(v);
      }
    }
    byFile.values().forEach(refs -> refs.sort((a, b) -> Integer.compare(a.at().startOffset(), b.at().startOffset())));
  }

  /** The names of the unset variables written within {@code at}. */
  Set<String> within(SourceRange at) {
    List<VariableReference> refs = byFile.get(at.file());
    if (refs == null) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (int i = Offsets.firstAtOrAfter(refs.size(), k -> refs.get(k).at().startOffset(), at.startOffset());
        i < refs.size() && refs.get(i).at().startOffset() <= at.endOffset(); i++) {
      if (refs.get(i).at().endOffset() <= at.endOffset()) {
        names.add(refs.get(i).name());
      }
    }
    return names;
  }

  /** Whether a value written at {@code at} reads an unset variable. */
  boolean readBy(SourceRange at) {
    return !within(at).isEmpty();
  }
}
