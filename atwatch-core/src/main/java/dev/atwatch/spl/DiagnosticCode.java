package dev.atwatch.spl;

/**
 * The stable codes of query diagnostics. Codes below 100 are errors; codes from 100 are warnings
 * about behaviour Splunk does not document, which atwatch had to choose.
 */
public enum DiagnosticCode {
    UNKNOWN_COMMAND("SPL001", "unknown-command"),
    UNEXPECTED_TOKEN("SPL002", "unexpected-token"),
    UNCLOSED_QUOTE("SPL003", "unclosed-quote"),
    UNCLOSED_PAREN("SPL004", "unclosed-paren"),
    UNKNOWN_FUNCTION("SPL005", "unknown-function"),
    WRONG_ARITY("SPL006", "wrong-arity"),
    UNDEFINED_MACRO("SPL007", "undefined-macro"),
    BAD_REGEX("SPL008", "bad-regex"),
    BAD_ARGUMENT("SPL009", "bad-argument"),
    TYPE_MISMATCH("SPL010", "type-mismatch"),
    MISSING_ARGUMENT("SPL011", "missing-argument"),
    MACRO_RECURSION("SPL012", "macro-recursion"),
    TOO_DEEP("SPL013", "too-deep"),
    UNSUPPORTED_IN("SPL014", "unsupported-in"),
    UNSUPPORTED_DIRECTIVE("SPL015", "unsupported-directive"),
    UNSUPPORTED_SUBSEARCH("SPL016", "unsupported-subsearch"),
    INTERNAL("SPL099", "internal-error"),
    BARE_TERM_SUBSTRING("SPL101", "bare-term-substring"),
    LIKE_BACKSLASH("SPL102", "like-backslash"),
    NULL_CONDITION("SPL103", "null-condition"),
    LOWERCASE_OPERATOR("SPL104", "lowercase-operator");

    private final String id;
    private final String slug;

    DiagnosticCode(String id, String slug) {
        this.id = id;
        this.slug = slug;
    }

    /** The stable code, such as {@code SPL001}. */
    public String id() {
        return id;
    }

    /** A short readable name, such as {@code unknown-command}. */
    public String slug() {
        return slug;
    }

    /** Errors stop a query from running; the others are warnings. */
    public Severity severity() {
        return Integer.parseInt(id.substring(3)) < 100 ? Severity.ERROR : Severity.WARNING;
    }
}
