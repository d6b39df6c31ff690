package dev.atwatch.detect.lint;

import dev.atwatch.spl.DiagnosticCode;

/**
 * The stable codes of lint findings: places where a query is blind on real data or depends on a
 * behaviour that differs between Splunk deployments. Compiler warnings keep their own {@code
 * SPL1xx} codes.
 */
public enum LintCode {
    SOURCETYPE_RENAMED("LINT001", "sourcetype-renamed"),
    CLASSIC_FIELD_NAME("LINT002", "classic-field-name"),
    FIELD_NEVER_EXTRACTED("LINT003", "field-never-extracted"),
    UNREACHABLE_COALESCE("LINT004", "unreachable-coalesce"),
    CASE_SENSITIVE_PATH("LINT005", "case-sensitive-path"),
    SORT_DEFAULT_LIMIT("LINT006", "sort-default-limit"),
    TIME_RANGE_IN_QUERY("LINT007", "time-range-in-query"),
    BRANCH_MATCHES_NOTHING("LINT008", "branch-matches-nothing"),
    ALIAS_CHANGED_RESULT("LINT009", "alias-changed-result"),
    NO_TIME_RANGE("LINT010", "no-time-range");

    private final String id;
    private final String slug;

    LintCode(String id, String slug) {
        this.id = id;
        this.slug = slug;
    }

    /** The stable code, such as {@code LINT001}. */
    public String id() {
        return id;
    }

    /** A short readable name, such as {@code sourcetype-renamed}. */
    public String slug() {
        return slug;
    }

    /**
     * The readable name of a finding's code: a lint code or a compiler code ({@code SPL102}), or
     * the code itself when it is neither.
     */
    public static String slugOf(String id) {
        for (LintCode code : values()) {
            if (code.id.equals(id)) {
                return code.slug;
            }
        }
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (code.id().equals(id)) {
                return code.slug();
            }
        }
        return id;
    }
}
