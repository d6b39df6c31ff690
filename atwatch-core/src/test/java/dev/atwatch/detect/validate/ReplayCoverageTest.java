package dev.atwatch.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.ExecutionOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled rule pack over the bundled replay telemetry of the technique's tests. */
class ReplayCoverageTest {

    private static final Path MANIFEST = Path.of("..", "examples", "atomic", "manifest.yaml");

    private static CoverageMatrix replay(List<Rule> rules, ExecutionOptions execution)
            throws Exception {
        RuleRun run = new RuleRun(rules, execution, Profile.TA_WINDOWS_LEGACY);
        return new Replay(run).run(ReplayManifest.load(MANIFEST));
    }

    private static ExecutionOptions portable() {
        return ExecutionOptions.portable(FieldAliases.bundled());
    }

    @Test
    void bundledPackDetectsEveryExpectedTestInEverySource() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());

        assertThat(matrix.missed()).isEmpty();
        assertThat(matrix.complete()).isTrue();
        assertThat(matrix.cells())
                .filteredOn(c -> c.verdict() == Verdict.BLIND)
                .extracting(CoverageCell::test, CoverageCell::source)
                .contains(tuple("t4-linux-at", "syslog"), tuple("t5-linux-sudo-at", "cron"));
    }

    @Test
    void withoutCommandLineAuditingOnlyTheCommandLinesAreBlind() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());

        // the 4698 is another audit policy: the job is still seen registered
        assertThat(matrix.cells())
                .filteredOn(c -> c.source().equals("security-4688-no-cmdline"))
                .filteredOn(c -> "win-at-job-registration".equals(c.rule()))
                .extracting(CoverageCell::test, CoverageCell::verdict)
                .containsExactly(
                        tuple("t1-at-cmd", Verdict.DETECTED),
                        tuple("t2-at-powershell", Verdict.DETECTED),
                        tuple("t3-wmi-scheduledjob", Verdict.DETECTED));
        assertThat(chain(matrix, "t1-at-cmd", "security-4688-no-cmdline"))
                .extracting(ChainCoverage::created, ChainCoverage::registered)
                .containsExactly(false, true);
    }

    @Test
    void theFiveTestsChainFromCreationToExecutionOverAllTheirSources() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());

        assertThat(matrix.missedChains()).isEmpty();
        assertThat(matrix.chains())
                .filteredOn(ChainCoverage::expected)
                .extracting(ChainCoverage::test)
                .containsExactly(
                        "t1-at-cmd",
                        "t2-at-powershell",
                        "t3-wmi-scheduledjob",
                        "t4-linux-at",
                        "t5-linux-sudo-at");
        assertThat(matrix.chains())
                .filteredOn(ChainCoverage::expected)
                .allSatisfy(
                        c -> {
                            assertThat(c.source()).isEqualTo(ChainCoverage.ALL_SOURCES);
                            assertThat(c.created() && c.registered() && c.executed()).isTrue();
                            assertThat(c.status()).isEqualTo("complete");
                        });
        assertThat(chain(matrix, "t1-at-cmd", "sysmon").status()).isEqualTo("complete");
        assertThat(chain(matrix, "t4-linux-at", "syslog").status()).isEqualTo("no chain");
        assertThat(chain(matrix, "remote-atexec", ChainCoverage.ALL_SOURCES).chains()).isZero();
    }

    @Test
    void aChainThatDoesNotLinkIsMissedWhenTheManifestExpectsIt() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());
        ChainCoverage linked = chain(matrix, "t1-at-cmd", ChainCoverage.ALL_SOURCES);
        ChainCoverage partial =
                new ChainCoverage("t1-at-cmd", "x", true, true, false, 1, 0, true, "no run");

        CoverageMatrix unlinked =
                new CoverageMatrix(matrix.cells(), java.util.List.of(linked, partial));

        assertThat(unlinked.missedChains()).containsExactly(partial);
        assertThat(unlinked.complete()).isFalse();
    }

    @Test
    void theVariantsAreReplayedInXmlAndClassicShapes() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());

        assertThat(matrix.cells())
                .filteredOn(c -> c.test().equals("variants") && c.expected())
                .extracting(CoverageCell::source, CoverageCell::rule)
                .contains(
                        tuple("sysmon-classic", "win-at-exe-execution"),
                        tuple("sysmon-classic", "win-at-job-registration"),
                        tuple("security-classic", "win-wmic-scheduled-job"))
                .hasSize(14);
        assertThat(matrix.cells())
                .filteredOn(c -> c.test().equals("variants"))
                .filteredOn(c -> "win-powershell-scheduled-job".equals(c.rule()))
                .allSatisfy(c -> assertThat(c.rows()).isEqualTo(5));
    }

    private static ChainCoverage chain(CoverageMatrix matrix, String test, String source) {
        return matrix.chains().stream()
                .filter(c -> c.test().equals(test) && c.source().equals(source))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyExpectedDetectionCarriesItsRowsAndHighestScore() throws Exception {
        CoverageMatrix matrix = replay(RulePack.bundled().rules(), portable());

        CoverageCell atexec =
                matrix.cells().stream()
                        .filter(c -> "win-short-lived-task".equals(c.rule()))
                        .findFirst()
                        .orElseThrow();
        assertThat(atexec.test()).isEqualTo("remote-atexec");
        assertThat(atexec.rows()).isEqualTo(1);
        assertThat(atexec.maxScore()).isEqualTo(4.0);
        assertThat(matrix.cells())
                .filteredOn(CoverageCell::expected)
                .allSatisfy(c -> assertThat(c.rows()).isPositive());
    }

    @Test
    void removingARuleShowsItsExpectedDetectionsAsMissed() throws Exception {
        List<Rule> withoutRegistration =
                RulePack.bundled().rules().stream()
                        .filter(r -> !r.id().equals("win-at-job-registration"))
                        .toList();

        CoverageMatrix matrix = replay(withoutRegistration, portable());

        assertThat(matrix.complete()).isFalse();
        assertThat(matrix.missed())
                .isNotEmpty()
                .allSatisfy(
                        c -> {
                            assertThat(c.rule()).isEqualTo("win-at-job-registration");
                            assertThat(c.rows()).isZero();
                        });
        assertThat(matrix.missed())
                .extracting(CoverageCell::source)
                .contains("task-scheduler", "sysmon");
    }

    @Test
    void theReferenceSearchInSplunkSemanticsMissesTheClassicAndJsonShapes() throws Exception {
        List<Rule> reference = List.of(RulePack.bundled().rule("t1053-002-reference"));

        CoverageMatrix matrix = replay(reference, ExecutionOptions.splunk());

        assertThat(matrix.missed())
                .extracting(CoverageCell::test, CoverageCell::source)
                .contains(tuple("t1-at-cmd", "security-classic"));
    }
}
