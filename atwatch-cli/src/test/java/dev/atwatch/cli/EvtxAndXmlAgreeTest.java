package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.detect.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference query gives the same rows on a real EVTX file as on its XML rendering by
 * python-evtx (the {@code derived-xml} files of the shared datasets).
 */
class EvtxAndXmlAgreeTest {

    private static final Path DATASETS =
            Path.of(System.getProperty("atwatch.shared", "../shared"), "datasets");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "evtx-to-mitre-attack | TA0002-Execution/T1053.005-Scheduled Task/"
                        + "ID4688-Interactive shell using AT schedule task",
                "evtx-to-mitre-attack | EVTX_full_APT_attack_steps/"
                        + "ID4688,4698,4699,5145,4624-ATexec remote trask creation (GLOBAL)",
                "evtx-attack-samples | Lateral Movement/LM_ScheduledTask_ATSVC_target_host"
            })
    void referenceQueryGivesTheSameRowsOnEvtxAndOnItsXmlRendering(String folder, String path)
            throws Exception {
        String name = path;
        Path evtx = DATASETS.resolve(folder).resolve(name + ".evtx");
        Path xml =
                DATASETS.resolve(folder)
                        .resolve("derived-xml")
                        .resolve(Path.of(name).getFileName() + ".xml");
        assumeTrue(Files.isReadable(evtx) && Files.isReadable(xml), "shared datasets absent");
        String search = RulePack.bundled().rule("t1053-002-reference").search();

        List<String> fromEvtx = rows(search, evtx);
        List<String> fromXml = rows(search, xml);

        assertThat(fromEvtx).isEqualTo(fromXml);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "EventCode=4688 | table _time, host, NewProcessName, CommandLine,"
                        + " ParentProcessName",
                "EventCode=4698 | table _time, host, TaskName, SubjectUserName",
                "EventCode=5145 | table _time, host, ShareName, RelativeTargetName, IpAddress"
            })
    void portableSearchesAgreeOnTheAtexecRecording(String search) {
        Path folder = DATASETS.resolve("evtx-to-mitre-attack");
        String name = "ID4688,4698,4699,5145,4624-ATexec remote trask creation (GLOBAL)";
        Path evtx = folder.resolve("EVTX_full_APT_attack_steps").resolve(name + ".evtx");
        Path xml = folder.resolve("derived-xml").resolve(name + ".xml");
        assumeTrue(Files.isReadable(evtx) && Files.isReadable(xml), "shared datasets absent");

        List<String> fromEvtx = rows(search, evtx);

        assertThat(fromEvtx).hasSizeGreaterThan(1).isEqualTo(rows(search, xml));
    }

    private static List<String> rows(String search, Path file) {
        CommandRun run =
                CommandRun.of("query", "-q", "--format", "csv", "--spl", search, file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().toList();
    }
}
