package dev.atwatch.detect.validate;

/** What a rule made of a test in one telemetry source. */
public enum Verdict {
    /** The rule returned at least one row. */
    DETECTED,
    /** The manifest says the source cannot see the test. */
    BLIND,
    /** The rule was expected to return a row and returned none. */
    MISSED
}
