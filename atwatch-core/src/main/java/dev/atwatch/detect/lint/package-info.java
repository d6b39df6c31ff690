/**
 * Lint of SPL searches: where a search is blind on real Splunk deployments and how to write it so
 * that it is not.
 *
 * <p>{@link dev.atwatch.detect.lint.Linter} walks the parsed search and reports each pitfall with a
 * stable {@link dev.atwatch.detect.lint.LintCode}, together with the compiler's warnings about
 * behaviour atwatch had to choose; while walking it records text edits that make up the fixed
 * search, so the fix keeps the user's layout. {@link dev.atwatch.detect.lint.DataProbe} runs the
 * search's top-level OR branches over data and reports the branches that match nothing and the
 * aliases that change the result.
 *
 * <p>What is known about field names comes from the alias table (which XML name has which classic
 * name, which sourcetypes carry their channel in {@code source}); the one exception is the short
 * list of names no Windows format has ({@code ProcessCommandLine}).
 */
package dev.atwatch.detect.lint;
