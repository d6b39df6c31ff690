package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.ast.Aggregation;
import dev.atwatch.spl.ast.SortKey;
import dev.atwatch.spl.func.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code stats}: one result per combination of by-field values (a multivalue by-field puts the
 * result in each of its values' groups; a result without a by-field is left out), groups ordered by
 * their values. Without by-fields there is always one result, even for no input.
 */
final class StatsStage extends Stage {

    private final List<Aggregation> aggregations;
    private final List<String> by;
    private final Map<List<String>, Accumulator[]> groups = new LinkedHashMap<>();
    private final AliasTally tally;
    private final List<String> reads = new ArrayList<>();

    StatsStage(List<Aggregation> aggregations, List<String> by, AliasTally tally) {
        this.aggregations = aggregations;
        this.by = by;
        this.tally = tally;
        reads.addAll(by);
        for (Aggregation aggregation : aggregations) {
            if (aggregation.field() != null) {
                reads.add(aggregation.field());
            }
        }
    }

    @Override
    void push(Record record) {
        if (!record.changedFields().isEmpty()) {
            tally.countFields(record, reads);
        }
        for (List<String> key : keys(record)) {
            Accumulator[] accumulators = groups.computeIfAbsent(key, k -> newAccumulators());
            for (Accumulator accumulator : accumulators) {
                accumulator.add(record);
            }
        }
    }

    /** Every combination of the by-fields' values; none when a by-field is absent. */
    private List<List<String>> keys(Record record) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(List.of());
        for (String field : by) {
            FieldValue value = record.get(field);
            if (value == null) {
                return List.of();
            }
            List<List<String>> extended = new ArrayList<>();
            for (List<String> key : keys) {
                for (String item : new LinkedHashSetList(value.strings())) {
                    List<String> longer = new ArrayList<>(key);
                    longer.add(item);
                    extended.add(longer);
                }
            }
            keys = extended;
        }
        return keys;
    }

    private Accumulator[] newAccumulators() {
        Accumulator[] accumulators = new Accumulator[aggregations.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = new Accumulator(aggregations.get(i));
        }
        return accumulators;
    }

    @Override
    void finish(List<String> notes) {
        if (groups.isEmpty() && by.isEmpty()) {
            groups.put(List.of(), newAccumulators());
        }
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort(StatsStage::compareKeys);
        for (List<String> key : keys) {
            Map<String, FieldValue> fields = Record.newMap();
            for (int i = 0; i < by.size(); i++) {
                fields.put(by.get(i), new FieldValue.Text(key.get(i)));
            }
            for (Accumulator accumulator : groups.get(key)) {
                FieldValue value = accumulator.result();
                if (value != null) {
                    fields.put(accumulator.aggregation.outputName(), value);
                }
            }
            next().push(new Record(fields, null));
        }
        groups.clear();
        next().finish(notes);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int cmp = ValueOrder.compare(a.get(i), b.get(i), SortKey.Kind.AUTO);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    @Override
    List<String> columns(List<String> before) {
        List<String> columns = new ArrayList<>(by);
        for (Aggregation aggregation : aggregations) {
            columns.add(aggregation.outputName());
        }
        return columns;
    }

    /** The distinct values of a list, in order. */
    private static final class LinkedHashSetList extends ArrayList<String> {
        LinkedHashSetList(List<String> values) {
            super(new java.util.LinkedHashSet<>(values));
        }
    }

    /** The running state of one aggregation in one group. */
    private static final class Accumulator {
        final Aggregation aggregation;
        private long count;
        private final Set<String> distinct;
        private Double minNumber;
        private Double maxNumber;
        private String minText;
        private String maxText;
        private double bestTime = Double.NaN;
        private FieldValue bestValue;

        Accumulator(Aggregation aggregation) {
            this.aggregation = aggregation;
            String function = aggregation.function();
            this.distinct =
                    function.equals("values")
                            ? new TreeSet<>()
                            : function.equals("dc") ? new HashSet<>() : null;
        }

        void add(Record record) {
            if (aggregation.field() == null) {
                count++;
                return;
            }
            FieldValue value = record.get(aggregation.field());
            if (value == null) {
                return;
            }
            switch (aggregation.function()) {
                case "earliest", "latest" -> timed(record, value);
                default -> {
                    if (value instanceof FieldValue.Number number
                            && distinct == null
                            && isPlainNumber(number.value())) {
                        addNumber(number.value());
                    } else {
                        value.strings().forEach(this::addValue);
                    }
                }
            }
        }

        /**
         * Whether {@code value} is written ({@link FieldValue#formatNumber}) as a short plain
         * decimal, which {@link Values#parseNumber} reads back as the same number (negative zero as
         * zero): zero, or a magnitude from 0.000001 up to 10^15.
         */
        private static boolean isPlainNumber(double value) {
            double magnitude = Math.abs(value);
            return value == 0 || (magnitude >= 1e-6 && magnitude < 1e15);
        }

        /** As {@link #addValue} of the text of a {@link #isPlainNumber plain number}. */
        private void addNumber(double value) {
            count++;
            double number = value == 0 ? 0.0 : value;
            minNumber = minNumber == null ? number : Math.min(minNumber, number);
            maxNumber = maxNumber == null ? number : Math.max(maxNumber, number);
        }

        private void addValue(String item) {
            count++;
            if (distinct != null) {
                distinct.add(item);
            }
            Double number = Values.parseNumber(item);
            if (number != null) {
                minNumber = minNumber == null ? number : Math.min(minNumber, number);
                maxNumber = maxNumber == null ? number : Math.max(maxNumber, number);
            } else {
                minText = minText == null || minText.compareTo(item) > 0 ? item : minText;
                maxText = maxText == null || maxText.compareTo(item) < 0 ? item : maxText;
            }
        }

        private void timed(Record record, FieldValue value) {
            FieldValue time = record.get(Event.TIME);
            Double t = time == null ? null : Values.number(Values.of(time));
            if (t == null) {
                return;
            }
            boolean earliest = aggregation.function().equals("earliest");
            if (bestValue == null || (earliest ? t < bestTime : t > bestTime)) {
                bestTime = t;
                bestValue = value;
            }
        }

        FieldValue result() {
            return switch (aggregation.function()) {
                case "count" -> new FieldValue.Number(count);
                case "dc" -> new FieldValue.Number(distinct.size());
                case "values" ->
                        distinct.isEmpty() ? null : FieldValue.of(new ArrayList<>(distinct));
                case "min" -> minNumber != null ? new FieldValue.Number(minNumber) : text(minText);
                case "max" -> maxNumber != null ? new FieldValue.Number(maxNumber) : text(maxText);
                default -> bestValue;
            };
        }

        private static FieldValue text(String value) {
            return value == null ? null : new FieldValue.Text(value);
        }
    }
}
