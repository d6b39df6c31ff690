package dev.atwatch.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.ExecutionOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled rule returns, on each of its {@code tests:} entries, the row count it declares (in
 * the default mode: portable semantics, legacy add-on profile).
 */
class BundledRuleTestsTest {

    private static final Path ROOT = Path.of("..");

    static Stream<Rule> bundledRules() throws Exception {
        return RulePack.bundled().rules().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledRules")
    void ruleReturnsTheDeclaredRowsOnEachTestEntry(Rule rule) {
        RuleTestRun run =
                new RuleTestRun(
                        ExecutionOptions.portable(FieldAliases.bundled()),
                        Profile.TA_WINDOWS_LEGACY);

        List<RuleTestRun.Outcome> outcomes = run.run(List.of(rule), ROOT);

        assertThat(outcomes).hasSameSizeAs(rule.tests());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.problem()).isNull());
        assertThat(outcomes)
                .allSatisfy(
                        o -> assertThat(o.actual()).as(o.data()).isEqualTo((long) o.expected()));
    }

    @Test
    void everyWindowsRuleOfThePackHasTestsWithAndWithoutRows() throws Exception {
        List<Rule> windows =
                RulePack.bundled().rules().stream().filter(r -> r.id().startsWith("win-")).toList();

        assertThat(windows).hasSizeGreaterThanOrEqualTo(7);
        assertThat(windows)
                .allSatisfy(
                        r -> {
                            assertThat(r.tests()).anyMatch(t -> t.expect() > 0);
                            assertThat(r.tests()).anyMatch(t -> t.expect() == 0);
                        });
    }

    @Test
    void aWrongDeclaredCountFails() throws Exception {
        Rule rule = RulePack.bundled().rule("win-atsvc-pipe-access");
        Rule wrong =
                new Rule(
                        rule.id(),
                        rule.name(),
                        rule.description(),
                        rule.mitreAttackIds(),
                        rule.severity(),
                        rule.dataSources(),
                        rule.search(),
                        rule.knownFalsePositives(),
                        rule.howToImplement(),
                        List.of(new Rule.RuleTest("examples/atomic/remote-atexec/security.xml", 2)),
                        rule.origin());

        List<RuleTestRun.Outcome> outcomes =
                new RuleTestRun(ExecutionOptions.splunk(), Profile.TA_WINDOWS_8)
                        .run(List.of(wrong), ROOT);

        assertThat(outcomes)
                .singleElement()
                .satisfies(
                        o -> {
                            assertThat(o.passed()).isFalse();
                            assertThat(o.actual()).isEqualTo(1);
                        });
    }

    @Test
    void aMissingTestFileIsReportedNotThrown() throws Exception {
        Rule rule = RulePack.bundled().rule("win-atsvc-pipe-access");
        Rule missing =
                new Rule(
                        rule.id(),
                        rule.name(),
                        rule.description(),
                        rule.mitreAttackIds(),
                        rule.severity(),
                        rule.dataSources(),
                        rule.search(),
                        rule.knownFalsePositives(),
                        rule.howToImplement(),
                        List.of(new Rule.RuleTest("examples/atomic/no-such-file.xml", 0)),
                        rule.origin());

        List<RuleTestRun.Outcome> outcomes =
                new RuleTestRun(ExecutionOptions.splunk(), Profile.TA_WINDOWS_8)
                        .run(List.of(missing), ROOT);

        assertThat(outcomes)
                .singleElement()
                .satisfies(
                        o -> {
                            assertThat(o.passed()).isFalse();
                            assertThat(o.problem()).isNotBlank();
                        });
    }
}
