package dev.atwatch.suppress;

import java.io.IOException;
import java.util.List;

/**
 * A suppression file that cannot be used: not YAML, or entries that break the file's rules. All
 * problems found are reported together, each with its line and column.
 */
public final class SuppressionFileException extends IOException {

    /** One problem at a place in the file; line and column are 1-based, 0 when unknown. */
    public record Problem(String source, int line, int column, String message) {

        /** The problem as {@code source:line:column: message}. */
        public String describe() {
            return source + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public SuppressionFileException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(problem.describe());
        }
        return text.toString();
    }
}
