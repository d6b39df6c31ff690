package dev.atwatch.detect;

/** A rule pack that cannot be loaded: a missing file, bad YAML, a missing required key. */
public final class RulePackException extends Exception {

    public RulePackException(String message) {
        super(message);
    }

    public RulePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
