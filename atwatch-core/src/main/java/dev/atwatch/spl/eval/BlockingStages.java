package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.SortKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Stages that keep results until the input ends: sort, tail, and the final collector. */
final class BlockingStages {

    private BlockingStages() {}

    /** {@code sort}: stable, so ties keep input order; cut to the limit with a note. */
    static final class Sort extends Stage {
        private final int limit;
        private final Comparator<Record> order;
        private final List<Record> kept = new ArrayList<>();

        Sort(int limit, List<SortKey> keys) {
            this.limit = limit;
            this.order = comparator(keys);
        }

        private static Comparator<Record> comparator(List<SortKey> keys) {
            return (a, b) -> {
                for (SortKey key : keys) {
                    int cmp =
                            ValueOrder.compare(a.get(key.field()), b.get(key.field()), key.kind());
                    if (cmp != 0) {
                        return key.descending() ? -cmp : cmp;
                    }
                }
                return 0;
            };
        }

        @Override
        void push(Record record) {
            kept.add(record);
        }

        @Override
        void finish(List<String> notes) {
            kept.sort(order);
            int count = kept.size();
            if (limit > 0 && count > limit) {
                notes.add(
                        String.format(
                                Locale.ROOT,
                                "sort: %d rows cut to %d (use sort 0 for all)",
                                count,
                                limit));
                count = limit;
            }
            for (int i = 0; i < count; i++) {
                next().push(kept.get(i));
            }
            kept.clear();
            next().finish(notes);
        }
    }

    /** {@code tail N}: the last N results, last first (as Splunk returns them). */
    static final class Tail extends Stage {
        private final int limit;
        private final Deque<Record> kept = new ArrayDeque<>();

        Tail(int limit) {
            this.limit = limit;
        }

        @Override
        void push(Record record) {
            kept.addLast(record);
            if (kept.size() > limit) {
                kept.removeFirst();
            }
        }

        @Override
        void finish(List<String> notes) {
            while (!kept.isEmpty()) {
                next().push(kept.removeLast());
            }
            next().finish(notes);
        }
    }

    /** The end of the pipeline: the results in order. */
    static final class Collector extends Stage {
        final List<Record> results = new ArrayList<>();

        @Override
        void push(Record record) {
            results.add(record);
        }

        @Override
        void finish(List<String> notes) {}
    }
}
