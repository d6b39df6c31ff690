package dev.atwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RulePackException;
import dev.atwatch.detect.validate.CoverageCell;
import dev.atwatch.detect.validate.CoverageMatrix;
import dev.atwatch.detect.validate.ManifestException;
import dev.atwatch.detect.validate.Replay;
import dev.atwatch.detect.validate.ReplayManifest;
import dev.atwatch.detect.validate.RuleRun;
import dev.atwatch.detect.validate.RuleTestRun;
import dev.atwatch.detect.validate.Verdict;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Semantics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atwatch validate}: replays a manifest of test telemetry and prints the coverage. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Replay the telemetry of a manifest through the rule pack and print which rule"
                        + " detects each test in each telemetry source. Exit 0 when every"
                        + " expected detection is found, 1 otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch validate",
            "  atwatch validate --manifest examples/atomic/manifest.yaml --format json",
            "  atwatch validate --rules my-rules/ --semantics splunk",
            "  atwatch validate --rule-tests"
        })
final class ValidateCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("table", "json");

    static final Path DEFAULT_MANIFEST = Path.of("examples", "atomic", "manifest.yaml");

    @Option(
            names = "--rules",
            paramLabel = "DIR|FILE",
            description = "a rule pack folder or one rule file (default: the bundled pack)")
    Path rules;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description = "the replay manifest (default: ${DEFAULT-VALUE})")
    Path manifest = DEFAULT_MANIFEST;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FORMAT",
            completionCandidates = CompletionCandidates.ValidateFormats.class,
            description = "table or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--semantics",
            defaultValue = "portable",
            paramLabel = "MODE",
            completionCandidates = CompletionCandidates.SemanticsModes.class,
            description = "splunk or portable (default: ${DEFAULT-VALUE})")
    String semantics;

    @Option(
            names = "--profile",
            defaultValue = "ta-windows-legacy",
            paramLabel = "PROFILE",
            completionCandidates = CompletionCandidates.Profiles.class,
            description = "ta-windows-legacy or ta-windows-8 (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(
            names = "--rule-tests",
            description = "run each rule's own tests: entries instead and check their row counts")
    boolean ruleTests;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "with --rule-tests: the folder test paths are relative to (default: .)")
    Path root = Path.of(".");

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String shape = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(shape)) {
            throw new UsageException(
                    "invalid value for --format: '" + format + "'; expected table or json");
        }
        if (ruleTests) {
            return runRuleTests(shape);
        }
        if (!Files.isRegularFile(manifest)) {
            throw new InputException("cannot read manifest " + manifest);
        }
        RulePack pack = pack();
        CoverageMatrix matrix;
        try {
            ReplayManifest replay = ReplayManifest.load(manifest);
            RuleRun run = new RuleRun(pack.rules(), execution(pack), profile());
            matrix = new Replay(run).run(replay);
        } catch (ManifestException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (shape.equals("json")) {
            printJson(matrix, out);
        } else {
            printTable(matrix, out);
        }
        out.flush();
        return matrix.complete() ? ExitCodes.OK : ExitCodes.ALERTS;
    }

    private int runRuleTests(String shape) throws IOException {
        RulePack pack = pack();
        List<RuleTestRun.Outcome> outcomes;
        try {
            outcomes = new RuleTestRun(execution(pack), profile()).run(pack.rules(), root);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        if (shape.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", failed == 0);
            doc.put("outcomes", outcomes);
            out.println(
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(doc));
        } else {
            for (RuleTestRun.Outcome o : outcomes) {
                String verdict = o.passed() ? "ok  " : "FAIL";
                String actual = o.problem() != null ? o.problem() : o.actual() + " row(s)";
                out.println(
                        verdict
                                + "  "
                                + o.rule()
                                + "  "
                                + o.data()
                                + "  expected "
                                + o.expected()
                                + ", got "
                                + actual);
            }
            out.println();
            out.println(
                    (outcomes.size() - failed) + " of " + outcomes.size() + " rule tests passed");
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.ALERTS;
    }

    private RulePack pack() {
        try {
            return rules == null ? RulePack.bundled() : RulePack.load(rules);
        } catch (RulePackException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ExecutionOptions execution(RulePack pack) {
        Semantics mode;
        try {
            mode = Semantics.byId(semantics);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "invalid value for --semantics: '"
                            + semantics
                            + "'; expected splunk or portable");
        }
        if (mode == Semantics.SPLUNK) {
            return ExecutionOptions.splunk();
        }
        String aliases = pack.aliasesText();
        return ExecutionOptions.portable(
                aliases == null ? FieldAliases.bundled() : FieldAliases.parse(aliases));
    }

    private Profile profile() {
        try {
            return Profile.byId(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for --profile: " + e.getMessage());
        }
    }

    /** The result column: {@code detected (score N)}, {@code blind} or {@code MISSED}. */
    static String result(CoverageCell cell) {
        if (cell.verdict() == Verdict.BLIND) {
            return "blind";
        }
        if (cell.verdict() == Verdict.MISSED) {
            return "MISSED";
        }
        String score = cell.maxScore() == null ? "" : " (score " + number(cell.maxScore()) + ")";
        return (cell.expected() ? "detected" : "also detected") + score;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void printTable(CoverageMatrix matrix, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "source", "rule", "result", "rows", "note"});
        for (CoverageCell cell : matrix.cells()) {
            rows.add(
                    new String[] {
                        cell.test(),
                        cell.source(),
                        cell.rule() == null ? "-" : cell.rule(),
                        result(cell),
                        String.valueOf(cell.rows()),
                        cell.note() == null ? "" : cell.note()
                    });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println((line + row[5]).stripTrailing());
        }
        out.println();
        out.println(summary(matrix));
    }

    static String summary(CoverageMatrix matrix) {
        long expected = matrix.cells().stream().filter(CoverageCell::expected).count();
        long missed = matrix.missed().size();
        long blind = matrix.cells().stream().filter(c -> c.verdict() == Verdict.BLIND).count();
        return (expected - missed)
                + " of "
                + expected
                + " expected detections found, "
                + missed
                + " missed, "
                + blind
                + " blind source(s)";
    }

    private static void printJson(CoverageMatrix matrix, PrintWriter out) throws IOException {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CoverageCell cell : matrix.cells()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("test", cell.test());
            row.put("source", cell.source());
            row.put("rule", cell.rule());
            row.put("verdict", cell.verdict().name().toLowerCase(Locale.ROOT));
            row.put("expected", cell.expected());
            row.put("rows", cell.rows());
            row.put("maxScore", cell.maxScore());
            row.put("note", cell.note());
            cells.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("complete", matrix.complete());
        doc.put("summary", summary(matrix));
        doc.put("cells", cells);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(json.writeValueAsString(doc));
    }
}
