package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.SortKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/** Stages that keep results until the input ends: sort, tail, and the final collector. */
final class BlockingStages {

    private BlockingStages() {}

    /**
     * {@code sort}: stable, so ties keep input order. With a limit (the default 10,000, or {@code
     * sort N}) only the best N results are held as they arrive, in a heap whose top is the worst of
     * them; the rest are counted for the note. {@code sort 0} holds every result, unless a {@code
     * head} right after it will pass only its first rows: then only those are held.
     */
    static final class Sort extends Stage {
        private final int limit;
        private final int hold;
        private final Comparator<Arrival> order;
        private final PriorityQueue<Arrival> best;
        private final List<Arrival> all = new ArrayList<>();
        private long arrived;

        /** A sort that holds its {@code limit} best results (every result for 0). */
        Sort(int limit, List<SortKey> keys) {
            this(limit, limit, keys);
        }

        /**
         * @param limit the rows sort returns, for the note on rows cut (0: no limit)
         * @param hold the best results to hold, at most {@code limit} (0: every result)
         */
        Sort(int limit, int hold, List<SortKey> keys) {
            this.limit = limit;
            this.hold = hold;
            Comparator<Record> byKeys = comparator(keys);
            this.order =
                    Comparator.<Arrival, Record>comparing(Arrival::record, byKeys)
                            .thenComparingLong(Arrival::number);
            this.best = new PriorityQueue<>(order.reversed());
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
            Arrival arrival = new Arrival(record, arrived++);
            if (hold <= 0) {
                all.add(arrival);
            } else if (best.size() < hold) {
                best.add(arrival);
            } else if (order.compare(arrival, best.peek()) < 0) {
                // a later arrival that ties with the worst kept one stays out, as it would after
                // a stable sort
                best.poll();
                best.add(arrival);
            }
        }

        /** How many results are held now. */
        int held() {
            return best.size() + all.size();
        }

        @Override
        void finish(List<String> notes) {
            List<Arrival> kept = hold <= 0 ? all : new ArrayList<>(best);
            kept.sort(order);
            if (limit > 0 && arrived > limit) {
                notes.add(
                        String.format(
                                Locale.ROOT,
                                "sort: %d rows cut to %d (use sort 0 for all)",
                                arrived,
                                limit));
            }
            best.clear();
            for (Arrival arrival : kept) {
                next().push(arrival.record());
            }
            all.clear();
            next().finish(notes);
        }

        /** A result with its arrival number, which breaks ties between equal sort keys. */
        private record Arrival(Record record, long number) {}
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
