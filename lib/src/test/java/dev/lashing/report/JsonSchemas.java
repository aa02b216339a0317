package dev.lashing.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validation (draft-07 unless the schema names its draft) of produced JSON against a schema on the class path, and parsing for assertions. */
public final class JsonSchemas {
  /** The report schema, from schemas/ (the build puts it on the class path under this name). */
  public static final String REPORT = "/dev/lashing/schemas/lashing-report.schema.json";
  static final String SARIF_SUBSET = "/dev/lashing/report/sarif-2.1.0-subset.schema.json";
  /** The official SARIF 2.1.0 schema (draft-04), from github.com/oasis-tcs/sarif-spec sarif-2.1/schema. */
  static final String SARIF = "/dev/lashing/report/sarif-schema-2.1.0.json";

  private static final JsonMapper MAPPER = new JsonMapper();

  private JsonSchemas() {}

  /** The validation errors, each as {@code instance-path: message}; empty when the document is valid. */
  public static List<String> errors(String schemaResource, String json) {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(resource(schemaResource), InputFormat.JSON);
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  private static String resource(String name) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
