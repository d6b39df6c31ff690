package dev.atwatch.spl.ast;

/** One {@code from AS to} of rename; either may hold {@code *} wildcards. */
public record Renaming(String from, String to, Span span) {}
