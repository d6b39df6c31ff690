package dev.atwatch.detect;

import dev.atwatch.correlate.Correlator;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Profile;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.RecordFilter;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.spl.EventFilter;
import dev.atwatch.spl.Execution;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Results;
import dev.atwatch.spl.Row;
import dev.atwatch.spl.Spl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs compiled rules over inputs: inputs are read in parallel, each event is filtered by every
 * rule's first search on the reading thread, and the events that pass are fed to each rule's
 * pipeline in input order, so results do not depend on thread timing.
 */
public final class Detector {

    private final List<CompiledRule> rules;
    private final ExecutionOptions execution;
    private final Profile profile;
    private final TimeRange range;
    private final int threads;
    private final Readers readers;

    /**
     * @param rules rules that compiled ({@link CompiledRule#ok()})
     * @param threads how many inputs to read at once (at least 1)
     * @param readers the readers to sniff inputs with
     */
    public Detector(
            List<CompiledRule> rules,
            ExecutionOptions execution,
            Profile profile,
            TimeRange range,
            int threads,
            Readers readers) {
        for (CompiledRule rule : rules) {
            if (!rule.ok()) {
                throw new IllegalArgumentException("rule " + rule.rule().id() + " has errors");
            }
        }
        this.rules = List.copyOf(rules);
        this.execution = execution;
        this.profile = profile;
        this.range = range;
        this.threads = Math.max(1, threads);
        this.readers = readers;
    }

    /** Compiles each rule's search; rules with errors carry their diagnostics. */
    public static List<CompiledRule> compile(List<Rule> rules, Macros macros) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : rules) {
            var result = Spl.compile(rule.search(), macros);
            Query query = result.ok() ? result.query().orElse(null) : null;
            compiled.add(new CompiledRule(rule, query, result.diagnostics()));
        }
        return compiled;
    }

    /** Reads every input and runs every rule; bad records are counted, never thrown. */
    public Detection run(List<Input> inputs, ReadOptions options, RunListener listener) {
        return run(inputs, options, listener, null);
    }

    /**
     * Reads every input and runs every rule, and gives {@code correlator} (when not null) every
     * event in the time range, named by the profile. The correlator needs events no rule looks at,
     * so the rules' byte prefilter is not applied in that case.
     */
    public Detection run(
            List<Input> inputs, ReadOptions options, RunListener listener, Correlator correlator) {
        long start = System.nanoTime();
        RunStats stats = new RunStats();
        List<Execution> executions = new ArrayList<>();
        List<EventFilter> filters = new ArrayList<>();
        for (CompiledRule rule : rules) {
            executions.add(rule.query().start(execution));
            filters.add(rule.query().filter(execution));
        }
        OrderedFeed feed = new OrderedFeed(inputs.size(), executions);
        RecordFilter filter = correlator == null ? recordFilter() : RecordFilter.ALL;
        ReadOptions filtered = options.withFilter(filter);
        readAll(inputs, filtered, listener, stats, filters, feed, correlator);

        List<Detection.RuleResults> results = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        Map<String, Long> aliasHits = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i).rule();
            Results result = executions.get(i).finish();
            results.add(new Detection.RuleResults(rule, result));
            result.rows().forEach(row -> alerts.add(toAlert(rule, result, row)));
            result.aliasHits().forEach((alias, n) -> aliasHits.merge(alias, n, Long::sum));
        }
        return new Detection(results, alerts, stats, aliasHits, System.nanoTime() - start);
    }

    /**
     * A record passes when any rule's prefilter passes it; when some rule's prefilter passes
     * everything, so does the combination.
     */
    RecordFilter recordFilter() {
        List<RecordFilter> prefilters = new ArrayList<>();
        for (CompiledRule rule : rules) {
            RecordFilter prefilter = rule.query().prefilter();
            if (prefilter.acceptsEverything()) {
                return RecordFilter.ALL;
            }
            prefilters.add(prefilter);
        }
        if (prefilters.isEmpty()) {
            return RecordFilter.ALL;
        }
        return new RecordFilter() {
            @Override
            public boolean acceptsEverything() {
                return false;
            }

            @Override
            public boolean mayMatch(Encoding encoding, byte[] bytes, int offset, int length) {
                for (RecordFilter prefilter : prefilters) {
                    if (prefilter.mayMatch(encoding, bytes, offset, length)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    private void readAll(
            List<Input> inputs,
            ReadOptions options,
            RunListener listener,
            RunStats stats,
            List<EventFilter> filters,
            OrderedFeed feed,
            Correlator correlator) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size() + 1));
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                int index = i;
                Input input = inputs.get(i);
                tasks.add(
                        pool.submit(
                                () ->
                                        readOne(
                                                index,
                                                input,
                                                options,
                                                listener,
                                                stats,
                                                filters,
                                                feed,
                                                correlator)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading inputs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reader failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void readOne(
            int index,
            Input input,
            ReadOptions options,
            RunListener listener,
            RunStats stats,
            List<EventFilter> filters,
            OrderedFeed feed,
            Correlator correlator) {
        try {
            Readers.Sniff sniff = readers.sniff(input);
            Optional<EventReader> reader = sniff.reader();
            if (reader.isEmpty()) {
                String why =
                        sniff instanceof Readers.Sniff.Empty ? "empty input" : "unknown format";
                skip(input, why, listener, stats);
                return;
            }
            stats.input(reader.get().name());
            listener.inputStarted(input, reader.get().name());
            Sink sink = new Sink(index, listener, stats, filters, feed, correlator);
            reader.get().read(sniff.input(), options, sink);
        } catch (IOException e) {
            skip(input, "cannot read: " + e.getMessage(), listener, stats);
        } finally {
            feed.complete(index);
        }
    }

    private static void skip(Input input, String why, RunListener listener, RunStats stats) {
        stats.skippedInput(input.name(), why);
        listener.inputSkipped(input, why);
    }

    private static Alert toAlert(Rule rule, Results result, Row row) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (String column : result.columns()) {
            FieldValue value = row.get(column);
            if (value != null) {
                fields.put(column, value);
            }
        }
        return new Alert(rule, fields, row.provenance());
    }

    /** Receives one input's records on its reading thread. */
    private final class Sink implements RecordSink {
        private final int index;
        private final RunListener listener;
        private final RunStats stats;
        private final List<EventFilter> filters;
        private final OrderedFeed feed;
        private final Correlator correlator;

        Sink(
                int index,
                RunListener listener,
                RunStats stats,
                List<EventFilter> filters,
                OrderedFeed feed,
                Correlator correlator) {
            this.index = index;
            this.listener = listener;
            this.stats = stats;
            this.filters = filters;
            this.feed = feed;
            this.correlator = correlator;
        }

        @Override
        public void event(Event event) {
            stats.event();
            listener.eventRead();
            Event named = profile.apply(event);
            if (!range.contains(named.time())) {
                stats.outOfRange();
                return;
            }
            if (correlator != null) {
                correlator.accept(named);
            }
            for (int rule = 0; rule < filters.size(); rule++) {
                if (filters.get(rule).test(named)) {
                    listener.matched(rules.get(rule).rule(), named);
                    feed.offer(index, rule, named);
                }
            }
        }

        @Override
        public void prefiltered(long records) {
            stats.prefiltered(records);
        }

        @Override
        public void rejected(Rejected rejected) {
            stats.rejected(rejected);
            listener.rejected(rejected);
        }

        @Override
        public void warning(Warning warning) {
            stats.warning(warning);
        }

        @Override
        public void progress(long bytes) {
            stats.bytes(bytes);
            listener.progress(bytes);
        }
    }

    /**
     * Feeds matched events to the rules' pipelines in input order: the earliest unfinished input
     * feeds directly, later inputs buffer their (rare) matches until their turn.
     */
    private static final class OrderedFeed {
        private final List<Execution> executions;
        private final List<List<Object[]>> buffers = new ArrayList<>();
        private final boolean[] done;
        private int current;

        OrderedFeed(int inputs, List<Execution> executions) {
            this.executions = executions;
            this.done = new boolean[inputs];
            for (int i = 0; i < inputs; i++) {
                buffers.add(new ArrayList<>());
            }
        }

        synchronized void offer(int input, int rule, Event event) {
            if (input == current) {
                accept(rule, event);
            } else {
                buffers.get(input).add(new Object[] {rule, event});
            }
        }

        synchronized void complete(int input) {
            done[input] = true;
            while (current < done.length && done[current]) {
                current++;
                if (current < done.length) {
                    flush(current);
                }
            }
        }

        private void flush(int input) {
            for (Object[] item : buffers.get(input)) {
                accept((Integer) item[0], (Event) item[1]);
            }
            buffers.set(input, new ArrayList<>());
        }

        private void accept(int rule, Event event) {
            Execution execution = executions.get(rule);
            if (execution.wantsMore()) {
                execution.accept(event);
            }
        }
    }
}
