package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.ast.Renaming;
import dev.atwatch.spl.func.Evaluator;
import dev.atwatch.spl.func.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stages that pass results on one by one. */
final class StreamingStages {

    private StreamingStages() {}

    /** A later {@code search}. */
    static final class Search extends Stage {
        private final SearchPredicate predicate;
        private final AliasTally tally;

        Search(SearchPredicate predicate, AliasTally tally) {
            this.predicate = predicate;
            this.tally = tally;
        }

        @Override
        void push(Record record) {
            if (tally.test(predicate, record)) {
                next().push(record);
            }
        }
    }

    /** {@code eval}: assignments left to right; NULL removes the field. */
    static final class Eval extends Stage {
        private final String[] targets;
        private final Evaluator[] values;
        private final RowScope scope;
        private final AliasTally tally;

        Eval(List<String> targets, List<Evaluator> values, RowScope scope, AliasTally tally) {
            this.targets = targets.toArray(new String[0]);
            this.values = values.toArray(new Evaluator[0]);
            this.scope = scope;
            this.tally = tally;
        }

        @Override
        void push(Record record) {
            scope.bind(record);
            for (int i = 0; i < targets.length; i++) {
                Object value = tally.eval(targets[i], values[i], scope, record);
                record.set(targets[i], Values.toField(value));
            }
            next().push(record);
        }

        @Override
        List<String> columns(List<String> before) {
            if (before == null) {
                return null;
            }
            List<String> after = new ArrayList<>(before);
            for (String target : targets) {
                if (!after.contains(target)) {
                    after.add(target);
                }
            }
            return after;
        }
    }

    /** {@code where}: keeps a result only when the condition is TRUE. */
    static final class Where extends Stage {
        private final Evaluator condition;
        private final RowScope scope;
        private final AliasTally tally;

        Where(Evaluator condition, RowScope scope, AliasTally tally) {
            this.condition = condition;
            this.scope = scope;
            this.tally = tally;
        }

        @Override
        void push(Record record) {
            scope.bind(record);
            if (tally.where(condition, scope, record)) {
                next().push(record);
            }
        }
    }

    /**
     * {@code table} and {@code fields}: keep the named fields in the given order ({@code fields}
     * also keeps {@code _time} and {@code _raw}, as Splunk does), or remove them.
     */
    static final class Select extends Stage {
        private final List<String> patterns;
        private final List<Pattern> compiled = new ArrayList<>();
        private final boolean remove;
        private final boolean keepInternal;

        Select(List<String> patterns, boolean remove, boolean keepInternal) {
            this.patterns = patterns;
            this.remove = remove;
            this.keepInternal = keepInternal;
            for (String pattern : patterns) {
                compiled.add(Wildcards.hasWildcard(pattern) ? Wildcards.compile(pattern) : null);
            }
        }

        @Override
        void push(Record record) {
            Map<String, FieldValue> kept = Record.newMap();
            if (remove) {
                record.map()
                        .forEach(
                                (name, value) -> {
                                    if (!matchesAny(name)) {
                                        kept.put(name, value);
                                    }
                                });
            } else {
                keep(record, kept);
            }
            record.replace(kept);
            next().push(record);
        }

        private void keep(Record record, Map<String, FieldValue> kept) {
            for (int i = 0; i < patterns.size(); i++) {
                Pattern wildcard = compiled.get(i);
                if (wildcard == null) {
                    FieldValue value = record.get(patterns.get(i));
                    if (value != null) {
                        kept.put(patterns.get(i), value);
                    }
                    continue;
                }
                record.map()
                        .forEach(
                                (name, value) -> {
                                    if (wildcard.matcher(name).matches()) {
                                        kept.putIfAbsent(name, value);
                                    }
                                });
            }
            if (keepInternal) {
                keepIfPresent(record, kept, Event.TIME);
                keepIfPresent(record, kept, Event.RAW);
            }
        }

        private static void keepIfPresent(
                Record record, Map<String, FieldValue> kept, String name) {
            FieldValue value = record.get(name);
            if (value != null) {
                kept.putIfAbsent(name, value);
            }
        }

        boolean matchesAny(String name) {
            for (int i = 0; i < patterns.size(); i++) {
                Pattern wildcard = compiled.get(i);
                if (wildcard == null
                        ? patterns.get(i).equals(name)
                        : wildcard.matcher(name).matches()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        List<String> columns(List<String> before) {
            if (!remove) {
                return patterns;
            }
            if (before == null) {
                return null;
            }
            List<String> after = new ArrayList<>();
            for (String name : before) {
                if (!matchesAny(name)) {
                    after.add(name);
                }
            }
            return after;
        }
    }

    /** {@code rename}: moves values to new names, in place; wildcards carry what they match. */
    static final class Rename extends Stage {
        private final List<Renaming> renamings;
        private final List<Pattern> compiled = new ArrayList<>();

        Rename(List<Renaming> renamings) {
            this.renamings = renamings;
            for (Renaming renaming : renamings) {
                compiled.add(Wildcards.compile(renaming.from()));
            }
        }

        @Override
        void push(Record record) {
            for (int i = 0; i < renamings.size(); i++) {
                Map<String, String> moves = new HashMap<>();
                for (String name : record.names()) {
                    String target = target(i, name);
                    if (target != null) {
                        moves.put(name, target);
                    }
                }
                if (!moves.isEmpty()) {
                    apply(record, moves);
                }
            }
            next().push(record);
        }

        private String target(int index, String name) {
            Matcher match = compiled.get(index).matcher(name);
            return match.matches() ? Wildcards.substitute(renamings.get(index).to(), match) : null;
        }

        private static void apply(Record record, Map<String, String> moves) {
            Map<String, FieldValue> renamed = Record.newMap();
            record.map()
                    .forEach(
                            (name, value) -> {
                                String target = moves.getOrDefault(name, name);
                                if (moves.containsKey(name) || !moves.containsValue(name)) {
                                    renamed.put(target, value);
                                }
                            });
            record.renameEffects(moves);
            record.replace(renamed);
        }

        @Override
        List<String> columns(List<String> before) {
            if (before == null) {
                return null;
            }
            List<String> after = new ArrayList<>();
            for (String name : before) {
                String current = name;
                for (int i = 0; i < renamings.size(); i++) {
                    String target = target(i, current);
                    current = target != null ? target : current;
                }
                if (!after.contains(current)) {
                    after.add(current);
                }
            }
            return after;
        }
    }

    /** {@code head N}. */
    static final class Head extends Stage {
        private final int limit;
        private int passed;

        Head(int limit) {
            this.limit = limit;
        }

        @Override
        void push(Record record) {
            if (passed < limit) {
                passed++;
                next().push(record);
            }
        }

        @Override
        boolean done() {
            return passed >= limit;
        }
    }

    /** {@code dedup [N] fields}: keeps the first N results of each combination of values. */
    static final class Dedup extends Stage {
        private final List<String> fields;
        private final int keep;
        private final boolean keepEmpty;
        private final Map<List<List<String>>, Integer> seen = new HashMap<>();

        Dedup(List<String> fields, int keep, boolean keepEmpty) {
            this.fields = fields;
            this.keep = keep;
            this.keepEmpty = keepEmpty;
        }

        @Override
        void push(Record record) {
            List<List<String>> key = new ArrayList<>(fields.size());
            for (String field : fields) {
                FieldValue value = record.get(field);
                if (value == null) {
                    if (keepEmpty) {
                        next().push(record);
                    }
                    return;
                }
                key.add(value.strings());
            }
            int count = seen.merge(key, 1, Integer::sum);
            if (count <= keep) {
                next().push(record);
            }
        }
    }
}
