package dev.atwatch.spl.ast;

/** One {@code field=expression} of an eval command. */
public record Assignment(String field, Expr value, Span span) {}
