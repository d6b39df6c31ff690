package dev.atwatch.spl.parse;

/**
 * Thrown inside the parser after a diagnostic was reported, to abandon the current command; the
 * parser resumes at the next pipe. Never escapes {@link Parser}.
 */
final class ParseAbort extends RuntimeException {

    ParseAbort() {
        super(null, null, false, false);
    }
}
