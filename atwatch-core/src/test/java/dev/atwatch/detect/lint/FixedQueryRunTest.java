package dev.atwatch.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the fixed reference query over the bundled examples, as Splunk would with a 5.0+ add-on. */
class FixedQueryRunTest {

    static final Path EXAMPLES = Path.of("..", "examples", "windows");

    static List<Row> run(String search, Profile profile) throws Exception {
        assumeTrue(Files.isDirectory(EXAMPLES), "the examples folder is not beside the module");
        Rule rule =
                new Rule(
                        "fixed", "fixed", "", List.of(), "medium", List.of(), search, "", "",
                        List.of(), "test");
        List<CompiledRule> compiled = Detector.compile(List.of(rule), Macros.NONE);
        Detector detector =
                new Detector(
                        compiled,
                        ExecutionOptions.splunk(),
                        profile,
                        TimeRange.ALL,
                        1,
                        new Readers(Readers.all()));
        Detection detection =
                detector.run(
                        Inputs.expand(List.of(EXAMPLES.toString())),
                        ReadOptions.DEFAULTS,
                        RunListener.NONE);
        return detection.results().get(0).results().rows();
    }

    private static String fixedReference() throws Exception {
        Linter linter = new Linter(FieldAliases.bundled(), Profile.TA_WINDOWS_8);
        return linter.lint(LinterTest.referenceSearch()).fixed().orElseThrow();
    }

    private static String file(Row row) {
        return Path.of(row.provenance().input()).getFileName().toString();
    }

    /** Only Splunk exports, which keep the sourcetypes Splunk gave their events, still match. */
    @Test
    void referenceQueryFindsNothingInTheLogsUnderTheModernProfile() throws Exception {
        assertThat(run(LinterTest.referenceSearch(), Profile.TA_WINDOWS_8))
                .extracting(FixedQueryRunTest::file)
                .isNotEmpty()
                .allMatch(name -> name.startsWith("splunk-export-"));
    }

    @Test
    void fixedReferenceFindsTheClassicSecurityEventsUnderTheModernProfile() throws Exception {
        List<Row> classic =
                run(fixedReference(), Profile.TA_WINDOWS_8).stream()
                        .filter(row -> file(row).equals("security-4688-classic.log"))
                        .toList();

        assertThat(classic)
                .extracting(row -> row.text("Image"))
                .contains(
                        "C:\\Windows\\System32\\at.exe",
                        "C:\\WINDOWS\\system32\\AT.EXE",
                        "C:\\Windows\\System32\\wbem\\WMIC.exe");
        assertThat(classic).allSatisfy(row -> assertThat(row.text("User")).isNotBlank());
    }

    @Test
    void fixedReferenceKeepsTheUpperCaseAtExeWithScoreZero() throws Exception {
        List<Row> rows = run(fixedReference(), Profile.TA_WINDOWS_8);

        assertThat(rows)
                .filteredOn(row -> "C:\\WINDOWS\\system32\\AT.EXE".equals(row.text("Image")))
                .extracting(row -> file(row), row -> row.text("SuspicionScore"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple("sysmon-at-evasion.xml", "0"),
                        org.assertj.core.groups.Tuple.tuple("security-4688-classic.log", "0"));
    }
}
