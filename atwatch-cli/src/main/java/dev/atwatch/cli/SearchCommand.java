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
import dev.atwatch.event.Provenance;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.ResultWriter;
import dev.atwatch.read.Input;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Semantics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
            description = "expand `macro` references from FILE (lines: name = definition)")
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
        List<CompiledRule> compiled = Detector.compile(rules, macros());
        if (!reportDiagnostics(compiled, err)) {
            return ExitCodes.USAGE;
        }
        List<Input> inputs = InputOptions.inputs(paths);
        double now = System.currentTimeMillis() / 1000.0;
        TimeRange range =
                new TimeRange(
                        TimeBound.parse("--earliest", run.earliest, now),
                        TimeBound.parse("--latest", run.latest, now));
        ExecutionOptions execution = executionOptions(semantics, aliasesText);
        Detector detector =
                new Detector(
                        compiled,
                        execution,
                        run.input.profile(),
                        range,
                        run.threads(),
                        InputOptions.readers());
        Correlator correlator = correlator();
        Detection detection =
                detector.run(inputs, run.input.readOptions(), listener(err), correlator);
        ChainReport chains = correlator == null ? null : correlator.finish();

        ResultTable table = huntColumns ? alertTable(detection, chains) : queryTable(detection);
        int width = run.wide ? 0 : Output.terminalWidth();
        ResultWriter writer = ResultWriter.forFormat(format, width);
        Output.write(
                run.output,
                spec.commandLine().getOut(),
                out -> {
                    writer.write(table, out);
                    if (chains != null) {
                        ChainTable.write(chains, writer, format, out);
                    }
                });
        if (!run.quiet) {
            Summary.print(detection, run.semantics, run.input.profile, err);
            if (chains != null) {
                ChainTable.summarise(chains, err);
            }
        }
        return run.failOnAlert && !detection.alerts().isEmpty() ? ExitCodes.ALERTS : ExitCodes.OK;
    }

    /** The correlator to feed every event to, or {@code null} for none (the default). */
    Correlator correlator() {
        return null;
    }

    private Macros macros() throws IOException {
        if (macrosFile == null) {
            return Macros.NONE;
        }
        if (!Files.isReadable(macrosFile)) {
            throw new InputException("cannot read macros file " + macrosFile);
        }
        return Macros.parse(Files.readString(macrosFile, StandardCharsets.UTF_8));
    }

    private static ExecutionOptions executionOptions(Semantics semantics, String aliasesText) {
        if (semantics == Semantics.SPLUNK) {
            return ExecutionOptions.splunk();
        }
        FieldAliases aliases =
                aliasesText == null ? FieldAliases.bundled() : FieldAliases.parse(aliasesText);
        return ExecutionOptions.portable(aliases);
    }

    /** Prints every diagnostic; returns false when a rule cannot run. */
    private static boolean reportDiagnostics(List<CompiledRule> compiled, PrintWriter err) {
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
                        err.println(
                                "warning: skipped record at "
                                        + rejected.where().describe()
                                        + ": "
                                        + rejected.reason()
                                        + ": "
                                        + rejected.detail());
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
     * Every rule's rows: {@code rule}, the union of the rules' columns, {@code source}, and with
     * chains a {@code chain} column naming the chain whose creation the alert's event is.
     */
    private static ResultTable alertTable(Detection detection, ChainReport chains) {
        Map<Provenance, String> chainIds =
                chains == null ? Map.of() : Correlator.chainsByCreation(chains.chains());
        Set<String> columns = new LinkedHashSet<>();
        columns.add("rule");
        detection.results().forEach(r -> columns.addAll(r.results().columns()));
        columns.add("source");
        if (chains != null) {
            columns.add("chain");
        }
        List<Map<String, FieldValue>> rows = new ArrayList<>();
        for (Alert alert : detection.alerts()) {
            Map<String, FieldValue> row = new LinkedHashMap<>();
            row.put("rule", FieldValue.of(alert.rule().id()));
            row.putAll(alert.fields());
            String source = alert.sourceText();
            if (!source.isEmpty()) {
                row.put("source", FieldValue.of(source));
            }
            String chain = alert.provenance() == null ? null : chainIds.get(alert.provenance());
            if (chain != null) {
                row.put("chain", FieldValue.of(chain));
            }
            rows.add(row);
        }
        return new ResultTable(List.copyOf(columns), rows);
    }
}
