package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.spl.Spl;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.SearchNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --explain}: the matched search alternatives and the evidence of each score factor. */
class ExplainTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();
    private static final String WMI =
            Path.of("..", "examples", "windows", "sysmon-wmi-scheduledjob.xml").toString();

    @Test
    void jsonRowsCarryTheMatchedBranchAndThePatternEvidence() throws Exception {
        List<JsonNode> rows = jsonl("hunt", "--quiet", "--explain", "--format", "jsonl", SYSMON);

        JsonNode cmd =
                rows.stream()
                        .filter(r -> r.path("CommandLine").asText().contains("cmd.exe /c"))
                        .findFirst()
                        .orElseThrow();
        String commandLine = cmd.path("CommandLine").asText();
        JsonNode explain = cmd.path("explain");
        assertThat(texts(explain.path("branches")))
                .contains(
                        "EventCode=1 (Image=\"*\\\\at.exe\" OR Image=\"*\\\\at\")",
                        "Image=\"*\\\\at.exe\"");
        JsonNode factor = explain.path("factors").get(0);
        assertThat(factor.path("name").asText()).isEqualTo("IsSuspiciousPayload");
        assertThat(factor.path("field").asText()).isEqualTo("CommandLine");
        assertThat(factor.path("matched").asText()).isEqualTo("cmd.exe");
        assertThat(factor.path("start").asInt())
                .isEqualTo(commandLine.toLowerCase(Locale.ROOT).indexOf("cmd.exe"));
    }

    @Test
    void everyFactorThatIsOneIsExplainedAndNoOther() throws Exception {
        List<JsonNode> rows = jsonl("hunt", "--quiet", "--explain", "--format", "jsonl", WMI);

        assertThat(rows).isNotEmpty();
        for (JsonNode row : rows) {
            List<String> fired = new ArrayList<>();
            row.fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (name.startsWith("Is") && row.path(name).asInt() == 1) {
                                    fired.add(name);
                                }
                            });
            List<String> explained = new ArrayList<>();
            row.path("explain")
                    .path("factors")
                    .forEach(f -> explained.add(f.path("name").asText()));
            assertThat(explained).containsExactlyInAnyOrderElementsOf(fired);
        }
    }

    @Test
    void tableIsFollowedByOneExplanationPerRow() {
        CommandRun run = CommandRun.of("hunt", "--quiet", "--explain", WMI);

        String explain = run.out().substring(run.out().indexOf("\nexplain:\n"));
        assertThat(explain).contains("  #1 t1053-002-reference", "  #4 t1053-002-reference");
        assertThat(explain)
                .contains("IsWMIScheduledJob: /(win32_scheduledjob|scheduledjob)/ matched");
        assertThat(explain).contains("search matched: sourcetype=");
    }

    @Test
    void factorsThatAreNotPatternsShowTheExpressionAndTheFieldsItRead() {
        String audit = Path.of("..", "examples", "linux", "test5-sudo-at", "audit.log").toString();

        CommandRun run = CommandRun.of("hunt", "--quiet", "--explain", audit);

        assertThat(run.out()).contains("IsRoot: eval IsRoot=if(uid=\"0\" OR uid=\"root\"");
        assertThat(run.out()).contains("with uid=0");
    }

    @Test
    void suppressedRowsShownInJsonAreExplainedToo(@TempDir Path dir) throws Exception {
        Path allowlist = dir.resolve("suppressions.yaml");
        Files.writeString(
                allowlist,
                "suppressions:\n"
                        + "  - id: reference\n"
                        + "    owner: soc\n"
                        + "    reason: shown apart in this test\n"
                        + "    rule: t1053-002-reference\n",
                StandardCharsets.UTF_8);

        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--quiet",
                        "--explain",
                        "--format",
                        "json",
                        "--suppressions",
                        allowlist.toString(),
                        "--show-suppressed",
                        WMI);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        List<JsonNode> suppressed = new ArrayList<>();
        rows.forEach(
                row -> {
                    assertThat(row.path("explain").isObject()).as(row.toString()).isTrue();
                    if (row.has("suppressed_by")) {
                        suppressed.add(row);
                    }
                });
        assertThat(suppressed)
                .hasSize(4)
                .allSatisfy(
                        row -> {
                            assertThat(row.path("rule").asText()).isEqualTo("t1053-002-reference");
                            assertThat(row.path("explain").path("branches")).isNotEmpty();
                        });
    }

    @Test
    void factorReadingAFieldAnEarlierEvalComputedShowsWhatItMatched() throws Exception {
        String classic =
                Path.of("..", "examples", "windows", "security-4688-classic.log").toString();
        String rule = Path.of("..", "rules", "windows", "win_at_job_registration.yaml").toString();

        List<JsonNode> rows =
                jsonl("hunt", "-q", "--explain", "--format", "jsonl", "--rules", rule, classic);

        List<JsonNode> system =
                rows.stream().filter(r -> r.path("IsSystemContext").asInt() == 1).toList();
        assertThat(system).isNotEmpty();
        for (JsonNode row : system) {
            JsonNode factor = factor(row, "IsSystemContext");
            assertThat(factor.path("field").asText()).isEqualTo("TaskContent");
            assertThat(factor.path("matched").asText()).isEqualTo("S-1-5-18");
            assertThat(factor.path("start").asInt()).isPositive();
            assertThat(factor.toString()).doesNotContain("(absent)");
        }
    }

    @Test
    void factorInputsAreTheValuesAtItsEvalNotTheFinalRow() throws Exception {
        String search =
                "EventCode=1 Image=\"*\\\\at.exe\" | eval Step=\"first\", Cmd=lower(CommandLine)"
                        + " | eval IsFirst=if(Step=\"first\" AND len(Cmd) > 0, 1, 0)"
                        + " | eval Step=\"second\"";
        List<JsonNode> commands =
                jsonl(
                        "query",
                        "-q",
                        "--format",
                        "jsonl",
                        "--spl",
                        search + " | table CommandLine",
                        SYSMON);

        List<JsonNode> rows =
                jsonl(
                        "query",
                        "-q",
                        "--explain",
                        "--format",
                        "jsonl",
                        "--spl",
                        search + " | table _time, IsFirst, Step",
                        SYSMON);

        assertThat(rows).hasSameSizeAs(commands).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            String command = commands.get(i).path("CommandLine").asText();
            assertThat(rows.get(i).path("Step").asText()).isEqualTo("second");
            assertThat(texts(factor(rows.get(i), "IsFirst").path("inputs")))
                    .containsExactly("Step=first", "Cmd=" + command.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void explainWithCsvIsAUsageError() {
        CommandRun run = CommandRun.of("hunt", "--explain", "--format", "csv", WMI);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--explain works with --format table, json");
    }

    @Test
    void searchTextIsWrittenBackAsSplunkReadsIt() {
        Command.Search search =
                Spl.compile("a=1 (b=\"x y\" OR NOT c=2) d=\"*\\\\at.exe\" | table a")
                        .query()
                        .orElseThrow()
                        .pipeline()
                        .firstSearch()
                        .orElseThrow();
        SearchNode node = search.node();

        assertThat(ExplainSyntax.search(node))
                .isEqualTo("a=1 (b=\"x y\" OR NOT c=2) d=\"*\\\\at.exe\"");
    }

    private static List<JsonNode> jsonl(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        return rows;
    }

    private static JsonNode factor(JsonNode row, String name) {
        for (JsonNode factor : row.path("explain").path("factors")) {
            if (factor.path("name").asText().equals(name)) {
                return factor;
            }
        }
        throw new AssertionError("no factor " + name + " in " + row);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
