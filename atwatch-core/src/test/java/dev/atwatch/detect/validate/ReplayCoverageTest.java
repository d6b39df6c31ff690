package dev.atwatch.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

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
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "t3-wmi-scheduledjob", "security-4688-no-cmdline"));
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
                .contains(org.assertj.core.groups.Tuple.tuple("t1-at-cmd", "security-classic"));
    }
}
