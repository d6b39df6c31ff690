package dev.atwatch.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.RulePack;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.spl.Diagnostic;
import dev.atwatch.spl.Severity;
import dev.atwatch.spl.Spl;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {

    private static final Linter MODERN = new Linter(FieldAliases.bundled(), Profile.TA_WINDOWS_8);
    private static final Linter LEGACY =
            new Linter(FieldAliases.bundled(), Profile.TA_WINDOWS_LEGACY);

    static String referenceSearch() throws Exception {
        return RulePack.bundled().rule("t1053-002-reference").search();
    }

    private static List<String> located(LintReport report) {
        return report.findings().stream()
                .map(d -> d.line() + ":" + d.column() + " " + d.code())
                .toList();
    }

    @Test
    void referenceQueryHitsEveryPitfallAtItsLineAndColumn() throws Exception {
        LintReport report = MODERN.lint(referenceSearch());

        assertThat(located(report))
                .contains(
                        "1:1 LINT010",
                        "1:20 LINT001",
                        "1:88 LINT001",
                        "4:21 LINT002",
                        "4:51 LINT002",
                        "7:21 LINT002",
                        "7:50 LINT002",
                        "9:29 LINT002",
                        "9:42 LINT003",
                        "10:30 LINT002",
                        "11:42 LINT002",
                        "12:28 LINT002",
                        "13:28 LINT004",
                        "23:31 LINT005",
                        "23:42 SPL102",
                        "23:9 SPL103",
                        "26:3 LINT006");
    }

    @Test
    void sysmonBranchesAreNotBlamedForClassicSecurityNames() throws Exception {
        LintReport report = MODERN.lint(referenceSearch());

        assertThat(located(report)).doesNotContain("5:38 LINT002", "6:68 LINT002");
    }

    @Test
    void renamedSourcetypeIsAnErrorOnlyUnderTheModernProfile() {
        String query = "sourcetype=\"WinEventLog:Security\" EventCode=4688";

        assertThat(MODERN.lint(query).findings())
                .first()
                .satisfies(
                        d -> {
                            assertThat(d.code()).isEqualTo("LINT001");
                            assertThat(d.severity()).isEqualTo(Severity.ERROR);
                        });
        assertThat(LEGACY.lint(query).findings().get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void findingsRenderWithTheQueryLineAndACaret() throws Exception {
        String query = referenceSearch();
        Diagnostic sort =
                MODERN.lint(query).findings().stream()
                        .filter(d -> d.code().equals("LINT006"))
                        .findFirst()
                        .orElseThrow();

        assertThat(sort.render(query))
                .endsWith("\n| sort - _time\n  ^^^^")
                .startsWith("26:3: LINT006: sort without a count");
    }

    @Test
    void cleanQueryYieldsNoFinding() {
        String query =
                "index=wineventlog sourcetype=WinEventLog source=\"WinEventLog:Security\""
                        + " _time>=1767225600 EventCode=4688 (NewProcessName=\"*\\\\at.exe\""
                        + " OR New_Process_Name=\"*\\\\at.exe\")\n"
                        + "| eval exe=lower(coalesce(NewProcessName, New_Process_Name))\n"
                        + "| table _time, host, exe\n"
                        + "| sort 0 - _time";

        assertThat(LEGACY.lint(query).findings()).isEmpty();
        assertThat(MODERN.lint(query).fixed()).contains(query);
    }

    @Test
    void caseSensitiveComparisonsOfPathsAreFoundInEveryForm() {
        String query =
                "EventCode=1\n"
                        + "| where like(Image, \"%at.exe\") OR ParentImage == \"C:/Tools/AT.EXE\"\n"
                        + "| where Image LIKE \"%\\\\AT.EXE\"";

        LintReport report = LEGACY.lint(query);

        assertThat(located(report)).contains("2:9 LINT005", "2:35 LINT005", "3:9 LINT005");
        assertThat(report.fixed().orElseThrow())
                .contains("match(lower(Image), \"at\\\\.exe$\")")
                .contains("lower(ParentImage) == \"c:/tools/at.exe\"")
                .contains("match(lower(Image), \"\\\\\\\\at\\\\.exe$\")");
    }

    @Test
    void foldedComparisonsAndNonPathsAreLeftAlone() {
        String query =
                "EventCode=1 | where lower(Image) == \"c:\\\\at.exe\" OR User == \"bob\""
                        + " OR like(CommandLine, \"%123%\")";

        assertThat(located(LEGACY.lint(query))).noneMatch(f -> f.endsWith("LINT005"));
    }

    @Test
    void timeTermsInTheQueryAreReportedAndDroppedFromTheFix() {
        String query = "earliest=-24h EventCode=4698 latest=now";

        LintReport report = LEGACY.lint(query);

        assertThat(located(report)).containsExactly("1:1 LINT007", "1:30 LINT007");
        assertThat(report.fixed().orElseThrow().strip()).isEqualTo("EventCode=4698");
    }

    @Test
    void fieldNoFormatProducesIsReportedInSearchAndEval() {
        String query = "ProcessCommandLine=\"*at *\" | eval c=coalesce(ProcessCommandLine, x)";

        LintReport report = LEGACY.lint(query);

        assertThat(located(report)).containsExactly("1:1 LINT003", "1:1 LINT010", "1:46 LINT003");
        assertThat(report.fixed().orElseThrow()).endsWith("eval c=coalesce(x)");
    }

    @Test
    void sortWithACountIsNotReported() {
        assertThat(LEGACY.lint("EventCode=1 _time>0 | sort 100 - _time").findings()).isEmpty();
        assertThat(LEGACY.lint("EventCode=1 _time>0 | sort limit=5 _time").findings()).isEmpty();
    }

    @Test
    void queryThatDoesNotParseGivesTheCompilerErrorsAndNoFix() {
        LintReport report = LEGACY.lint("EventCode=1 | frobnicate");

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.fixed()).isEmpty();
        assertThat(located(report)).containsExactly("1:15 SPL001");
    }

    @Test
    void fixedReferenceQueryParsesAndHitsNoPitfallItCanFix() throws Exception {
        String fixed = MODERN.lint(referenceSearch()).fixed().orElseThrow();

        assertThat(Spl.compile(fixed).errors()).isEmpty();
        assertThat(MODERN.lint(fixed).findings())
                .allMatch(
                        d -> d.code().startsWith("SPL") || d.code().equals("LINT010"),
                        "only compiler warnings and the missing time range remain");
    }

    @Test
    void assignmentThatOnlyKeepsAFieldEveryEventHasIsDroppedFromTheFix() {
        String query =
                "EventCode=1\n| eval a=1, host=coalesce(host, ComputerName)\n"
                        + "| eval host=coalesce(host, Computer)\n| table host";

        LintReport report = LEGACY.lint(query);

        assertThat(located(report)).containsExactly("1:1 LINT010", "2:33 LINT004", "3:28 LINT004");
        assertThat(report.fixed().orElseThrow()).isEqualTo("EventCode=1\n| eval a=1\n| table host");
    }

    @Test
    void fieldsAssignedEarlierAreNotBlamedForTheirClassicNames() {
        String query =
                "EventCode=4688 _time>0 | eval CommandLine=\"x\" | eval c=lower(CommandLine)";

        assertThat(LEGACY.lint(query).findings()).isEmpty();
    }

    @Test
    void searchWithoutTimeRangeIsReportedAtItsFirstTerm() {
        String query = "index=wineventlog EventCode=4698\n| table _time, TaskName";

        LintReport report = LEGACY.lint(query);

        assertThat(located(report)).containsExactly("1:1 LINT010");
        Diagnostic finding = report.findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message())
                .contains("time picker")
                .contains("All time")
                .contains("--earliest or --latest");
        assertThat(finding.render(query))
                .endsWith("\nindex=wineventlog EventCode=4698\n^^^^^^^^^^^^^^^^^");
    }

    @Test
    void timeBoundInTheSearchOrInWhereSilencesTheMissingRange() {
        assertThat(LEGACY.lint("EventCode=4698 _time>=1767225600").findings()).isEmpty();
        assertThat(LEGACY.lint("EventCode=4698 | where _time > now() - 86400").findings())
                .noneMatch(d -> d.code().equals("LINT010"));
        assertThat(LEGACY.lint("EventCode=4698 | where 1767225600 <= _time AND x=1").findings())
                .noneMatch(d -> d.code().equals("LINT010"));
    }

    @Test
    void comparisonThatDoesNotBoundTimeLeavesTheRangeMissing() {
        assertThat(located(LEGACY.lint("EventCode=4698 _time=1767225600"))).contains("1:1 LINT010");
        assertThat(located(LEGACY.lint("EventCode=4698 | where _time > 0 OR x=1")))
                .contains("1:1 LINT010");
        assertThat(located(LEGACY.lint("EventCode=4698 | eval t=_time"))).contains("1:1 LINT010");
    }
}
