package dev.lashing.interpolation;

import dev.lashing.source.SourceRange;

/**
 * A variable reference written in a Compose file value. {@code operator} is one of {@code "" ":-" "-" ":?" "?"
 * ":+" "+"}; {@code fallback} is the default, replacement or error text as written, or null without an operator;
 * {@code set} says whether the variable had a value (possibly empty) when the file was interpolated; {@code path}
 * is the dotted value path ({@code services.web.environment.[]}); {@code at} spans the {@code $...} expression as
 * written, in any scalar style: from its {@code $} to the end of its last character, across the escapes, quotes and
 * folded line breaks written within it. It is the whole scalar only when the value's text is not known (a value
 * Lashing made, or one from a file it was not given).
 */
public record VariableReference(
    String name, String operator, String fallback, boolean set, String path, SourceRange at) {}
