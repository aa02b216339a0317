package dev.lashing.model;

import dev.lashing.source.Origin;

/** A host device mapped into the container ({@code devices:} entry in long form). */
public record Device(Located<String> source, Located<String> target, Located<String> permissions, Origin origin) {}
