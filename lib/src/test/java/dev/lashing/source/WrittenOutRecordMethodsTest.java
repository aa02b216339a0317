package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SourceRange, Via, Origin and Diagnostic write out the equals and hashCode a record would generate (see
 * SourceRange): these records with the same components are the reference, so hash orders stay as they were
 * (Diagnostic's hash leaves out whether it is past a limit of Lashing's, a component added later).
 */
class WrittenOutRecordMethodsTest {
  private record RangeReference(
      String file, int line, int column, int endLine, int endColumn, int startOffset, int endOffset) {}

  private record ViaReference(Via.Kind kind, SourceRange at) {}

  private record OriginReference(SourceRange at, List<Via> via) {}

  private record DiagnosticReference(
      Diagnostic.Severity severity, Diagnostic.Kind kind, SourceRange at, String message) {}

  private static final SourceRange RANGE = new SourceRange("compose.yaml", 3, 5, 3, 12, 40, 47);
  private static final SourceRange OTHER = new SourceRange("compose.yaml", 3, 5, 3, 12, 40, 48);
  private static final Via VIA = new Via(Via.Kind.ALIAS, OTHER);

  @Test
  void sourceRangeHashesAsTheRecordWould() {
    assertThat(RANGE.hashCode()).isEqualTo(new RangeReference("compose.yaml", 3, 5, 3, 12, 40, 47).hashCode());
    assertThat(SourceRange.synthetic(null).hashCode()).isEqualTo(new RangeReference(null, 0, 0, 0, 0, -1, -1).hashCode());
  }

  @Test
  void sourceRangesAreEqualWhenEveryComponentIs() {
    assertThat(RANGE).isEqualTo(new SourceRange("compose.yaml", 3, 5, 3, 12, 40, 47));
    assertThat(RANGE).isNotEqualTo(OTHER);
    assertThat(RANGE).isNotEqualTo(new SourceRange("other.yaml", 3, 5, 3, 12, 40, 47));
    assertThat(RANGE).isNotEqualTo(null);
  }

  @Test
  void viaHashesAsTheRecordWould() {
    assertThat(VIA.hashCode()).isEqualTo(new ViaReference(Via.Kind.ALIAS, OTHER).hashCode());
    assertThat(VIA).isEqualTo(new Via(Via.Kind.ALIAS, OTHER)).isNotEqualTo(new Via(Via.Kind.MERGE_KEY, OTHER));
  }

  @Test
  void originHashesAsTheRecordWould() {
    Origin origin = Origin.at(RANGE).plus(Via.Kind.ALIAS, OTHER);

    assertThat(origin.hashCode()).isEqualTo(new OriginReference(RANGE, List.of(VIA)).hashCode());
    assertThat(origin).isEqualTo(Origin.of(RANGE, List.of(VIA))).isNotEqualTo(Origin.at(RANGE));
  }

  @Test
  void diagnosticHashesAsTheRecordWould() {
    Diagnostic error = Diagnostic.error(Diagnostic.Kind.SCHEMA, RANGE, "services.web must be a mapping");

    assertThat(error.hashCode()).isEqualTo(new DiagnosticReference(Diagnostic.Severity.ERROR,
        Diagnostic.Kind.SCHEMA, RANGE, "services.web must be a mapping").hashCode());
    assertThat(error).isEqualTo(Diagnostic.error(Diagnostic.Kind.SCHEMA, RANGE, "services.web must be a mapping"))
        .isNotEqualTo(Diagnostic.error(Diagnostic.Kind.SCHEMA, OTHER, "services.web must be a mapping"))
        .isNotEqualTo(Diagnostic.pastLashingLimit(Diagnostic.Kind.SCHEMA, RANGE, "services.web must be a mapping"));
  }
}
