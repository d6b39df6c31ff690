package dev.atwatch.flink;

import dev.atwatch.detect.Alert;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RulePackException;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.event.Provenance;
import dev.atwatch.follow.NewAlerts;
import dev.atwatch.output.AlertRows;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches one host's records, as {@code atwatch follow} searches a machine's logs: the records of
 * a host are held in keyed state; at every interval boundary of the records' time the rule pack
 * runs over those of the last span (each topic read as one input, in order), and the alerts not
 * reported before are emitted. A record leaves the state once it is older than the span and two
 * searches have read it, and so has the record after it from the same topic; an alert is new when
 * its row was not in the previous search and its record had been read by at most one search before.
 * Rows of several events are reported again when they change. Rejected records are counted (metric
 * {@code rejectedRecords}) and logged once; a topic's records in no format atwatch reads are
 * counted per search ({@code unknownFormatSearches}) and logged once.
 */
public final class HostSearch extends KeyedProcessFunction<String, LogRecord, AlertMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(HostSearch.class);

    private final JobSettings settings;
    private transient Detector detector;
    private transient ListState<LogRecord> buffer;
    private transient ListState<String> previousKeys;
    private transient Counter rejected;
    private transient Counter skippedSources;

    /** Topics whose records were found in no known format, logged once per subtask. */
    private transient Set<String> skippedTold;

    public HostSearch(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws RulePackException {
        RulePack pack =
                settings.rules() == null
                        ? RulePack.bundled()
                        : RulePack.load(Path.of(settings.rules()));
        ExecutionOptions execution =
                "splunk".equals(settings.semantics())
                        ? ExecutionOptions.splunk()
                        : ExecutionOptions.portable(
                                pack.aliasesText() == null
                                        ? FieldAliases.bundled()
                                        : FieldAliases.parse(pack.aliasesText()));
        detector =
                new Detector(
                        Detector.compile(pack.rules(), Macros.NONE),
                        execution,
                        Profile.TA_WINDOWS_LEGACY,
                        TimeRange.ALL,
                        1,
                        Readers.standard());
        buffer =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("records", LogRecord.class));
        previousKeys =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("reported", String.class));
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedRecords");
        skippedSources = getRuntimeContext().getMetricGroup().counter("unknownFormatSearches");
        skippedTold = new HashSet<>();
    }

    @Override
    public void processElement(LogRecord record, Context context, Collector<AlertMessage> out)
            throws Exception {
        buffer.add(record);
        long interval = settings.intervalMillis();
        context.timerService().registerEventTimeTimer((record.arrived / interval + 1) * interval);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<AlertMessage> out)
            throws Exception {
        List<LogRecord> records = new ArrayList<>();
        buffer.get().forEach(records::add);
        if (records.isEmpty()) {
            return;
        }
        records.sort(
                Comparator.comparing((LogRecord r) -> r.source)
                        .thenComparingLong(r -> r.arrived)
                        .thenComparingInt(r -> r.partition)
                        .thenComparingLong(r -> r.offset));
        Map<String, Lines> inputs = new LinkedHashMap<>();
        for (LogRecord record : records) {
            inputs.computeIfAbsent(record.source, Lines::new).add(record);
        }
        List<Input> search = new ArrayList<>();
        inputs.values().forEach(lines -> search.add(lines.input()));
        Detection detection = detector.run(search, ReadOptions.DEFAULTS, new Problems(inputs));
        Set<String> reported = new HashSet<>();
        previousKeys.get().forEach(reported::add);
        NewAlerts.Selection selection =
                NewAlerts.select(
                        detection.alerts(),
                        reported,
                        alert -> {
                            LogRecord record = locate(inputs, alert.provenance());
                            return record == null
                                    ? null
                                    : new NewAlerts.Place(
                                            record.location(),
                                            record.searches,
                                            new Provenance(record.location(), 0, 0, -1));
                        });
        for (Alert alert : selection.fresh()) {
            out.collect(new AlertMessage(alert.rule().id(), AlertRows.json(alert)));
        }
        previousKeys.update(new ArrayList<>(selection.keys()));
        List<LogRecord> kept = keep(records, timestamp - settings.spanMillis());
        buffer.update(kept);
        if (!kept.isEmpty()) {
            context.timerService().registerEventTimeTimer(timestamp + settings.intervalMillis());
        }
    }

    /**
     * The records that stay, each counted as read once more: a record older than {@code before}
     * leaves once two searches have read it and the next record of its topic too.
     */
    private static List<LogRecord> keep(List<LogRecord> records, long before) {
        List<LogRecord> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LogRecord record = records.get(i);
            record.searches++;
            boolean nextSeenTwice =
                    i + 1 >= records.size()
                            || !records.get(i + 1).source.equals(record.source)
                            || records.get(i + 1).searches + 1 >= 2;
            if (record.arrived < before && record.searches >= 2 && nextSeenTwice) {
                continue;
            }
            kept.add(record);
        }
        return kept;
    }

    private static LogRecord locate(Map<String, Lines> inputs, Provenance where) {
        if (where == null || where.line() <= 0) {
            return null;
        }
        Lines lines = inputs.get(where.input());
        return lines == null ? null : lines.recordAt(where.line());
    }

    /** One topic's records as one input: each record's text a line (or several), in order. */
    private static final class Lines {
        private final String source;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private final List<LogRecord> records = new ArrayList<>();
        private final List<Long> firstLines = new ArrayList<>();
        private long nextLine = 1;

        Lines(String source) {
            this.source = source;
        }

        void add(LogRecord record) {
            String body = record.text.stripTrailing();
            byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
            records.add(record);
            firstLines.add(nextLine);
            text.writeBytes(bytes);
            nextLine += body.chars().filter(c -> c == '\n').count() + 1;
        }

        Input input() {
            return new TextInput(source, text.toByteArray());
        }

        /** The record holding line {@code line}. */
        LogRecord recordAt(long line) {
            int low = 0;
            int high = firstLines.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (firstLines.get(middle) <= line) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            return records.isEmpty() ? null : records.get(low);
        }
    }

    /** Counts rejected records and logs them, once each: by the search that reads them second. */
    private final class Problems implements RunListener {
        private final Map<String, Lines> inputs;

        Problems(Map<String, Lines> inputs) {
            this.inputs = inputs;
        }

        @Override
        public void inputSkipped(Input input, String why) {
            skippedSources.inc();
            if (skippedTold.add(input.name())) {
                LOG.warn("records of {} are not searched: {}", input.name(), why);
            }
        }

        @Override
        public void rejected(Rejected problem) {
            LogRecord record = locate(inputs, problem.where());
            if (record != null && record.searches == 1) {
                rejected.inc();
                LOG.warn(
                        "skipped record at {}: {}: {}",
                        record.location(),
                        problem.reason(),
                        problem.detail());
            }
        }
    }
}
