package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atwatch lint} as a user runs it. */
class LintCommandTest {

    private static final String EXAMPLES = Path.of("..", "examples", "windows").toString();
    private static final String REFERENCE = "t1053-002-reference";

    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CommandRun run = CommandRun.of("lint", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("0  no finding")
                .contains("1  findings (errors or warnings)")
                .contains("2  usage error, or a search that does not parse");
    }

    @Test
    void referenceRuleExitsOneWithEachFindingLocatedUnderItsLine() {
        CommandRun run = CommandRun.of("lint", "--rule", REFERENCE, "--profile", "ta-windows-8");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(
                        "error: rule t1053-002-reference:1:88: LINT001: Splunk_TA_windows 5.0 and"
                                + " later index this data as sourcetype WinEventLog with"
                                + " source=\"WinEventLog:Security\"")
                .contains("warning: rule t1053-002-reference:26:3: LINT006")
                .contains("\n| sort - _time\n  ^^^^\n")
                .contains("rule t1053-002-reference: 21 finding(s), 2 error(s), 19 warning(s)");
    }

    @Test
    void cleanSearchExitsZero() throws Exception {
        Path clean =
                write(
                        "clean.spl",
                        "index=wineventlog EventCode=1 Image=\"*\\\\at.exe\" _time>=1767225600\n"
                                + "| eval exe=lower(Image)\n| table _time, host, exe\n"
                                + "| sort 0 - _time\n");

        CommandRun run = CommandRun.of("lint", clean.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("0 finding(s), 0 error(s), 0 warning(s)\n");
    }

    @Test
    void searchWithoutTimeRangeExitsOneWithTheWarningUnderItsFirstTerm() throws Exception {
        Path unbounded = write("unbounded.spl", "index=wineventlog EventCode=4698\n");

        CommandRun run = CommandRun.of("lint", unbounded.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains(":1:1: LINT010: the search sets no time range: Splunk runs it over")
                .contains("\nindex=wineventlog EventCode=4698\n^^^^^^^^^^^^^^^^^\n")
                .endsWith("1 finding(s), 0 error(s), 1 warning(s)\n");
    }

    @Test
    void fixedSearchFindsTheClassicAndUpperCaseAtExecutionsUnderTheModernProfile()
            throws Exception {
        CommandRun lint =
                CommandRun.of("lint", "--rule", REFERENCE, "--profile", "ta-windows-8", "--fix");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.err()).contains("LINT001");
        Path fixed = write("fixed.spl", lint.out());

        CommandRun query =
                CommandRun.of(
                        "query",
                        "--semantics",
                        "splunk",
                        "--profile",
                        "ta-windows-8",
                        "--format",
                        "csv",
                        "--spl-file",
                        fixed.toString(),
                        EXAMPLES);

        assertThat(query.exitCode()).isZero();
        // classic text has whole seconds, a domain-less Account_Name and the label-named fields
        assertThat(query.out().lines())
                .contains(
                        "2026-03-13T22:13:32.000+00:00,WS-ENG-221.kestrel.lan,j.reyes,"
                                + "C:\\WINDOWS\\system32\\AT.EXE,"
                                + "AT.EXE 23:45 C:\\ProgramData\\updater.exe,"
                                + "C:\\Windows\\System32\\cmd.exe,0,0,0,0,0")
                .anyMatch(
                        line ->
                                line.startsWith("2026-03-13T22:13:32.311+00:00,ws-eng-221,")
                                        && line.contains("C:\\WINDOWS\\system32\\AT.EXE"));
    }

    @Test
    void searchThatDoesNotParseIsAUsageError() throws Exception {
        Path bad = write("bad.spl", "EventCode=1 | frobnicate");

        CommandRun run = CommandRun.of("lint", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not parse").contains("1:15: SPL001");
    }

    @Test
    void missingSearchFileIsAnInputError() {
        CommandRun run = CommandRun.of("lint", dir.resolve("none.spl").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("none.spl");
    }

    @Test
    void fileAndRuleTogetherOrNeitherOrAnUnknownRuleAreUsageErrors() throws Exception {
        Path file = write("q.spl", "EventCode=1");

        assertThat(CommandRun.of("lint").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("lint", "--rule", REFERENCE, file.toString()).exitCode())
                .isEqualTo(2);
        CommandRun unknown = CommandRun.of("lint", "--rule", "no-such-rule");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule 'no-such-rule'");
    }

    @Test
    void jsonReportsCodesNamesAndPlacesAndTheFix() throws Exception {
        CommandRun run = CommandRun.of("lint", "--rule", REFERENCE, "--format", "json", "--fix");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode sort = report.path("findings").get(report.path("findings").size() - 1);
        assertThat(sort.path("code").asText()).isEqualTo("LINT006");
        assertThat(sort.path("name").asText()).isEqualTo("sort-default-limit");
        assertThat(sort.path("severity").asText()).isEqualTo("warning");
        assertThat(sort.path("line").asInt()).isEqualTo(26);
        assertThat(sort.path("column").asInt()).isEqualTo(3);
        assertThat(report.path("fixed").asText().strip()).endsWith("| sort 0 - _time");
    }

    @Test
    void dataRunReportsBlindBranchesAndAliasesThatMatter() throws Exception {
        CommandRun run =
                CommandRun.of("lint", "--rule", REFERENCE, "--format", "json", "--data", EXAMPLES);

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("findings").findValuesAsText("code")).contains("LINT008", "LINT009");
        assertThat(report.path("notes").toString())
                .contains("rows: 36 under --semantics splunk")
                .contains("alias NewProcessName<-New_Process_Name changed the result of 7");
    }
}
