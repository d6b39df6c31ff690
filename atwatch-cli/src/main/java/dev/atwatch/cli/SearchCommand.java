package dev.atwatch.cli;

import dev.atwatch.correlate.ChainReport;
import dev.atwatch.correlate.Correlator;
import dev.atwatch.detect.Alert;
import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.output.AlertRows;
import dev.atwatch.output.JsonWriter;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.ResultWriter;
import dev.atwatch.output.TextTableWriter;
import dev.atwatch.output.hec.HecDelivery;
import dev.atwatch.output.html.HtmlReportWriter;
import dev.atwatch.output.html.ReportAlert;
import dev.atwatch.output.html.RunReport;
import dev.atwatch.output.html.RunReportJson;
import dev.atwatch.output.html.RunSummary;
import dev.atwatch.read.Input;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Semantics;
import dev.atwatch.suppress.Suppressions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code query} and {@code hunt} share: read inputs, run searches, print rows. */
abstract class SearchCommand implements Callable<Integer> {

    /** Rejections printed as they happen before the rest are only counted. */
    private static final int REJECTIONS_SHOWN = 5;

    @Mixin RunOptions run;

    @Option(
            names = "--macros",
            paramLabel = "FILE",
            description =
                    "expand `macro` references from FILE (lines: name = definition, or"
                            + " name(a, b) = definition with $a$; or macros.conf stanzas)")
    Path macrosFile;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "files or folders to read (recursively); - for standard input")
    List<String> paths;

    @Spec CommandSpec spec;

    /** Runs {@code rules}; {@code hunt} adds the {@code rule} and {@code source} columns. */
    int execute(List<Rule> rules, String aliasesText, boolean huntColumns) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Semantics semantics = run.semantics();
        String format = run.format();
        run.report.limits(); // a bad limit is a usage error before anything is read
        if (run.explain && format.equals("csv")) {
            throw new UsageException(
                    "--explain works with --format table, json, jsonl, html and run-json;"
                            + " csv has no place for it");
        }
        Output.checkWritable(run.output, "-o");
        Output.checkWritable(run.saveRun, "--save-run");
        List<CompiledRule> compiled = Detector.compile(rules, macros());
        if (!reportDiagnostics(compiled, err)) {
            return ExitCodes.USAGE;
        }
        double now = System.currentTimeMillis() / 1000.0;
        TimeRange range = TimeBound.range(run.earliest, run.latest, now);
        List<Input> inputs = InputOptions.inputs(paths);
        ExecutionOptions execution = executionOptions(semantics, aliasesText);
        int feedBuffer = run.takeFeedBuffer(); // before the input limits are read
        Detector detector =
                new Detector(
                        compiled,
                        execution,
                        run.input.profile(),
                        range,
                        run.threads(),
                        run.input.readers(),
                        feedBuffer);
        HecDelivery hec = run.hec.delivery(err, run.quiet);
        KafkaOptions.Sender kafka = run.kafka.sender(err, run.quiet);
        boolean drawProgress = !run.quiet && Main.terminal(spec).errors();
        Progress progress = Progress.start(drawProgress, err, inputs, listener(err));
        // events are kept for evidence only when an output shows them
        ExplainedRun evidence = new ExplainedRun(progress);
        RunListener listener = needsEvidence(format) ? evidence : progress;
        Correlator correlator = correlator();
        Detection detection;
        try {
            detection = detector.run(inputs, run.input.readOptions(), listener, correlator);
        } finally {
            progress.stop();
        }
        ChainReport chains = correlator == null ? null : correlator.finish();
        ChainNames chainNames = ChainNames.of(chains);

        SuppressionRun suppression =
                SuppressionRun.apply(suppressions(), detection, LocalDate.now());
        detection = suppression.kept();
        ResultTable table =
                huntColumns ? alertTable(detection, chains, chainNames) : queryTable(detection);
        ResultTable kept = table;
        if (showSuppressed()) {
            table = suppression.appendTo(table, chainNames::of);
        }
        List<ReportAlert> alerts =
                needsEvidence(format)
                        ? chainNames.name(
                                evidence.alerts(detection.alerts(), compiled, execution),
                                detection.alerts())
                        : List.of();
        List<ReportAlert> suppressed =
                needsEvidence(format)
                        ? suppression.reportAlerts(
                                chainNames.name(
                                        evidence.alerts(suppression.alerts(), compiled, execution),
                                        suppression.alerts()))
                        : List.of();
        writeResults(
                format,
                table,
                detection,
                alerts,
                suppressed,
                suppression.summary(suppressionsFile()),
                chains);
        if (!run.quiet) {
            Summary.print(detection, run.semantics, run.input.profile, err);
            suppression.printSummary(err);
            if (chains != null) {
                ChainTable.summarise(chains, err);
            }
        }
        boolean delivered = hec == null || hec.send(detection.alerts());
        if (kafka != null) {
            try (kafka) {
                delivered &= kafka.send(kept);
            }
        }
        if (!delivered) {
            return HecDelivery.EXIT_NOT_DELIVERED;
        }
        return run.failOnAlert && !detection.alerts().isEmpty() ? ExitCodes.ALERTS : ExitCodes.OK;
    }

    /** The correlator to feed every event to, or {@code null} for none (the default). */
    Correlator correlator() {
        return null;
    }

    /** The allowlist of the run; none by default. */
    Suppressions suppressions() {
        return Suppressions.none();
    }

    /** The file {@link #suppressions()} was read from, or {@code null} for none. */
    Path suppressionsFile() {
        return null;
    }

    /** Whether suppressed alerts are listed after the others. */
    boolean showSuppressed() {
        return false;
    }

    /** The collector to send alerts to, checked before the run; null without --hec-url. */
    private boolean needsEvidence(String format) {
        return run.explain
                || run.saveRun != null
                || format.equals("html")
                || format.equals("run-json");
    }

    /** Writes the results in {@code format}, and the run file when asked. */
    private void writeResults(
            String format,
            ResultTable table,
            Detection detection,
            List<ReportAlert> alerts,
            List<ReportAlert> suppressed,
            RunSummary.SuppressionFile suppressions,
            ChainReport chains)
            throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        RunReport report =
                !needsEvidence(format)
                        ? null
                        : new RunReport(
                                RunReport.VERSION,
                                ExplainedRun.summary(
                                        detection,
                                        spec.name(),
                                        run,
                                        paths,
                                        alerts,
                                        chains == null ? List.of() : chains.notes(),
                                        suppressions),
                                alerts,
                                suppressed,
                                chains == null ? null : ChainTable.forReport(chains));
        if (run.saveRun != null) {
            Output.write(run.saveRun, stdout, out -> RunReportJson.write(report, out));
        }
        if (format.equals("html")) {
            HtmlReportWriter html = new HtmlReportWriter(run.report.limits());
            Output.write(run.output, stdout, out -> html.write(report, out));
        } else if (format.equals("run-json")) {
            Output.write(run.output, stdout, out -> RunReportJson.write(report, out));
        } else if (format.startsWith("json")) {
            List<ReportAlert> rows = rowAlerts(alerts, suppressed);
            boolean lines = format.equals("jsonl");
            Output.write(run.output, stdout, out -> writeJson(table, rows, chains, lines, out));
        } else {
            ResultWriter writer = tableWriter(format);
            Output.write(
                    run.output,
                    stdout,
                    out -> {
                        writer.write(table, out);
                        if (chains != null) {
                            ChainTable.write(chains, writer, out);
                        }
                        if (run.explain) {
                            ExplainOutput.text(rowAlerts(alerts, suppressed), out);
                        }
                    });
        }
    }

    /** The alerts in the order of the table's rows: those kept, then the suppressed when shown. */
    private List<ReportAlert> rowAlerts(List<ReportAlert> alerts, List<ReportAlert> suppressed) {
        if (!showSuppressed() || suppressed.isEmpty()) {
            return alerts;
        }
        List<ReportAlert> rows = new ArrayList<>(alerts);
        rows.addAll(suppressed);
        return rows;
    }

    /**
     * The rows as JSON, each with its {@code explain} object under {@code --explain}: an array, or
     * with chains one document holding the alerts and the chains; or JSON lines.
     */
    private void writeJson(
            ResultTable table,
            List<ReportAlert> rows,
            ChainReport chains,
            boolean lines,
            Writer out)
            throws IOException {
        JsonWriter.RowWriter row =
                run.explain ? ExplainOutput.rows(table, rows) : JsonWriter.rows(table);
        int count = table.rows().size();
        if (chains == null) {
            JsonWriter.writeRows(JsonWriter.generator(out), out, lines, count, row);
        } else {
            ChainTable.writeJson(chains, count, row, lines, out);
        }
    }

    /**
     * The writer of {@code format}; a table for a terminal (standard output, no {@code -o}) is
     * fitted to its width unless {@code --wide}, and coloured unless {@code NO_COLOR} is set to a
     * non-empty value. A file or a pipe gets the whole table without colour.
     */
    private ResultWriter tableWriter(String format) {
        if (!format.equals("table")) {
            return ResultWriter.forFormat(format, 0);
        }
        Terminal terminal = Main.terminal(spec);
        boolean onTerminal = run.output == null && terminal.output();
        int width = onTerminal && !run.wide ? terminal.width() : 0;
        String noColor = RunOptions.environment.apply("NO_COLOR");
        boolean colour = onTerminal && (noColor == null || noColor.isEmpty());
        PrintWriter err = spec.commandLine().getErr();
        return new TextTableWriter(
                width,
                colour,
                (shown, total) -> {
                    if (!run.quiet) {
                        err.printf(
                                Locale.ROOT,
                                "note: %d of %d columns hidden to fit %d columns;"
                                        + " --wide or --format csv/json shows them all%n",
                                total - shown,
                                total,
                                width);
                        err.flush();
                    }
                });
    }

    /**
     * The macros of {@code --macros}: an unreadable file exits with code 3, a line that is not a
     * macro definition with code 2.
     */
    private Macros macros() {
        if (macrosFile == null) {
            return Macros.NONE;
        }
        String text = TextFiles.read("macros file", macrosFile);
        try {
            return Macros.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("macros file " + macrosFile + ", " + e.getMessage());
        }
    }

    static ExecutionOptions executionOptions(Semantics semantics, String aliasesText) {
        if (semantics == Semantics.SPLUNK) {
            return ExecutionOptions.splunk();
        }
        FieldAliases aliases =
                aliasesText == null ? FieldAliases.bundled() : FieldAliases.parse(aliasesText);
        return ExecutionOptions.portable(aliases);
    }

    /** Prints every diagnostic; returns false when a rule cannot run. */
    static boolean reportDiagnostics(List<CompiledRule> compiled, PrintWriter err) {
        boolean ok = true;
        for (CompiledRule rule : compiled) {
            List<Diagnostic> errors = new ArrayList<>();
            for (Diagnostic d : rule.diagnostics()) {
                if (d.severity() == dev.atwatch.spl.Severity.ERROR) {
                    errors.add(d);
                }
            }
            if (!rule.ok() || !errors.isEmpty()) {
                ok = false;
                err.println("error: the search of " + rule.rule().origin() + " does not parse:");
                for (Diagnostic d : errors) {
                    err.println(d.render(rule.rule().search()));
                }
            }
        }
        err.flush();
        return ok;
    }

    private RunListener listener(PrintWriter err) {
        AtomicLong shown = new AtomicLong();
        return new RunListener() {
            @Override
            public void rejected(Rejected rejected) {
                if (!run.quiet && shown.incrementAndGet() <= REJECTIONS_SHOWN) {
                    synchronized (err) {
                        err.println(message(rejected));
                        err.flush();
                    }
                }
            }

            @Override
            public void warning(Warning warning) {
                if (!run.quiet && shown.incrementAndGet() <= REJECTIONS_SHOWN) {
                    synchronized (err) {
                        err.println(message(warning));
                        err.flush();
                    }
                }
            }

            @Override
            public void inputSkipped(Input input, String why) {
                // Unknown formats are common in collected folders: the summary lists them.
                if (!run.quiet && why.startsWith("cannot read")) {
                    synchronized (err) {
                        err.println("warning: skipped input " + input.name() + ": " + why);
                        err.flush();
                    }
                }
            }
        };
    }

    /** The warning line telling of a record that could not be read. */
    static String message(Rejected rejected) {
        return "warning: skipped record at "
                + rejected.where().describeFully()
                + ": "
                + rejected.reason()
                + ": "
                + rejected.detail();
    }

    /** The warning line telling of damage a reader read past. */
    static String message(Warning warning) {
        return "warning: damage read past at "
                + warning.where().describe()
                + ": "
                + warning.reason()
                + ": "
                + warning.detail();
    }

    /** One rule's rows, in its own column order. */
    private static ResultTable queryTable(Detection detection) {
        Detection.RuleResults only = detection.results().get(0);
        List<Map<String, FieldValue>> rows = new ArrayList<>();
        for (Alert alert : detection.alerts()) {
            rows.add(alert.fields());
        }
        return new ResultTable(only.results().columns(), rows);
    }

    /**
     * Every rule's rows: {@code rule}, the union of the columns of the rules that gave rows, the
     * parsed at job's {@code Job*} fields when a row's command line is an at invocation, {@code
     * source}, and with chains {@code chain}.
     */
    private static ResultTable alertTable(
            Detection detection, ChainReport chains, ChainNames chainNames) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("rule");
        for (Detection.RuleResults rule : detection.results()) {
            if (!rule.results().rows().isEmpty()) {
                columns.addAll(rule.results().columns());
            }
        }
        List<Map<String, FieldValue>> rows = new ArrayList<>();
        Set<String> jobColumns = new LinkedHashSet<>();
        for (Alert alert : detection.alerts()) {
            Map<String, FieldValue> row = AlertRows.row(alert);
            jobColumns.addAll(alert.jobFields().keySet());
            String chain = chainNames.of(alert);
            if (chain != null) {
                row.put(ChainNames.COLUMN, FieldValue.of(chain));
            }
            rows.add(row);
        }
        columns.addAll(jobColumns);
        columns.add("source");
        if (chains != null) {
            columns.add(ChainNames.COLUMN);
        }
        return new ResultTable(List.copyOf(columns), rows);
    }
}
