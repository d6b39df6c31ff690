package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What links and what does not, on small fixtures, and the limits that bound linking. */
class LinkingRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/dev/atwatch/correlate");
    private static final Path EXAMPLES = ChainRun.EXAMPLES.resolve("windows");

    @BeforeAll
    static void examplesArePresent() {
        assumeTrue(Files.isDirectory(EXAMPLES), "the examples folder is absent: " + EXAMPLES);
    }

    @Test
    void childrenOfOtherServicesAndOtherCommandsDoNotLink() throws Exception {
        ChainReport report = ChainRun.of(FIXTURES.resolve("unrelated-scheduler-children.xml"));

        assertThat(report.chains()).hasSize(1);
        assertThat(report.chains().get(0).missing())
                .containsExactly(Link.REGISTRATION, Link.EXECUTION);
    }

    @Test
    void theScheduleServiceRunningTheJobCommandLinks() throws Exception {
        ChainReport report =
                ChainRun.of(
                        FIXTURES.resolve("unrelated-scheduler-children.xml"),
                        FIXTURES.resolve("scheduled-run.xml"));

        Chain chain = report.chains().get(0);
        assertThat(chain.missing()).containsExactly(Link.REGISTRATION);
        assertThat(chain.execution().commandLine()).isEqualTo("cmd");
    }

    @Test
    void theScheduleServiceInsideTheSharedNetsvcsHostRunsTheJob() throws Exception {
        ChainReport report =
                ChainRun.of(
                        FIXTURES.resolve("unrelated-scheduler-children.xml"),
                        FIXTURES.resolve("netsvcs-run.xml"));

        Chain chain = report.chains().get(0);
        assertThat(chain.missing())
                .as(ChainRun.describe(report))
                .containsExactly(Link.REGISTRATION);
        assertThat(chain.execution().commandLine()).isEqualTo("cmd");
        assertThat(chain.execution().time()).isGreaterThan(chain.creation().time());
    }

    @Test
    void remoteJobIsNotLinkedToARunOnTheCreatingHost() throws Exception {
        ChainReport report = ChainRun.of(FIXTURES.resolve("remote-job.xml"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.host()).isEqualTo("WS-FIN-014.kestrel.lan");
        assertThat(chain.target()).isEqualTo("FS-02");
        assertThat(chain.execution()).isNull();
        assertThat(chain.note()).isEqualTo("no event of the target host FS-02 in the input");
    }

    @Test
    void remoteJobLinksToItsRunOnTheTargetHostNamedByItsFqdn() throws Exception {
        ChainReport report =
                ChainRun.of(
                        FIXTURES.resolve("remote-job.xml"),
                        FIXTURES.resolve("remote-job-target.xml"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.target()).isEqualTo("FS-02");
        assertThat(chain.execution().commandLine()).isEqualTo("cmd");
        assertThat(chain.execution().provenance().input()).endsWith("remote-job-target.xml");
    }

    @Test
    void jobWhoseWindowPassedWithoutRunIsPartial() throws Exception {
        ChainReport report = ChainRun.of(FIXTURES.resolve("job-without-run.audit.log"));

        assertThat(report.chains()).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.missing()).containsExactly(Link.EXECUTION);
        assertThat(chain.registration()).isNotNull();
        assertThat(chain.note()).isEqualTo("no run seen in the predicted window");
        assertThat(chain.window()).isNotNull();
    }

    @Test
    void tooManyOpenJobsCloseTheOldestEarly() throws Exception {
        ChainLimits limits = new ChainLimits(100_000, 1, 8 * 86_400, 300, 120);

        ChainReport report = ChainRun.of(limits, EXAMPLES.resolve("sysmon-at-cmd.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.missing()).containsExactly(Link.EXECUTION);
        assertThat(first.note()).contains("more than 1 open jobs").contains(ChainLimits.OPEN_JOBS);
        assertThat(report.closedEarly()).isPositive();
        assertThat(report.notes())
                .anySatisfy(note -> assertThat(note).contains("chain-open-jobs=N"));
    }

    @Test
    void candidatesBeyondTheBufferLimitAreLinkedEarlyOldestFirstAndReported() throws Exception {
        ChainLimits limits = new ChainLimits(3, 1_000, 8 * 86_400, 300, 120);
        Path sysmon = EXAMPLES.resolve("sysmon-at-cmd.xml");

        ChainReport limited = ChainRun.of(limits, sysmon);
        ChainReport unlimited = ChainRun.of(sysmon);

        assertThat(limited.candidates()).isEqualTo(unlimited.candidates());
        assertThat(limited.droppedCandidates()).isPositive();
        assertThat(unlimited.droppedCandidates()).isZero();
        assertThat(limited.notes())
                .singleElement()
                .asString()
                .contains("chain-candidates=N")
                .contains("reading order");
        // One input's events are in time order anyway: linked early, none is lost.
        assertThat(ChainRun.describe(limited)).isEqualTo(ChainRun.describe(unlimited));
    }

    @Test
    void runLaterThanTheWindowLimitIsNotLookedFor() throws Exception {
        ChainLimits limits = new ChainLimits(100_000, 1_000, 60, 300, 0);

        ChainReport report = ChainRun.of(limits, EXAMPLES.resolve("sysmon-at-cmd.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.execution()).isNull();
        assertThat(first.note()).contains(ChainLimits.WINDOW);
    }
}
