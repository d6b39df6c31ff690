package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees: exit codes, error messages, output formats, the summary. */
class CommandLineTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();
    private static final String ATEXEC =
            Path.of(
                            "..",
                            "atwatch-core",
                            "src",
                            "test",
                            "resources",
                            "dev",
                            "atwatch",
                            "read",
                            "evtx",
                            "atexec-remote-task.evtx")
                    .toString();
    private static final String AT_QUERY =
            "index=wineventlog EventCode=1 Image=\"*\\\\at.exe\" | table _time, Image, CommandLine"
                    + " | sort - _time";

    @Test
    void missingInputPathExitsWithInputErrorNamingThePath() {
        CommandRun run = CommandRun.of("hunt", "no/such/folder");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no/such/folder");
    }

    @Test
    void unknownFormatOptionIsAUsageErrorListingTheChoices() {
        CommandRun run = CommandRun.of("query", "--format", "xlsx", "--spl", "x", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'xlsx'").contains("table, csv, json, jsonl");
    }

    @Test
    void badSearchIsAUsageErrorWithACaretUnderTheQuery() {
        CommandRun run = CommandRun.of("query", "--spl", "EventCode=1 | frobnicate x", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate").contains("^");
    }

    @Test
    void queryRequiresExactlyOneSearch() {
        CommandRun run = CommandRun.of("query", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--spl");
    }

    @Test
    void failOnAlertExitsWithOneWhenRowsAreFound() {
        CommandRun found =
                CommandRun.of("query", "-q", "--fail-on-alert", "--spl", AT_QUERY, SYSMON);
        CommandRun none =
                CommandRun.of(
                        "query", "-q", "--fail-on-alert", "--spl", "EventCode=999999", SYSMON);

        assertThat(found.exitCode()).isEqualTo(1);
        assertThat(none.exitCode()).isZero();
    }

    @Test
    void jsonLinesKeepNumbersAsNumbersAndTimeAsIsoText() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "query",
                        "-q",
                        "--format",
                        "jsonl",
                        "--spl",
                        "EventCode=1 Image=\"*\\\\at.exe\" | eval n=1+1 | table _time, n, Image",
                        SYSMON);

        List<JsonNode> rows = jsonLines(run.out());
        assertThat(rows).hasSize(3);
        JsonNode first = rows.get(0);
        assertThat(first.get("n").isIntegralNumber()).isTrue();
        assertThat(first.get("n").asInt()).isEqualTo(2);
        assertThat(first.get("_time").asText())
                .matches("2026-03-10T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
    }

    /** Each line of {@code out} as the one JSON object it must hold, with nothing around it. */
    private static List<JsonNode> jsonLines(String out) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        assertThat(out).endsWith("\n");
        for (String line : out.substring(0, out.length() - 1).split("\n", -1)) {
            assertThat(line).as("a JSON line").startsWith("{").endsWith("}");
            try (JsonParser parser = mapper.createParser(line)) {
                JsonNode row = mapper.readTree(parser);
                assertThat(row.isObject()).as(line).isTrue();
                assertThat(parser.nextToken()).as("one object on the line: " + line).isNull();
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void everyJsonLineOfHuntAndExplainIsOneObject() throws Exception {
        CommandRun hunt = CommandRun.of("hunt", "-q", "--format", "jsonl", SYSMON);
        CommandRun explained =
                CommandRun.of("hunt", "-q", "--format", "jsonl", "--explain", SYSMON);

        List<JsonNode> rows = jsonLines(hunt.out());
        assertThat(rows).hasSizeGreaterThan(3);
        assertThat(jsonLines(explained.out()))
                .hasSameSizeAs(rows)
                .allSatisfy(row -> assertThat(row.get("explain").isObject()).isTrue());
    }

    @Test
    void jsonLinesGiveAtwatchNumbersAsNumbersAndExtractedFieldsAsText() throws Exception {
        CommandRun hunt = CommandRun.of("hunt", "-q", "--format", "jsonl", SYSMON);
        CommandRun query =
                CommandRun.of(
                        "query",
                        "-q",
                        "--format",
                        "jsonl",
                        "--spl",
                        "EventCode=1 Image=\"*\\\\at.exe\" | table EventCode, ProcessId",
                        SYSMON);

        JsonNode created =
                jsonLines(hunt.out()).stream()
                        .filter(row -> row.has("JobInteractive"))
                        .findFirst()
                        .orElseThrow();
        assertThat(created.get("JobInteractive").isIntegralNumber()).isTrue();
        assertThat(created.get("IsInteractive").isIntegralNumber()).isTrue();
        assertThat(created.get("JobTime").isTextual()).isTrue();
        JsonNode extracted = jsonLines(query.out()).get(0);
        assertThat(extracted.get("EventCode").isTextual()).isTrue();
        assertThat(extracted.get("EventCode").asText()).isEqualTo("1");
        assertThat(extracted.get("ProcessId").isTextual()).isTrue();
    }

    @Test
    void huntRowsCarryTheRuleAndTheSourceLocation() throws Exception {
        CommandRun run = CommandRun.of("hunt", "-q", "--format", "jsonl", SYSMON);

        assertThat(run.exitCode()).isZero();
        JsonNode first = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(first.get("rule").asText()).isEqualTo("t1053-002-reference");
        assertThat(first.get("source").asText()).startsWith(SYSMON + ":");
    }

    @Test
    void summaryCountsInputsEventsAndRowsPerRule() {
        CommandRun run = CommandRun.of("hunt", "--format", "csv", SYSMON);

        assertThat(run.err())
                .contains("1 input(s) (winxml 1)")
                .contains("events parsed")
                .contains("events/s")
                .containsPattern("rule t1053-002-reference \\(.*\\): 3 row\\(s\\)");
    }

    @Test
    void outputFileIsWrittenWholeAndStdoutStaysEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.csv");

        CommandRun run =
                CommandRun.of("hunt", "-q", "--format", "csv", "-o", file.toString(), SYSMON);

        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("rule,_time,host");
        try (var listing = Files.list(dir)) {
            assertThat(listing.count()).as("no temporary file left behind").isEqualTo(1);
        }
    }

    @Test
    void earliestAndLatestKeepOnlyEventsInTheRange() {
        CommandRun inside =
                CommandRun.of(
                        "query",
                        "-q",
                        "--format",
                        "csv",
                        "--earliest",
                        "2026-03-10T13:06:00Z",
                        "--latest",
                        "2026-03-10T13:10:00Z",
                        "--spl",
                        AT_QUERY,
                        SYSMON);

        assertThat(inside.out().lines().skip(1).toList())
                .singleElement()
                .asString()
                .contains("/every:M,T");
    }

    @Test
    void invalidTimeNamesTheOptionAndTheAcceptedForms() {
        CommandRun run =
                CommandRun.of("query", "--earliest", "yesterday-ish", "--spl", "x", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--earliest").contains("-24h");
    }

    @Test
    void earliestAfterLatestIsAUsageError() {
        CommandRun run =
                CommandRun.of(
                        "query",
                        "--earliest",
                        "2026-03-11",
                        "--latest",
                        "2026-03-10T12:00:00Z",
                        "--spl",
                        "x",
                        SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "error: --earliest '2026-03-11' (2026-03-11T00:00:00Z) is not before"
                                + " --latest '2026-03-10T12:00:00Z' (2026-03-10T12:00:00Z): no"
                                + " event could be in the range"
                                + System.lineSeparator());
    }

    @Test
    void sortCuttingRowsIsNotedOnStandardErrorOnly(@TempDir Path dir) throws Exception {
        Path many = dir.resolve("many.xml");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 10_003; i++) {
            events.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                                    + "<System><EventID>4688</EventID><TimeCreated"
                                    + " SystemTime='2026-03-10T%02d:%02d:%02d.000Z'/>"
                                    + "<EventRecordID>%d</EventRecordID><Channel>Security</Channel>"
                                    + "<Computer>ws1</Computer></System></Event>%n",
                            i / 3600,
                            i / 60 % 60,
                            i % 60,
                            i));
        }
        Files.writeString(many, events, StandardCharsets.UTF_8);
        String query = "| sort - _time | table _time EventRecordID";

        CommandRun capped =
                CommandRun.of("query", "--format", "csv", "--spl", query, many.toString());
        CommandRun three =
                CommandRun.of(
                        "query", "--format", "csv", "--spl", "| sort 3 EventRecordID", SYSMON);

        assertThat(capped.exitCode()).isZero();
        assertThat(capped.out().lines().count()).isEqualTo(10_001);
        assertThat(capped.out().lines().skip(1).findFirst().orElseThrow()).endsWith(",10002");
        assertThat(capped.out()).doesNotContain("cut");
        assertThat(capped.err())
                .contains("rule query (ad-hoc query): 10,000 row(s)")
                .contains("    note: sort: 10003 rows cut to 10000 (use sort 0 for all)");
        assertThat(three.err()).containsPattern("note: sort: \\d+ rows cut to 3 \\(use sort 0");
        assertThat(CommandRun.of("query", "-q", "--spl", query, many.toString()).err()).isEmpty();
    }

    @Test
    void feedBufferIsALimitOfQueryAndHunt() {
        CommandRun tiny =
                CommandRun.of(
                        "hunt",
                        "-q",
                        "--format",
                        "csv",
                        "--threads",
                        "4",
                        "--limit",
                        "feed-buffer=1",
                        "../examples/windows");
        CommandRun usual =
                CommandRun.of(
                        "hunt", "-q", "--format", "csv", "--threads", "1", "../examples/windows");
        CommandRun zero = CommandRun.of("query", "--limit", "feed-buffer=0", "--spl", "x", SYSMON);

        assertThat(tiny.exitCode()).isZero();
        assertThat(tiny.out()).isEqualTo(usual.out());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("feed-buffer must be at least 1");
    }

    @Test
    void unknownLimitIsAUsageErrorListingKnownLimits() {
        CommandRun run = CommandRun.of("query", "--limit", "bogus=3", "--spl", "x", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("bogus")
                .contains("line-bytes")
                .contains("evtx-template-depth")
                .contains("evtx-chunk-render");
    }

    @Test
    void evtxLimitsAreSetWithTheLimitOption() {
        String search = "| stats count";

        CommandRun defaults = CommandRun.of("query", "--format", "csv", "--spl", search, ATEXEC);
        CommandRun lowered =
                CommandRun.of(
                        "query",
                        "--format",
                        "csv",
                        "--limit",
                        "evtx-substitutions=10",
                        "--spl",
                        search,
                        ATEXEC);
        CommandRun bad =
                CommandRun.of("query", "--limit", "evtx-chunk-render=0", "--spl", search, ATEXEC);

        assertThat(defaults.out().lines()).containsExactly("count", "12");
        assertThat(lowered.exitCode()).isZero();
        assertThat(lowered.out().lines()).containsExactly("count", "0");
        assertThat(lowered.err())
                .contains("rejected limit.evtx-substitutions: 12")
                .contains("raise with --limit evtx-substitutions=N");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("evtx-chunk-render must be positive");
    }

    @Test
    void summaryListsWarningsApartFromRejections(@TempDir Path dir) throws Exception {
        byte[] file = Files.readAllBytes(Path.of(ATEXEC));
        file[4096 + 700] ^= 0x01; // inside a string value: the records checksum fails
        Path damaged = dir.resolve("damaged.evtx");
        Files.write(damaged, file);

        CommandRun run =
                CommandRun.of(
                        "query", "--format", "csv", "--spl", "| stats count", damaged.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("count", "12");
        assertThat(run.err())
                .contains("0 rejected")
                .contains("warning evtx.records-checksum: 1")
                .contains("@4096 (event records checksum");
    }

    @Test
    void splunkSemanticsOnClassicEventsFindsNothingWherePortableFindsTheAtExecution() {
        String classic =
                Path.of("..", "examples", "windows", "security-4688-classic.log").toString();
        String search =
                "index=wineventlog sourcetype=\"WinEventLog:Security\" EventCode=4688"
                        + " NewProcessName=\"*\\\\at.exe\" | table _time, NewProcessName";

        CommandRun splunk =
                CommandRun.of(
                        "query",
                        "--semantics",
                        "splunk",
                        "--format",
                        "csv",
                        "--spl",
                        search,
                        classic);
        CommandRun portable = CommandRun.of("query", "--format", "csv", "--spl", search, classic);

        assertThat(splunk.out().lines().count()).isEqualTo(1);
        assertThat(portable.out().lines().count()).isGreaterThan(1);
        assertThat(portable.err()).contains("NewProcessName<-New_Process_Name");
    }

    @Test
    void suppressedAlertsAreCountedPerEntryAndListedOnRequest(@TempDir Path dir) throws Exception {
        Path allowlist = dir.resolve("allow.yaml");
        Files.writeString(
                allowlist,
                "suppressions:\n"
                        + "  - id: lab-admin\n"
                        + "    command: '*/every:*'\n"
                        + "    owner: soc@example.org\n"
                        + "    reason: lab host re-runs the test every week\n"
                        + "  - id: old-entry\n"
                        + "    host: 'NOWHERE-*'\n"
                        + "    owner: soc@example.org\n"
                        + "    reason: decommissioned\n"
                        + "    expires: 2020-01-01\n");

        CommandRun hidden =
                CommandRun.of(
                        "hunt", "--format", "csv", "--suppressions", allowlist.toString(), SYSMON);
        CommandRun shown =
                CommandRun.of(
                        "hunt",
                        "--format",
                        "csv",
                        "--suppressions",
                        allowlist.toString(),
                        "--show-suppressed",
                        SYSMON);

        assertThat(hidden.out()).doesNotContain("/every:");
        assertThat(hidden.err())
                .containsPattern(
                        "\\d+ alert\\(s\\) suppressed \\(list them with --show-suppressed\\)")
                .containsPattern("\n    lab-admin: [1-9]")
                .contains("\n    old-entry: 0 (expired)\n")
                .contains("suppression old-entry expired on 2020-01-01");
        assertThat(shown.out().lines().filter(line -> line.contains("/every:")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",lab-admin"));
    }

    @Test
    void anEntryThatSuppressedNothingIsListedWithZero(@TempDir Path dir) throws Exception {
        Path allowlist = dir.resolve("allow.yaml");
        Files.writeString(
                allowlist,
                "suppressions:\n"
                        + "  - id: stale-rule-name\n"
                        + "    rule: 'at-*'\n"
                        + "    owner: soc@example.org\n"
                        + "    reason: written for rule ids the pack no longer has\n");

        CommandRun run =
                CommandRun.of(
                        "hunt", "--format", "csv", "--suppressions", allowlist.toString(), SYSMON);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("  0 alert(s) suppressed, per entry:\n    stale-rule-name: 0\n");
    }

    @Test
    void missingSuppressionsFileIsAnInputError() {
        CommandRun run = CommandRun.of("hunt", "--suppressions", "no/such.yaml", SYSMON);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no/such.yaml");
    }

    @Test
    void versionIsTheProjectVersionOfTheBuild() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher parent =
                Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                        .matcher(pom);
        assertThat(parent.find()).isTrue();

        assertThat(CommandRun.of("--version").out().strip())
                .isEqualTo("atwatch " + parent.group(1));
    }

    @Test
    void helpWorks() {
        assertThat(CommandRun.of("hunt", "--help").out()).contains("Examples:").contains("--rules");
    }
}
