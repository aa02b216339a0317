package dev.lashing.schema;

import java.util.List;

/**
 * One schema violation, reduced to what a message needs.
 *
 * @param keyword the failing keyword ({@code type}, {@code required}, {@code additionalProperties}...)
 * @param at where in the instance: property names and indices from the root
 * @param property the key at fault, for {@code required} and {@code additionalProperties}
 * @param keywordValue the keyword's value in the schema (the allowed types, the enum...), in {@link
 *     dev.lashing.syntax.JsonReader}'s form
 * @param schemaPath where the keyword sits in the schema document, as path steps
 * @param evaluation how the validator got to the keyword, through {@code $ref}s and alternatives
 * @param message the validator's own wording, kept only for keywords we do not phrase ourselves
 */
record Finding(
    String keyword,
    List<Object> at,
    String property,
    Object keywordValue,
    List<String> schemaPath,
    List<String> evaluation,
    String message) {

  Finding {
    at = List.copyOf(at);
    schemaPath = List.copyOf(schemaPath);
    evaluation = List.copyOf(evaluation);
  }

  /** How deep the finding points into the instance; a wrong key counts one deeper than its mapping. */
  int depth() {
    boolean aboutKey = keyword.equals("additionalProperties") || keyword.equals("required");
    return at.size() + (aboutKey ? 1 : 0);
  }
}
