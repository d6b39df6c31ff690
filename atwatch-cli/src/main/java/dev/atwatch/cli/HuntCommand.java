package dev.atwatch.cli;

import dev.atwatch.correlate.ChainLimits;
import dev.atwatch.correlate.Correlator;
import dev.atwatch.detect.RulePack;
import dev.atwatch.suppress.Suppressions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atwatch hunt}: runs every rule of a rule pack. */
@Command(
        name = "hunt",
        mixinStandardHelpOptions = true,
        description =
                "Run every rule of the rule pack (the bundled one by default) over log files.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch hunt examples/",
            "  atwatch hunt --format csv -o alerts.csv case-42/",
            "  atwatch hunt --format html -o report.html case-42/",
            "  atwatch hunt --explain examples/windows/",
            "  atwatch hunt --rules rules/ --semantics splunk --profile ta-windows-8 logs/",
            "  atwatch hunt --earliest 2026-11-01 --latest -1d --fail-on-alert /var/log/",
            "  atwatch hunt --suppressions allowlist.yaml --show-suppressed logs/",
            "  atwatch hunt --chains examples/",
            "  atwatch hunt --chains --limit chain-window-seconds=86400 case-42/",
            "  export ATWATCH_HEC_TOKEN=...    # the collector's token",
            "  atwatch hunt --hec-url https://splunk.example:8088 case-42/"
        })
final class HuntCommand extends SearchCommand {

    @Mixin RulePacks rules;

    @Option(
            names = "--chains",
            description =
                    "link each at job's creation, registration and execution per host and print"
                            + " the chains after the alerts (every event is parsed: no prefilter);"
                            + " limits: "
                            + ChainLimits.NAMES)
    boolean chains;

    private ChainLimits chainLimits = ChainLimits.DEFAULTS;

    @Option(
            names = "--suppressions",
            paramLabel = "FILE",
            description =
                    "an allowlist of known false positives (YAML; see"
                            + " examples/suppressions.yaml); held-back alerts are counted per"
                            + " entry")
    Path suppressionsFile;

    @Option(
            names = "--show-suppressed",
            description = "list suppressed alerts after the others, naming the entry of each")
    boolean showSuppressed;

    @Override
    Suppressions suppressions() {
        return SuppressionRun.load(suppressionsFile);
    }

    @Override
    Path suppressionsFile() {
        return suppressionsFile;
    }

    @Override
    boolean showSuppressed() {
        return showSuppressed;
    }

    @Override
    public Integer call() throws IOException {
        RulePack pack = rules.loadSome();
        takeChainLimits();
        return execute(pack.rules(), pack.aliasesText(), true);
    }

    @Override
    Correlator correlator() {
        return chains ? new Correlator(chainLimits) : null;
    }

    /** Moves the chain limits out of {@code --limit}, whose other names are input limits. */
    private void takeChainLimits() {
        Map<String, Integer> inputLimits = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> limit : run.input.limits.entrySet()) {
            if (!ChainLimits.isChainLimit(limit.getKey())) {
                inputLimits.put(limit.getKey(), limit.getValue());
                continue;
            }
            try {
                chainLimits = chainLimits.with(limit.getKey(), limit.getValue());
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --limit: " + e.getMessage());
            }
        }
        run.input.limits = inputLimits;
    }
}
