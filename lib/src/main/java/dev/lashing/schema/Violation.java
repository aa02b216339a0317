package dev.lashing.schema;

import dev.lashing.source.Diagnostic;
import java.util.List;

/**
 * A schema error and the value it condemns, so that a lenient reader can leave out only that value.
 *
 * @param diagnostic the error, positioned and worded as Compose words it
 * @param offending the path (mapping keys as strings, sequence indices as integers) of the value to leave out:
 *     the unknown key's entry, the object missing a property, the repeated item, the value of the wrong type;
 *     empty when the whole document is at fault
 * @param missingProperty whether the error is an object missing a required property, which an earlier file or an
 *     {@code extends} base may still supply before Compose validates the merged model
 */
public record Violation(Diagnostic diagnostic, List<Object> offending, boolean missingProperty) {
  public Violation {
    offending = List.copyOf(offending);
  }

  public Violation(Diagnostic diagnostic, List<Object> offending) {
    this(diagnostic, offending, false);
  }
}
