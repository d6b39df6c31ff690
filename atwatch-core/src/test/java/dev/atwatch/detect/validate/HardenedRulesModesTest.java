package dev.atwatch.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.ExecutionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hardened Windows rules name sourcetypes and fields explicitly, so Splunk semantics and the
 * modern add-on naming give them the same rows as the default mode: unlike the reference search,
 * they are not blind there.
 */
class HardenedRulesModesTest {

    private static final List<Path> EXAMPLES =
            List.of(Path.of("..", "examples", "windows"), Path.of("..", "examples", "atomic"));

    private static Map<String, RuleRun.Tally> rows(
            List<Rule> rules, ExecutionOptions execution, Profile profile) throws Exception {
        return new RuleRun(rules, execution, profile).run(EXAMPLES);
    }

    private static long count(Map<String, RuleRun.Tally> tallies, String rule) {
        return tallies.get(rule).rows();
    }

    @Test
    void everyHardenedRuleFindsTheSameRowsInBothSemanticsAndBothProfiles() throws Exception {
        List<Rule> rules =
                RulePack.bundled().rules().stream()
                        .filter(r -> r.id().startsWith("win-") || r.id().contains("reference"))
                        .toList();
        ExecutionOptions portable = ExecutionOptions.portable(FieldAliases.bundled());

        Map<String, RuleRun.Tally> base = rows(rules, portable, Profile.TA_WINDOWS_LEGACY);
        Map<String, RuleRun.Tally> splunkLegacy =
                rows(rules, ExecutionOptions.splunk(), Profile.TA_WINDOWS_LEGACY);
        Map<String, RuleRun.Tally> splunkModern =
                rows(rules, ExecutionOptions.splunk(), Profile.TA_WINDOWS_8);
        Map<String, RuleRun.Tally> portableModern = rows(rules, portable, Profile.TA_WINDOWS_8);

        for (Rule rule : rules) {
            if (!rule.id().startsWith("win-")) {
                continue;
            }
            long expected = count(base, rule.id());
            assertThat(expected).as(rule.id()).isPositive();
            assertThat(count(splunkLegacy, rule.id())).as(rule.id()).isEqualTo(expected);
            assertThat(count(splunkModern, rule.id())).as(rule.id()).isEqualTo(expected);
            assertThat(count(portableModern, rule.id())).as(rule.id()).isEqualTo(expected);
        }
        // The reference search, for contrast, is blind under Splunk with the modern add-on: only
        // the Splunk exports, which keep the sourcetypes Splunk gave their events, give rows.
        String reference = "t1053-002-reference";
        Map<String, RuleRun.Tally> exports =
                rows(rules, ExecutionOptions.splunk(), Profile.TA_WINDOWS_LEGACY, splunkExports());
        assertThat(count(base, reference)).isPositive();
        assertThat(count(splunkModern, reference))
                .isEqualTo(count(exports, reference))
                .isLessThan(count(splunkLegacy, reference));
    }

    private static Map<String, RuleRun.Tally> rows(
            List<Rule> rules, ExecutionOptions execution, Profile profile, List<Path> files)
            throws Exception {
        return new RuleRun(rules, execution, profile).run(files);
    }

    private static List<Path> splunkExports() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES.get(0))) {
            return files.filter(f -> f.getFileName().toString().startsWith("splunk-export-"))
                    .sorted()
                    .toList();
        }
    }
}
