package dev.lashing.model;

import dev.lashing.source.Origin;

/**
 * A service's use of a secret or config ({@code secrets:} / {@code configs:} entries). {@code mode} is an
 * integer: a YAML {@code 0440} is octal, but a quoted {@code "0440"} goes through Compose's decimal cast.
 */
public record FileRef(
    Located<String> source,
    Located<String> target,
    Located<String> uid,
    Located<String> gid,
    Located<Long> mode,
    Origin origin) {}
