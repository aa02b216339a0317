package dev.lashing.model;

/** A byte size ({@code mem_limit}, {@code shm_size}, {@code tmpfs.size}...) and the text it was written as. */
public record ByteCount(long bytes, String text) {}
