package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.detect.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query gives the same rows on each EVTX file of the shared datasets as on its XML rendering by
 * python-evtx: the seed query of the shared SPL folder (or, without it, the bundled reference
 * rule), and searches over the fields python-evtx renders as Windows does. The renderings are made
 * in the test with {@code evtx_dump.py}; the test skips, saying why, when it or the datasets are
 * absent.
 */
class EvtxAndXmlAgreeTest {

    private static final Path SHARED = Path.of(System.getProperty("atwatch.shared", "../shared"));
    private static final Path DATASETS = SHARED.resolve("datasets");

    /** Fields python-evtx renders as Windows does (not hex, GUIDs, times or booleans). */
    private static final String FIELDS =
            "| table EventRecordID, EventCode, Channel, Computer, host, sourcetype, index,"
                    + " SubjectUserName, SubjectDomainName, TargetUserName, NewProcessName,"
                    + " CommandLine, ParentProcessName, TaskName, ShareName, RelativeTargetName,"
                    + " IpAddress, Image, ParentImage, User | sort 0 EventRecordID";

    @TempDir static Path renderings;

    static Stream<Path> evtxFiles() throws IOException {
        if (!Files.isDirectory(DATASETS)) {
            return Stream.of(DATASETS.resolve("(shared datasets absent)"));
        }
        try (Stream<Path> paths = Files.walk(DATASETS)) {
            return paths.filter(p -> p.toString().endsWith(".evtx")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("evtxFiles")
    void queriesGiveTheSameRowsOnEvtxAndOnItsPythonEvtxRendering(Path evtx) throws Exception {
        assumeTrue(Files.isReadable(evtx), "shared datasets absent at " + DATASETS);
        assumeTrue(evtxDump(), "evtx_dump.py (python3-evtx) not installed");
        Path xml = render(evtx);

        for (String search : List.of(seedQuery(), FIELDS, "| stats count by EventCode, host")) {
            List<String> fromEvtx = rows(search, evtx);

            assertThat(fromEvtx).as("%s on %s", search, evtx).isEqualTo(rows(search, xml));
        }
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

    private static String seedQuery() throws Exception {
        Path seed = SHARED.resolve("spl/seed-query.spl");
        if (Files.isReadable(seed)) {
            return Files.readString(seed);
        }
        return RulePack.bundled().rule("t1053-002-reference").search();
    }

    /** The file as {@code evtx_dump.py} renders it, written next to the other renderings. */
    private static Path render(Path evtx) throws IOException, InterruptedException {
        Path xml = renderings.resolve(Integer.toHexString(evtx.toString().hashCode()) + ".xml");
        Process process =
                new ProcessBuilder("evtx_dump.py", evtx.toString())
                        .redirectOutput(xml.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("evtx_dump.py finished").isTrue();
        assertThat(process.exitValue()).as("evtx_dump.py exit status").isZero();
        return xml;
    }

    private static boolean evtxDump() {
        try {
            Process process =
                    new ProcessBuilder("evtx_dump.py", "-h")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> rows(String search, Path file) {
        CommandRun run =
                CommandRun.of("query", "-q", "--format", "csv", "--spl", search, file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().toList();
    }
}
