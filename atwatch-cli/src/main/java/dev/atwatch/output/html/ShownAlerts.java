package dev.atwatch.output.html;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Which alerts of a run a page lists in its table and which it carries the details of: the
 * highest-scoring first, ties in alert order, so that a page cut to its limits still holds the
 * alerts that matter most. Alerts are named by their index in the run.
 */
final class ShownAlerts {

    private final List<Integer> rows;
    private final BitSet details;

    private ShownAlerts(List<Integer> rows, BitSet details) {
        this.rows = rows;
        this.details = details;
    }

    /**
     * Chooses at most {@code rows} alerts for the table and, among them, at most {@code details}
     * for details.
     */
    static ShownAlerts choose(List<ReportAlert> alerts, int rows, int details) {
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            ranked.add(i);
        }
        // a stable sort: equal scores keep alert order
        ranked.sort(Comparator.comparingInt((Integer i) -> alerts.get(i).score()).reversed());
        List<Integer> listed = new ArrayList<>(ranked.subList(0, Math.min(rows, ranked.size())));
        BitSet detailed = new BitSet(alerts.size());
        for (int i = 0; i < Math.min(details, listed.size()); i++) {
            detailed.set(listed.get(i));
        }
        listed.sort(Comparator.naturalOrder());
        return new ShownAlerts(List.copyOf(listed), detailed);
    }

    /** The indexes of the alerts the table lists, in alert order. */
    List<Integer> rows() {
        return rows;
    }

    /** Whether the page carries the details of alert {@code index}. */
    boolean hasDetails(int index) {
        return details.get(index);
    }

    /** How many alerts have details on the page. */
    int detailCount() {
        return details.cardinality();
    }
}
