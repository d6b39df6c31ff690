/**
 * Validation of a rule pack against replayed telemetry: {@link dev.atwatch.detect.validate.Replay}
 * runs the rules over each test and telemetry source of a {@link
 * dev.atwatch.detect.validate.ReplayManifest} and returns a {@link
 * dev.atwatch.detect.validate.CoverageMatrix}; {@link dev.atwatch.detect.validate.RuleTestRun}
 * checks the row counts of each rule's own {@code tests:} entries. Nothing here prints.
 */
package dev.atwatch.detect.validate;
