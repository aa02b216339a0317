package dev.lashing.model;

import dev.lashing.source.Origin;

/** One {@code extra_hosts} mapping of a host name to an address (brackets around IPv6 removed). */
public record ExtraHost(String host, String address, Origin origin) {}
