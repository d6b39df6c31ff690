package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Chains on public telemetry recorded by others (see the datasets' SOURCE.md). */
class SharedDatasetChainsTest {

    @Test
    void twoIdenticalJobsFromTwoProcessesAreTwoChains() throws Exception {
        String shared = System.getProperty("atwatch.shared");
        assumeTrue(shared != null, "system property atwatch.shared is not set");
        Path log =
                Path.of(
                        shared,
                        "datasets",
                        "auditd-sec-content-mapping",
                        "ausearch-interpreted.log");
        assumeTrue(Files.isReadable(log), "the shared auditd dataset is absent: " + log);

        ChainReport report = ChainRun.of(log);

        // ausearch -i output names no host; "at now +5 minutes" runs twice, three seconds apart,
        // as processes 1609 and 1612, and no atd record follows.
        assertThat(report.chains())
                .filteredOn(c -> "at now +5 minutes".equals(c.creation().commandLine()))
                .hasSize(2)
                .allSatisfy(
                        c -> {
                            assertThat(c.host()).isEqualTo("(unknown host)");
                            assertThat(c.missing())
                                    .containsExactly(Link.REGISTRATION, Link.EXECUTION);
                            assertThat(c.note()).isEqualTo("no run seen in the predicted window");
                        });
    }
}
