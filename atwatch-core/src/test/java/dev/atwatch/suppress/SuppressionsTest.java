package dev.atwatch.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import dev.atwatch.event.Event;
import dev.atwatch.event.Fields;
import dev.atwatch.event.Provenance;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SuppressionsTest.class.getResource(name).toURI());
    }

    private static Fields alert(String... namesAndValues) {
        Event.Builder event = Event.builder(new Provenance("test", 1, 1, 0));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            event.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return event.build();
    }

    private static Suppressions valid() throws Exception {
        return Suppressions.load(fixture("valid.yaml"));
    }

    @Test
    void loadsEveryEntryWithItsPlaceInTheFile() throws Exception {
        List<Suppression> entries = valid().entries();

        assertThat(entries)
                .extracting(Suppression::id)
                .containsExactly("backup-agent", "legacy-payroll", "scanner", "ci-runner");
        assertThat(entries.get(0).owner()).isEqualTo("infra-ops@example.org");
        assertThat(entries.get(0).expires()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(entries.get(1).expires()).isNull();
        assertThat(entries.get(1).line()).isEqualTo(10);
        assertThat(entries.get(1).column()).isEqualTo(5);
    }

    @Test
    void hostAndParentMustBothMatch() throws Exception {
        Suppressions suppressions = valid();
        String parent = "C:\\Program Files\\Veeam\\Veeam.Backup.Service.exe";

        assertThat(suppressions.match(alert("host", "bkp-07", "ParentImage", parent), TODAY))
                .map(Suppression::id)
                .contains("backup-agent");
        assertThat(suppressions.match(alert("host", "ws-07", "ParentImage", parent), TODAY))
                .isEmpty();
        assertThat(suppressions.match(alert("host", "bkp-07"), TODAY)).isEmpty();
    }

    @Test
    void parentIsFoundUnderEachAlias() throws Exception {
        Suppressions suppressions = valid();
        String parent = "C:\\Program Files\\Veeam\\Veeam.Backup.Service.exe";

        for (String name : AlertField.PARENT.names()) {
            assertThat(suppressions.match(alert("host", "BKP-1", name, parent), TODAY))
                    .as(name)
                    .isPresent();
        }
    }

    @Test
    void userMatchesThroughSubjectUserNameAndRegexIgnoresCaseWithFlag() throws Exception {
        Suppressions suppressions = valid();
        Fields payroll =
                alert(
                        "SubjectUserName", "SVC_PAYROLL",
                        "CommandLine", "AT.EXE 23:00 \"C:\\Payroll\\run.bat\"");

        assertThat(suppressions.match(payroll, TODAY))
                .map(Suppression::id)
                .contains("legacy-payroll");
    }

    @Test
    void regexIsCaseSensitiveWithoutFlagAndSearchesAnywhere() {
        ValuePattern pattern = ValuePattern.parse("/Win32_ScheduledJob/");

        assertThat(pattern).isInstanceOf(ValuePattern.Regex.class);
        assertThat(pattern.matches("wmic path Win32_ScheduledJob call create")).isTrue();
        assertThat(pattern.matches("wmic path win32_scheduledjob call create")).isFalse();
    }

    @Test
    void userUsesTheFirstPresentAliasOnly() throws Exception {
        Suppressions suppressions = valid();
        Fields alert =
                alert(
                        "User", "attacker",
                        "SubjectUserName", "svc_payroll",
                        "CommandLine", "at 23:00 c:\\payroll\\run.bat");

        assertThat(suppressions.match(alert, TODAY)).isEmpty();
    }

    @Test
    void multivalueParentMatchesWhenAnyValueDoes() throws Exception {
        Event.Builder event = Event.builder(new Provenance("test", 1, 1, 0));
        event.add("ParentImage", "C:\\Windows\\explorer.exe");
        event.add("ParentImage", "C:\\Program Files\\Tenable\\nessusd.exe");
        event.put("rule", "at-windows-process");

        assertThat(valid().match(event.build(), TODAY)).map(Suppression::id).contains("scanner");
    }

    @Test
    void ruleCriterionIsAGlob() throws Exception {
        Suppressions suppressions = valid();
        String parent = "C:\\Program Files\\Qualys\\QualysAgent.exe";

        assertThat(suppressions.match(alert("ParentImage", parent, "rule", "AT-WMI"), TODAY))
                .isPresent();
        assertThat(suppressions.match(alert("ParentImage", parent, "rule", "schtasks"), TODAY))
                .isEmpty();
    }

    @Test
    void globCoversTheWholeValueCaseInsensitively() {
        ValuePattern glob = ValuePattern.parse("*\\AT.exe");

        assertThat(glob).isInstanceOf(ValuePattern.Glob.class);
        assertThat(glob.matches("C:\\Windows\\System32\\at.exe")).isTrue();
        assertThat(glob.matches("C:\\Windows\\System32\\at.exe.bak")).isFalse();
        assertThat(glob.matches("C:\\Windows\\System32\\cat.exe")).isFalse();
        assertThat(ValuePattern.parse("a*b*c").matches("aXXbYYbZc")).isTrue();
        assertThat(ValuePattern.parse("a*b*c").matches("aXXbYYcZ")).isFalse();
        assertThat(ValuePattern.parse("*").matches("")).isTrue();
        assertThat(ValuePattern.parse("/usr/bin/at").matches("/USR/BIN/AT")).isTrue();
    }

    @Test
    void globWithManyStarsStaysFastOnLongValues() {
        ValuePattern glob = ValuePattern.parse("*a*a*a*a*a*a*a*a*a*b");
        String value = "a".repeat(200_000);

        long start = System.nanoTime();
        assertThat(glob.matches(value)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void expiredEntryNoLongerSuppressesAndIsListed() throws Exception {
        Suppressions suppressions = valid();
        Fields ci = alert("host", "build-3", "CommandLine", "at now + 1 minute");

        assertThat(suppressions.match(ci, LocalDate.of(2026, 1, 31))).isPresent();
        assertThat(suppressions.match(ci, LocalDate.of(2026, 2, 1))).isEmpty();
        assertThat(suppressions.expired(LocalDate.of(2026, 2, 1)))
                .extracting(Suppression::id)
                .containsExactly("ci-runner");
        assertThat(suppressions.expired(LocalDate.of(2027, 7, 1)))
                .extracting(Suppression::id)
                .containsExactly("backup-agent", "ci-runner");
    }

    @Test
    void countsEachEntryIncludingUnusedOnes() throws Exception {
        Suppressions suppressions = valid();
        Fields ci = alert("host", "build-3", "CommandLine", "at now + 1 minute -f job.sh");
        suppressions.match(ci, LocalDate.of(2026, 1, 1));
        suppressions.match(ci, LocalDate.of(2026, 1, 1));
        suppressions.match(alert("host", "other"), TODAY);

        assertThat(suppressions.counts())
                .containsExactly(
                        Map.entry("backup-agent", 0L),
                        Map.entry("legacy-payroll", 0L),
                        Map.entry("scanner", 0L),
                        Map.entry("ci-runner", 2L));
    }

    /** The problems loading {@code fixture} reports, as {@code line:column message}. */
    private static List<String> problemsOf(String fixture) throws Exception {
        Path file = fixture(fixture);
        try {
            Suppressions.load(file);
        } catch (SuppressionFileException e) {
            assertThat(e.getMessage()).startsWith(file.toString() + ":");
            return e.problems().stream()
                    .map(p -> p.line() + ":" + p.column() + " " + p.message())
                    .toList();
        }
        throw new AssertionError(fixture + " loaded without problems");
    }

    @Test
    void missingOwnerAndReasonAreReportedWithLineAndColumn() throws Exception {
        assertThat(problemsOf("missing-owner-and-reason.yaml"))
                .containsExactly(
                        "6:5 entry 'no-owner' lacks the required 'owner'",
                        "9:5 entry 'no-reason' lacks the required 'reason'");
    }

    @Test
    void exceptionMessageListsEachProblemWithFileLineAndColumn() {
        assertThatThrownBy(() -> Suppressions.load(fixture("missing-owner-and-reason.yaml")))
                .isInstanceOf(SuppressionFileException.class)
                .hasMessageContaining("missing-owner-and-reason.yaml:6:5: entry 'no-owner'")
                .hasMessageContaining("missing-owner-and-reason.yaml:9:5: entry 'no-reason'");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() throws Exception {
        List<String> problems = problemsOf("not-yaml.yaml");

        assertThat(problems).singleElement().asString().contains("not valid YAML");
        assertThat(Integer.parseInt(problems.get(0).split(":")[0])).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unknownKeyIsAnErrorNotIgnored() throws Exception {
        assertThat(problemsOf("unknown-key.yaml"))
                .containsExactly(
                        "3:5 unknown key 'hots'; expected id, host, user, parent, command, rule,"
                                + " owner, reason or expires",
                        "2:5 entry 'typo' has no criteria; give at least one of host, user,"
                                + " parent, command, rule (an entry without criteria would"
                                + " suppress every alert)");
    }

    @Test
    void badRegexBadDateMissingCriteriaAndDuplicateIdAreAllReported() throws Exception {
        List<String> problems = problemsOf("bad-values.yaml");

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("3:5 invalid regular expression /at(\\.exe/");
        assertThat(problems.get(1))
                .isEqualTo(
                        "10:5 'expires' must be an ISO date such as 2027-01-31, not '31/12/2027'");
        assertThat(problems.get(2)).startsWith("11:5 entry 'no-criteria' has no criteria");
        assertThat(problems.get(3)).isEqualTo("14:5 id 'bad-date' is used by an earlier entry");
    }

    @Test
    void acceptsATopLevelListAndAnEmptyFile() throws Exception {
        assertThat(Suppressions.load(fixture("top-level-list.yaml")).entries())
                .extracting(Suppression::id)
                .containsExactly("only");
        assertThat(Suppressions.load(fixture("empty.yaml")).entries()).isEmpty();
    }

    @Test
    void shippedExampleFileLoads() throws Exception {
        // Surefire runs in the module folder; the example lives at the repository's top.
        Path example = Path.of("..", "examples", "suppressions.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/suppressions.yaml not found");

        assertThat(Suppressions.load(example).entries()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void shippedExampleSuppressesEachAlertItDocuments() throws Exception {
        Path example = Path.of("..", "examples", "suppressions.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/suppressions.yaml not found");
        Suppressions suppressions = Suppressions.load(example);
        LocalDate day = LocalDate.of(2026, 6, 1);

        assertThat(
                        suppressions.match(
                                alert(
                                        "host", "BKP-02",
                                        "ParentImage", "D:\\BackupAgent\\bin\\scheduler.exe",
                                        "CommandLine",
                                                "\"C:\\Windows\\system32\\at.exe\" 02:00"
                                                        + " \"C:\\BackupAgent\\nightly.cmd\""),
                                day))
                .map(Suppression::id)
                .contains("legacy-backup-agent");
        assertThat(
                        suppressions.match(
                                alert(
                                        "host", "OLDSRV-7",
                                        "User", "OFFSEC\\adm-jdoe",
                                        "ParentImage", "C:\\Windows\\System32\\cmd.exe"),
                                day))
                .map(Suppression::id)
                .contains("legacy-server-admins");
        assertThat(
                        suppressions.match(
                                alert(
                                        "ParentProcessName",
                                                "C:\\Program Files\\Qualys\\QualysAgent.exe",
                                        "CommandLine", "wmic job list brief"),
                                day))
                .map(Suppression::id)
                .contains("scanner-job-enumeration");
        assertThat(
                        suppressions.match(
                                alert(
                                        "host", "build-agent-3",
                                        "auid", "gitlab-runner",
                                        "proctitle", "at -f /srv/ci/cleanup.sh now + 5 minutes"),
                                day))
                .map(Suppression::id)
                .contains("ci-cleanup-jobs");
        assertThat(
                        suppressions.match(
                                alert("host", "lab-win10-01", "rule", "win-at-exe-execution"), day))
                .map(Suppression::id)
                .contains("purple-team-lab");
    }

    @Test
    void everyRuleCriterionOfTheShippedExampleNamesABundledRule() throws Exception {
        Path example = Path.of("..", "examples", "suppressions.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/suppressions.yaml not found");
        List<String> ids = RulePack.bundled().rules().stream().map(Rule::id).toList();

        List<Suppression> withRule =
                Suppressions.load(example).entries().stream()
                        .filter(e -> e.criteria().containsKey(AlertField.RULE))
                        .toList();

        assertThat(withRule).isNotEmpty();
        assertThat(withRule)
                .allSatisfy(
                        entry ->
                                assertThat(ids)
                                        .as("rule ids matched by %s", entry.id())
                                        .anyMatch(
                                                id ->
                                                        entry
                                                                .criteria()
                                                                .get(AlertField.RULE)
                                                                .stream()
                                                                .anyMatch(p -> p.matches(id))));
    }

    @Test
    void shippedExampleLeavesTheAtomicTestOnAWorkstationAlone() throws Exception {
        Path example = Path.of("..", "examples", "suppressions.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/suppressions.yaml not found");

        Fields atomic =
                alert(
                        "host", "fs01.offsec.lan",
                        "SubjectUserName", "admmig",
                        "ParentProcessName", "C:\\Windows\\System32\\cmd.exe",
                        "CommandLine", "at  13:20 /interactive cmd",
                        "rule", "win-at-exe-execution");

        assertThat(Suppressions.load(example).match(atomic, LocalDate.of(2026, 6, 1))).isEmpty();
    }

    @Test
    void aliasesAreRefusedSoAnAliasBombIsNeverExpanded() throws Exception {
        long start = System.nanoTime();

        List<String> problems = problemsOf("alias-bomb.yaml");

        assertThat(problems).hasSize(11);
        assertThat(problems.get(10))
                .isEqualTo(
                        "13:5 'host' is a YAML alias; quote a pattern that starts with '*', and"
                                + " write values out instead of using aliases");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void fileLargerThanTheLimitIsRefusedUnread(@TempDir Path folder) throws Exception {
        Path big = folder.resolve("big.yaml");
        try (var out = Files.newBufferedWriter(big)) {
            for (long written = 0; written <= Suppressions.MAX_FILE_BYTES; written += 64) {
                out.write("# padding padding padding padding padding padding padding paddin\n");
            }
        }

        assertThatThrownBy(() -> Suppressions.load(big))
                .isInstanceOf(SuppressionFileException.class)
                .hasMessageContaining("the limit is " + Suppressions.MAX_FILE_BYTES);
    }

    @Test
    void unquotedGlobStartingWithAStarIsExplained() throws Exception {
        assertThat(problemsOf("unquoted-glob.yaml"))
                .singleElement()
                .asString()
                .startsWith("3:11 not valid YAML: while scanning an alias in 'reader', line 3,")
                .endsWith("(quote a pattern that starts with '*')")
                .doesNotContain("\n");
    }
}
