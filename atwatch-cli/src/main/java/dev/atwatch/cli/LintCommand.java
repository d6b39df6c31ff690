package dev.atwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.lint.DataProbe;
import dev.atwatch.detect.lint.LintCode;
import dev.atwatch.detect.lint.LintReport;
import dev.atwatch.detect.lint.Linter;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atwatch lint}: shows where a search is blind and writes the fixed search. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Show where an SPL search is blind on real Splunk deployments (renamed sourcetypes,"
                    + " classic field names, fields no format has, case-sensitive paths, sort's"
                    + " row cap, ...), each with a stable code, line, column and a caret.",
            "With --fix, print the search rewritten to work under both add-on namings and on"
                    + " classic and XML events (findings then go to standard error).",
            "With --data, also run each top-level OR branch of the first search over the data"
                    + " (--semantics splunk) and report the branches that match nothing, and the"
                    + " aliases that change the result under --semantics portable."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no finding",
            "  1  findings (errors or warnings)",
            "  2  usage error, or a search that does not parse",
            "  3  a search file or --data path that is missing or unreadable",
            "",
            "Examples:",
            "  atwatch lint ../shared/spl/seed-query.spl",
            "  atwatch lint --rule t1053-002-reference --profile ta-windows-8 --fix > f.spl",
            "  atwatch lint --format json my-search.spl --data examples/windows/"
        })
final class LintCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("text", "json");

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a file holding the search")
    Path file;

    @Option(names = "--rule", paramLabel = "ID", description = "lint the search of rule ID")
    String ruleId;

    @Option(
            names = "--rules",
            paramLabel = "DIR|FILE",
            description = "the rule pack of --rule (default: the bundled pack)")
    Path rules;

    @Option(names = "--fix", description = "print the rewritten search on standard output")
    boolean fix;

    @Option(
            names = "--data",
            arity = "1..*",
            paramLabel = "PATH",
            description = "files or folders to run the search's branches over")
    List<String> data;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            completionCandidates = CompletionCandidates.LintFormats.class,
            description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin InputOptions input;

    @Spec CommandSpec spec;

    /** The search to lint, where it came from, and the alias table that goes with it. */
    private record Target(String search, String origin, FieldAliases aliases) {}

    @Override
    public Integer call() throws IOException {
        String output = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(output)) {
            throw new UsageException(
                    "invalid value for --format: '" + format + "'; expected text or json");
        }
        Target target = target();
        Profile profile = input.profile();
        LintReport linted = new Linter(target.aliases(), profile).lint(target.search());
        if (linted.hasErrors()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: the search of " + target.origin() + " does not parse:");
            linted.findings().forEach(d -> err.println(d.render(linted.query())));
            return ExitCodes.USAGE;
        }
        LintReport report = data == null ? linted : probe(linted, target.aliases(), profile);
        print(report, target.origin(), output);
        return report.findings().isEmpty() ? ExitCodes.OK : ExitCodes.ALERTS;
    }

    private Target target() throws IOException {
        if ((file == null) == (ruleId == null)) {
            throw new UsageException("give a search FILE or --rule ID (exactly one of them)");
        }
        if (file != null) {
            String text = TextFiles.read("search file", file);
            return new Target(text, file.toString(), FieldAliases.bundled());
        }
        RulePack pack = RulePacks.load(rules);
        Rule rule = pack.rule(ruleId);
        if (rule == null) {
            throw new UsageException("no rule '" + ruleId + "' in the rule pack " + pack.origin());
        }
        String aliases = pack.aliasesText();
        return new Target(
                rule.search(),
                "rule " + rule.id(),
                aliases == null ? FieldAliases.bundled() : FieldAliases.parse(aliases));
    }

    private LintReport probe(LintReport report, FieldAliases aliases, Profile profile) {
        DataProbe probe =
                new DataProbe(
                        aliases,
                        profile,
                        input.readers(),
                        input.readOptions(),
                        Runtime.getRuntime().availableProcessors());
        return probe.probe(report, InputOptions.inputs(data));
    }

    private void print(LintReport report, String origin, String output) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            out.println(json(report, origin));
        } else if (fix) {
            out.print(report.fixed().orElse(report.query()));
            out.println();
            text(report, origin, spec.commandLine().getErr());
        } else {
            text(report, origin, out);
        }
        out.flush();
    }

    private static void text(LintReport report, String origin, PrintWriter to) {
        for (Diagnostic finding : report.findings()) {
            to.println(
                    label(finding.severity())
                            + ": "
                            + origin
                            + ":"
                            + finding.render(report.query()));
        }
        report.notes().forEach(note -> to.println("note: " + note));
        long errors =
                report.findings().stream().filter(d -> d.severity() == Severity.ERROR).count();
        to.println(
                origin
                        + ": "
                        + report.findings().size()
                        + " finding(s), "
                        + errors
                        + " error(s), "
                        + (report.findings().size() - errors)
                        + " warning(s)");
        to.flush();
    }

    private static String label(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    private String json(LintReport report, String origin) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("search", origin);
        ArrayNode findings = root.putArray("findings");
        for (Diagnostic d : report.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("code", d.code());
            finding.put("name", LintCode.slugOf(d.code()));
            finding.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
            finding.put("line", d.line());
            finding.put("column", d.column());
            finding.put("length", d.length());
            finding.put("message", d.message());
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        if (fix) {
            root.put("fixed", report.fixed().orElse(report.query()));
        }
        return mapper.writeValueAsString(root);
    }
}
