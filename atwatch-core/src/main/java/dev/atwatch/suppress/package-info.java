/**
 * Suppressions: a team's allowlist of documented false positives, applied to alerts after detection
 * and never silently. Each entry names who owns it and why it exists, may expire, and is counted
 * every time it suppresses an alert.
 *
 * <p>{@link dev.atwatch.suppress.Suppressions#load} reads the YAML file and reports every problem
 * with its line and column; {@link dev.atwatch.suppress.Suppressions#match} finds the entry that
 * suppresses an alert; {@link dev.atwatch.suppress.AlertField} lists, in one place, the alert
 * fields each criterion is tested against.
 *
 * <p>Regular expressions in a suppression file come from its owners and are trusted; the values
 * they run on come from logs and are not, so globs are matched without regular expressions.
 */
package dev.atwatch.suppress;
