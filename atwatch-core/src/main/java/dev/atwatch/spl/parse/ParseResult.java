package dev.atwatch.spl.parse;

import dev.atwatch.spl.ast.Pipeline;

/** What parsing gave: the commands that parsed, with the source text and collected diagnostics. */
public record ParseResult(Pipeline pipeline, Reporter reporter) {}
