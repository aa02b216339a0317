package dev.lashing.model;

import dev.lashing.source.Origin;

/** A service's use of a top-level model ({@code models: {name: ...}}); null settings when written as null. */
public record ServiceModel(
    String name, Origin nameOrigin, Located<String> endpointVar, Located<String> modelVar, Origin origin) {}
