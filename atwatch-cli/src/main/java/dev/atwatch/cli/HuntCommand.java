package dev.atwatch.cli;

import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RulePackException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
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
            "  atwatch hunt --rules my-rules/ --semantics splunk --profile ta-windows-8 logs/",
            "  atwatch hunt --earliest 2026-11-01 --latest -1d --fail-on-alert /var/log/audit/"
        })
final class HuntCommand extends SearchCommand {

    @Option(
            names = "--rules",
            paramLabel = "DIR|FILE",
            description = "a rule pack folder or one rule file (default: the bundled pack)")
    Path rules;

    @Override
    public Integer call() throws IOException {
        RulePack pack;
        try {
            pack = rules == null ? RulePack.bundled() : RulePack.load(rules);
        } catch (RulePackException e) {
            throw new UsageException(e.getMessage());
        }
        if (pack.rules().isEmpty()) {
            throw new UsageException("the rule pack " + pack.origin() + " holds no rule");
        }
        return execute(pack.rules(), pack.aliasesText(), true);
    }
}
