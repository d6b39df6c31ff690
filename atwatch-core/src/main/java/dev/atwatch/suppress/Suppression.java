package dev.atwatch.suppress;

import dev.atwatch.event.Fields;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One allowlist entry: the criteria an alert must all meet to be suppressed, who owns the entry,
 * why it exists, and until when it holds.
 *
 * @param id the entry's unique name, by which it is counted and reported
 * @param criteria at least one pattern list per tested alert value; a value matches a list when it
 *     matches any pattern of it
 * @param owner who answers for the entry
 * @param reason why the alerts it suppresses are benign
 * @param expires the last day on which the entry suppresses, or {@code null} for no end
 * @param line the entry's line in its file (1-based)
 * @param column the entry's column in its file (1-based)
 */
public record Suppression(
        String id,
        Map<AlertField, List<ValuePattern>> criteria,
        String owner,
        String reason,
        LocalDate expires,
        int line,
        int column) {

    public Suppression {
        criteria = Map.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("suppression " + id + " has no criteria");
        }
    }

    /**
     * Whether every criterion holds for {@code alert}. A criterion on a value the alert lacks
     * fails; a multivalue field meets a criterion when one of its values does.
     */
    public boolean matches(Fields alert) {
        for (Map.Entry<AlertField, List<ValuePattern>> criterion : criteria.entrySet()) {
            if (!holds(criterion.getValue(), criterion.getKey().valuesIn(alert))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the entry is past its last day on {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    private static boolean holds(List<ValuePattern> patterns, List<String> values) {
        for (String value : values) {
            for (ValuePattern pattern : patterns) {
                if (pattern.matches(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
