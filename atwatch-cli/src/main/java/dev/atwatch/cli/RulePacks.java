package dev.atwatch.cli;

import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RulePackException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules} option: the rule pack a command runs, the bundled one when not given. */
final class RulePacks {

    @Option(
            names = "--rules",
            paramLabel = "DIR|FILE",
            description = "a rule pack folder or one rule file (default: the bundled pack)")
    Path rules;

    /** The pack of {@code --rules}, holding at least one rule. */
    RulePack loadSome() {
        return loadSome(rules);
    }

    /** The pack of {@code --rules}. */
    RulePack load() {
        return load(rules);
    }

    /** Loads {@code rules} (or the bundled pack for {@code null}); a bad pack is a usage error. */
    static RulePack load(Path rules) {
        try {
            return rules == null ? RulePack.bundled() : RulePack.load(rules);
        } catch (RulePackException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** As {@link #load}, and a pack without a rule is a usage error too. */
    static RulePack loadSome(Path rules) {
        RulePack pack = load(rules);
        if (pack.rules().isEmpty()) {
            throw new UsageException("the rule pack " + pack.origin() + " holds no rule");
        }
        return pack;
    }
}
