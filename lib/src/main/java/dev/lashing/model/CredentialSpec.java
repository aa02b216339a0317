package dev.lashing.model;

import dev.lashing.source.Origin;

/** A service's {@code credential_spec} (Windows containers). */
public record CredentialSpec(
    Located<String> config, Located<String> file, Located<String> registry, Origin origin) {}
