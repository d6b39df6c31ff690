package dev.atwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.validate.ChainCoverage;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atwatch validate}: replays a manifest of test telemetry and prints the coverage. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Replay the telemetry of a manifest through the rule pack and print which rule"
                        + " detects each test in each telemetry source, and whether the job's"
                        + " creation, registration and execution were seen and linked into a"
                        + " chain. Exit 0 when every expected detection is found and every"
                        + " expected chain linked, 1 otherwise.",
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

    @Mixin RulePacks rules;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description =
                    "the replay manifest (default: examples/atomic/manifest.yaml of the"
                            + " installation)")
    Path manifest;

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
            description =
                    "with --rule-tests: the folder test paths are relative to (default: the"
                            + " installation, which holds examples/)")
    Path root;

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
        Path file = manifest != null ? manifest : defaultManifest();
        if (!Files.isRegularFile(file)) {
            throw new InputException("cannot read manifest " + file);
        }
        RulePack pack = pack();
        CoverageMatrix matrix;
        try {
            ReplayManifest replay = ReplayManifest.load(file);
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
            Path base = root != null ? root : installationRoot();
            outcomes = new RuleTestRun(execution(pack), profile()).run(pack.rules(), base);
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

    /**
     * The bundled manifest of the installation, else the one under the current folder.
     *
     * @throws InputException when neither exists
     */
    static Path defaultManifest() {
        Optional<Path> installed = Installation.find(DEFAULT_MANIFEST);
        if (installed.isPresent()) {
            return installed.get();
        }
        if (Files.isRegularFile(DEFAULT_MANIFEST)) {
            return DEFAULT_MANIFEST;
        }
        throw new InputException(
                "no replay manifest: "
                        + DEFAULT_MANIFEST
                        + " is neither in the installation nor under the current folder;"
                        + " give one with --manifest FILE");
    }

    /** The folder rule tests' paths are relative to: the installation's, else the current one. */
    static Path installationRoot() {
        return Installation.find(Path.of("examples"))
                .map(examples -> examples.getParent())
                .orElse(Path.of("."));
    }

    private RulePack pack() {
        return rules.load();
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
        printColumns(rows, out);
        out.println();
        out.println("Chains (creation, registration and execution of the job, linked as hunt");
        out.println(
                "--chains links them) in each source, and in all of a test's sources together:");
        out.println();
        printColumns(chainRows(matrix), out);
        out.println();
        out.println(summary(matrix));
    }

    private static List<String[]> chainRows(CoverageMatrix matrix) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                new String[] {
                    "test", "source", "created", "registered", "executed", "chain", "note"
                });
        for (ChainCoverage chain : matrix.chains()) {
            String status = chain.status();
            if (chain.expected()) {
                status = chain.missed() ? "MISSED (" + status + ")" : status + ", as expected";
            }
            rows.add(
                    new String[] {
                        chain.test(),
                        chain.source(),
                        seen(chain.created()),
                        seen(chain.registered()),
                        seen(chain.executed()),
                        status,
                        chain.note()
                    });
        }
        return rows;
    }

    private static String seen(boolean seen) {
        return seen ? "yes" : "no";
    }

    /** Prints rows in columns as wide as their widest cell; the last column is not padded. */
    private static void printColumns(List<String[]> rows, PrintWriter out) {
        int last = rows.get(0).length - 1;
        int[] widths = new int[last];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.println((line + row[last]).stripTrailing());
        }
    }

    static String summary(CoverageMatrix matrix) {
        long expected = matrix.cells().stream().filter(CoverageCell::expected).count();
        long missed = matrix.missed().size();
        long blind = matrix.cells().stream().filter(c -> c.verdict() == Verdict.BLIND).count();
        long chains = matrix.chains().stream().filter(ChainCoverage::expected).count();
        long unlinked = matrix.missedChains().size();
        return (expected - missed)
                + " of "
                + expected
                + " expected detections found, "
                + missed
                + " missed, "
                + blind
                + " blind source(s); "
                + (chains - unlinked)
                + " of "
                + chains
                + " expected chains linked";
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
        List<Map<String, Object>> chains = new ArrayList<>();
        for (ChainCoverage chain : matrix.chains()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("test", chain.test());
            row.put("source", chain.source());
            row.put("created", chain.created());
            row.put("registered", chain.registered());
            row.put("executed", chain.executed());
            row.put("chains", chain.chains());
            row.put("complete", chain.complete());
            row.put("status", chain.status());
            row.put("expected", chain.expected());
            row.put("missed", chain.missed());
            row.put("note", chain.note());
            chains.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("complete", matrix.complete());
        doc.put("summary", summary(matrix));
        doc.put("cells", cells);
        doc.put("chains", chains);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(json.writeValueAsString(doc));
    }
}
