package dev.lashing.interpolation;

import dev.lashing.source.SourceRange;

/**
 * A variable reference written in a Compose file value. {@code operator} is one of {@code "" ":-" "-" ":?" "?"
 * ":+" "+"}; {@code fallback} is the default, replacement or error text as written, or null without an operator;
 * {@code set} says whether the variable had a value (possibly empty) when the file was interpolated; {@code path}
 * is the dotted value path ({@code services.web.environment.[]}); {@code at} spans the {@code $...} expression
 * when the scalar's text maps 1:1 to its value, otherwise the whole scalar.
 */
public record VariableReference(
    String name, String operator, String fallback, boolean set, String path, SourceRange at) {}
