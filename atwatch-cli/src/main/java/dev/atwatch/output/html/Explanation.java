package dev.atwatch.output.html;

import java.util.List;

/**
 * Why a rule reported an alert.
 *
 * @param branches the alternatives of the rule's first search that the event matched, outermost
 *     first, as SPL text; empty when the event was not kept (aggregated rows)
 * @param factors the score factors ({@code Is*} fields) that are 1, each with its evidence
 */
public record Explanation(List<String> branches, List<Factor> factors) {

    public Explanation {
        branches = branches == null ? List.of() : List.copyOf(branches);
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /**
     * One score factor that fired.
     *
     * @param name the factor's field, such as {@code IsSuspiciousPayload}
     * @param expression the eval expression that set it, as SPL text
     * @param field the field a {@code match} read, or {@code null} when the factor is not a match
     * @param pattern the regular expression, or {@code null}
     * @param matched the text the pattern matched, or {@code null}
     * @param start where {@code matched} starts in the field's value, or -1
     * @param inputs the fields the expression reads, with their values, as {@code name=value}
     */
    public record Factor(
            String name,
            String expression,
            String field,
            String pattern,
            String matched,
            int start,
            List<String> inputs) {

        public Factor {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
        }

        /** One line for a terminal: what matched where, or the expression and its inputs. */
        public String describe() {
            if (matched != null) {
                return name
                        + ": /"
                        + pattern
                        + "/ matched \""
                        + matched
                        + "\" in "
                        + field
                        + " at "
                        + start;
            }
            String reads = inputs.isEmpty() ? "" : " with " + String.join(", ", inputs);
            return name + ": eval " + name + "=" + expression + reads;
        }
    }
}
