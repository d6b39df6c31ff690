package dev.atwatch.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DataProbeTest {

    private static LintReport probe(Profile profile) throws Exception {
        return probe(profile, List.of(FixedQueryRunTest.EXAMPLES.toString()));
    }

    private static LintReport probe(Profile profile, List<String> paths) throws Exception {
        assumeTrue(
                Files.isDirectory(FixedQueryRunTest.EXAMPLES),
                "the examples folder is not beside the module");
        String query = LinterTest.referenceSearch();
        LintReport report = new Linter(FieldAliases.bundled(), profile).lint(query);
        DataProbe probe =
                new DataProbe(
                        FieldAliases.bundled(),
                        profile,
                        new Readers(Readers.all()),
                        ReadOptions.DEFAULTS,
                        2);
        return probe.probe(report, Inputs.expand(paths));
    }

    /** The examples but the Splunk exports, which keep the naming Splunk gave their events. */
    private static List<String> logs() throws Exception {
        try (Stream<Path> files = Files.list(FixedQueryRunTest.EXAMPLES)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("splunk-export-"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    private static List<String> located(LintReport report, String code) {
        return report.findings().stream()
                .filter(d -> d.code().equals(code))
                .map(d -> d.line() + ":" + d.column())
                .toList();
    }

    @Test
    void branchesThatMatchNothingOnTheExamplesAreReported() throws Exception {
        LintReport report = probe(Profile.TA_WINDOWS_LEGACY);

        // the classic Security sourcetype admits no XML-named 4688, and no 4688 branch matches
        assertThat(located(report, "LINT008")).containsExactly("1:88", "4:5", "7:5");
    }

    @Test
    void aliasesThatChangedTheResultAreReportedWithTheirCounts() throws Exception {
        LintReport report = probe(Profile.TA_WINDOWS_LEGACY);

        assertThat(report.notes())
                .anyMatch(note -> note.startsWith("alias NewProcessName<-New_Process_Name"));
        assertThat(located(report, "LINT009")).contains("4:21");
    }

    @Test
    void underTheModernProfileEveryBranchMatchesNothingInTheLogs() throws Exception {
        LintReport report = probe(Profile.TA_WINDOWS_8, logs());

        assertThat(located(report, "LINT008"))
                .containsExactly("1:20", "1:88", "3:2", "4:5", "5:5", "6:5", "7:5");
        assertThat(report.notes()).anyMatch(note -> note.startsWith("rows: 0 under"));
    }

    @Test
    void aliasesArePlacedWhereTheyChangedTheResultNotWhereTheFieldFirstAppears() throws Exception {
        LintReport report = probe(Profile.TA_WINDOWS_LEGACY);

        List<String> placed =
                report.findings().stream()
                        .filter(d -> d.code().equals("LINT009"))
                        .map(d -> d.line() + ":" + d.column() + " " + aliasOf(d.message()))
                        .toList();
        // Image first appears in the Sysmon branch (3:15); only coalesce's read found the classic
        // 4688s' (in XML 4688s coalesce reads NewProcessName itself, so the alias changes nothing)
        assertThat(placed)
                .contains(
                        "10:23 Image<-New_Process_Name",
                        "11:29 ParentImage<-Creator_Process_Name",
                        "12:28 SubjectUserName<-Account_Name",
                        "1:88 sourcetype WinEventLog:Security<-XmlWinEventLog:Security")
                .noneMatch(place -> place.startsWith("3:15 ") || place.startsWith("11:8 "));
    }

    private static String aliasOf(String message) {
        String alias = message.substring(message.indexOf("the alias ") + "the alias ".length());
        return alias.substring(0, alias.indexOf(" changed"));
    }
}
