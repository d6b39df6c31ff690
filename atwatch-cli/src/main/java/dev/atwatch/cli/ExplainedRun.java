package dev.atwatch.cli;

import dev.atwatch.atjob.AtJobResult;
import dev.atwatch.atjob.AtJobs;
import dev.atwatch.atjob.JobProblem;
import dev.atwatch.detect.Alert;
import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.RunStats;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.output.Values;
import dev.atwatch.output.html.Explanation;
import dev.atwatch.output.html.ReportAlert;
import dev.atwatch.output.html.RunSummary;
import dev.atwatch.read.Input;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.spl.ExecutionOptions;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the events that passed a rule's first search while a run goes, so that each alert can be
 * shown with its raw event and explained afterwards. At most {@link #MAX_EVENTS} events are kept;
 * alerts past that are shown without their raw event and search branch. Other listener calls go to
 * the listener it wraps.
 */
final class ExplainedRun implements RunListener {

    /** Most events kept for evidence in one run. */
    static final long MAX_EVENTS = 50_000;

    private final RunListener next;
    private final Map<Key, Event> events = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();

    private record Key(String rule, Provenance provenance) {}

    ExplainedRun(RunListener next) {
        this.next = next;
    }

    @Override
    public void matched(Rule rule, Event event) {
        next.matched(rule, event);
        if (event.provenance() != null && kept.incrementAndGet() <= MAX_EVENTS) {
            events.put(new Key(rule.id(), event.provenance()), event);
        }
    }

    @Override
    public void inputStarted(Input input, String format) {
        next.inputStarted(input, format);
    }

    @Override
    public void inputSkipped(Input input, String why) {
        next.inputSkipped(input, why);
    }

    @Override
    public void progress(long bytes) {
        next.progress(bytes);
    }

    @Override
    public void rejected(Rejected rejected) {
        next.rejected(rejected);
    }

    @Override
    public void warning(Warning warning) {
        next.warning(warning);
    }

    @Override
    public void eventRead() {
        next.eventRead();
    }

    /** Every alert with its evidence and explanation, in alert order. */
    List<ReportAlert> alerts(
            List<Alert> alerts, List<CompiledRule> rules, ExecutionOptions options) {
        Map<String, CompiledRule> byId = new HashMap<>();
        rules.forEach(rule -> byId.put(rule.rule().id(), rule));
        Explainer explainer = new Explainer(options);
        List<ReportAlert> out = new ArrayList<>();
        for (Alert alert : alerts) {
            Event event = eventOf(alert);
            Explanation explanation =
                    explainer.explain(byId.get(alert.rule().id()).query(), alert, event);
            out.add(toReport(alert, event, explanation));
        }
        return out;
    }

    /** The event {@code alert} came from, when it was kept. */
    Event eventOf(Alert alert) {
        return alert.provenance() == null
                ? null
                : events.get(new Key(alert.rule().id(), alert.provenance()));
    }

    /**
     * The run's summary as a report shows it, with {@code moreNotes} after the rules' notes; {@code
     * suppressions} is what the run's suppression file held back, or {@code null} when it had none.
     */
    static RunSummary summary(
            Detection detection,
            String command,
            RunOptions run,
            List<String> paths,
            List<ReportAlert> alerts,
            List<String> moreNotes,
            RunSummary.SuppressionFile suppressions) {
        RunStats stats = detection.stats();
        List<RunSummary.Rejection> rejections = new ArrayList<>();
        for (RunStats.Reason reason : stats.reasons()) {
            rejections.add(
                    new RunSummary.Rejection(
                            reason.code(), reason.count(), reason.firstLocations()));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Detection.RuleResults rule : detection.results()) {
            rows.put(rule.rule().id(), (long) rule.results().rows().size());
            names.put(rule.rule().id(), rule.rule().name());
            rule.results().notes().forEach(note -> notes.add(rule.rule().id() + ": " + note));
        }
        detection
                .aliasHits()
                .forEach((alias, n) -> notes.add("alias " + alias + " changed " + n + " event(s)"));
        notes.addAll(moreNotes);
        for (RunStats.Reason warning : stats.warnings()) {
            notes.add(
                    "warning "
                            + warning.code()
                            + ": "
                            + warning.count()
                            + ", first at "
                            + warning.firstLocations().get(0));
        }
        DoubleSummaryStatistics times =
                alerts.stream()
                        .filter(a -> a.time() != null)
                        .mapToDouble(ReportAlert::time)
                        .summaryStatistics();
        boolean timed = times.getCount() > 0;
        return new RunSummary(
                Values.isoTime(System.currentTimeMillis() / 1000.0),
                command,
                run.semantics,
                run.input.profile,
                paths,
                stats.formats(),
                stats.inputs(),
                stats.bytes(),
                stats.records(),
                stats.events(),
                stats.rejected(),
                rejections,
                stats.skippedInputs(),
                run.earliest,
                run.latest,
                timed ? Values.isoTime(times.getMin()) : null,
                timed ? Values.isoTime(times.getMax()) : null,
                detection.elapsedNanos() / 1e9,
                rows,
                notes,
                names,
                suppressions);
    }

    static ReportAlert toReport(Alert alert, Event event, Explanation explanation) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        alert.fields().forEach((name, value) -> fields.put(name, shown(name, value)));
        AtJobResult job = atJob(alert, event);
        List<String> notes = new ArrayList<>();
        for (JobProblem problem : job.problems()) {
            notes.add(problem.code() + ": " + problem.detail());
        }
        if (job instanceof AtJobResult.NotAJob not) {
            notes.add(not.reason());
        }
        Rule rule = alert.rule();
        return new ReportAlert(
                rule.id(),
                rule.name(),
                rule.severity(),
                time(alert, event),
                fields,
                alert.sourceText(),
                event == null ? null : event.raw(),
                explanation,
                job.asJob().map(j -> j.alertFields()).orElse(Map.of()),
                notes,
                null);
    }

    private static List<String> shown(String name, FieldValue value) {
        if (value instanceof FieldValue.MultiValue multi) {
            return multi.values();
        }
        return List.of(Values.text(name, value, "; "));
    }

    private static AtJobResult atJob(Alert alert, Event event) {
        String commandLine = first(alert, event, "CommandLine", "Process_Command_Line");
        if (commandLine == null) {
            return new AtJobResult.NotAJob("no command line");
        }
        String image = first(alert, event, "Image", "NewProcessName", "New_Process_Name", "exe");
        return AtJobs.parse(commandLine, image);
    }

    private static String first(Alert alert, Event event, String... names) {
        for (String name : names) {
            FieldValue value = alert.fields().get(name);
            if (value == null && event != null) {
                value = event.get(name);
            }
            if (value != null) {
                return value.asString();
            }
        }
        return null;
    }

    private static Double time(Alert alert, Event event) {
        FieldValue value = alert.fields().get(Event.TIME);
        if (value instanceof FieldValue.Number n) {
            return n.value();
        }
        if (event != null && !Double.isNaN(event.time())) {
            return event.time();
        }
        return null;
    }
}
