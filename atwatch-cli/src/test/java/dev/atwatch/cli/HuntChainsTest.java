package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntChainsTest {

    private static final Path WINDOWS = Path.of("..", "examples", "windows");
    private static final Path LINUX = Path.of("..", "examples", "linux");
    private static final Path ATOMIC = Path.of("..", "examples", "atomic");
    private static final String EXAMPLES = Path.of("..", "examples").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one JSON document and fails on anything after it. */
    private static final ObjectMapper ONE_DOCUMENT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The rules that fire on a job's registration: the task or job file, the at spool file. */
    private static final Set<String> REGISTRATION_RULES =
            Set.of("win-at-job-registration", "linux-at-spool-write");

    @Test
    void chainsFollowTheAlertsAndAlertsNameTheirChain() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--format",
                        "csv",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] parts = run.out().split("\\r?\\n\\r?\\n", 2);
        assertThat(parts).hasSize(2);
        List<String> alerts = Arrays.asList(parts[0].split("\\R"));
        assertThat(alerts.get(0)).startsWith("rule,").endsWith(",source,chain");
        assertThat(alerts)
                .filteredOn(line -> line.contains("at  13:20 /interactive cmd"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",C1"));
        List<String> chains = Arrays.asList(parts[1].strip().split("\\R"));
        assertThat(chains)
                .containsExactly(
                        "chain,host,created,command,registered,executed,status,note",
                        "C1,WS-FIN-014.kestrel.lan,2026-03-10T13:05:10Z,cmd,"
                                + "2026-03-10T13:05:10Z At1.job,2026-03-10T13:20:00Z cmd,complete,",
                        "C2,WS-FIN-014.kestrel.lan,2026-03-10T13:09:11Z,cmd.exe /c whoami,"
                                + "2026-03-10T13:09:11Z At2.job,,partial (no execution),"
                                + "the input ends before the predicted run");
        assertThat(run.err()).contains("chains: 1 complete, 1 partial");
    }

    @Test
    void linuxChainsInJsonLines() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--format",
                        "jsonl",
                        LINUX.resolve("test4-at-job").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "{\"record\":\"chain\",\"chain\":\"C1\",\"host\":\"web01\","
                                + "\"created\":\"2026-12-03T18:31:02Z\"");
        assertThat(run.out()).contains("\"executed\":\"2026-12-03T18:32:00Z sh\"");
        assertThat(run.out()).contains("\"status\":\"complete\"");
    }

    @Test
    void jsonWithChainsIsOneDocumentHoldingTheAlertsAndTheChains() throws Exception {
        CommandRun run = CommandRun.of("hunt", "--chains", "--quiet", "--format", "json", EXAMPLES);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = ONE_DOCUMENT.readTree(run.out());
        assertThat(fieldNames(document)).containsExactly("alerts", "chains");
        assertThat(document.path("alerts"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.has("rule")).isTrue());
        JsonNode chains = document.path("chains");
        assertThat(chains).hasSizeGreaterThan(10);
        for (int i = 0; i < chains.size(); i++) {
            JsonNode chain = chains.get(i);
            assertThat(fieldNames(chain)).startsWith("chain", "host").doesNotContain("record");
            assertThat(chain.path("chain").asText()).isEqualTo("C" + (i + 1));
            assertThat(chain.path("status").asText()).matches("complete|partial \\(no .*\\)");
        }
        Set<String> named = new TreeSet<>();
        document.path("alerts").forEach(a -> named.add(a.path("chain").asText("-")));
        assertThat(named).contains("C1", "-");
    }

    @Test
    void explainedJsonAndJsonLinesKeepTheChains() throws Exception {
        String sysmon = WINDOWS.resolve("sysmon-at-cmd.xml").toString();

        CommandRun json =
                CommandRun.of(
                        "hunt", "--chains", "--quiet", "--explain", "--format", "json", sysmon);
        CommandRun lines =
                CommandRun.of(
                        "hunt", "--chains", "--quiet", "--explain", "--format", "jsonl", sysmon);

        JsonNode document = ONE_DOCUMENT.readTree(json.out());
        assertThat(document.path("alerts"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("explain").isObject()).isTrue());
        assertThat(document.path("chains")).hasSize(2);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines.out().split("\\R")) {
            rows.add(ONE_DOCUMENT.readTree(line));
        }
        List<JsonNode> chainLines =
                rows.stream().filter(r -> r.path("record").asText().equals("chain")).toList();
        assertThat(chainLines).hasSize(2);
        assertThat(rows).hasSize(document.path("alerts").size() + 2);
        assertThat(rows.subList(0, rows.size() - 2))
                .allSatisfy(r -> assertThat(r.has("record")).isFalse())
                .allSatisfy(r -> assertThat(r.path("explain").isObject()).isTrue());
        assertThat(chainLines.get(0).path("chain").asText()).isEqualTo("C1");
        assertThat(chainLines.get(0).path("status").asText()).isEqualTo("complete");
    }

    @Test
    void jsonWithoutChainsStaysAnArrayOfAlerts() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--quiet",
                        "--format",
                        "json",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        JsonNode document = ONE_DOCUMENT.readTree(run.out());
        assertThat(document.isArray()).isTrue();
        assertThat(document).isNotEmpty().allSatisfy(a -> assertThat(a.has("chain")).isFalse());
    }

    @Test
    void registrationAlertsNameTheirChainOnTheAtomicReplay() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "hunt", "--chains", "--quiet", "--format", "jsonl", ATOMIC.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> chains = new LinkedHashMap<>();
        List<JsonNode> registrations = new ArrayList<>();
        for (String line : run.out().split("\\R")) {
            JsonNode node = JSON.readTree(line);
            if (node.path("record").asText().equals("chain")) {
                chains.put(node.path("chain").asText(), node);
            } else if (REGISTRATION_RULES.contains(node.path("rule").asText())) {
                registrations.add(node);
            }
        }
        // Sysmon 11 of At1.job, Security 4698 and Task Scheduler 106 of tests 1 to 3, in every
        // format (the 4698 also in the logs without command-line auditing); the at spool files of
        // tests 4 and 5; the upper-case AT3.JOB of the variants, in Sysmon XML and classic text.
        assertThat(registrations).hasSize(23);
        Set<String> named = new TreeSet<>();
        for (JsonNode alert : registrations) {
            JsonNode chain = chains.get(alert.path("chain").asText());
            assertThat(chain).as("chain of " + alert).isNotNull();
            assertThat(chain.path("host").asText()).isEqualTo(alert.path("host").asText());
            Instant registered = Instant.parse(chain.path("registered").asText().split(" ")[0]);
            Instant raised = OffsetDateTime.parse(alert.path("_time").asText()).toInstant();
            assertThat(Duration.between(registered, raised).abs())
                    .isLessThan(Duration.ofSeconds(5));
            named.add(chain.path("chain").asText());
        }
        Set<String> withRegistration = new TreeSet<>();
        chains.forEach(
                (id, chain) -> {
                    if (chain.has("registered")) {
                        withRegistration.add(id);
                    }
                });
        assertThat(named)
                .isEqualTo(withRegistration)
                .containsExactly("C1", "C12", "C13", "C2", "C3", "C8");
    }

    @Test
    void suppressedAlertsShownWithChainsNameTheirChain(@TempDir Path dir) throws Exception {
        Path allowlist = dir.resolve("suppressions.yaml");
        Files.writeString(
                allowlist,
                "suppressions:\n"
                        + "  - id: registrations\n"
                        + "    owner: soc\n"
                        + "    reason: shown apart in this test\n"
                        + "    rule: win-at-job-registration\n",
                StandardCharsets.UTF_8);

        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--format",
                        "jsonl",
                        "--suppressions",
                        allowlist.toString(),
                        "--show-suppressed",
                        ATOMIC.resolve("t1-at-cmd").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> suppressed = new ArrayList<>();
        for (String line : run.out().split("\\R")) {
            JsonNode node = JSON.readTree(line);
            if (node.has("suppressed_by")) {
                suppressed.add(node);
            }
        }
        // Sysmon 11 in XML and NXLog JSON, the 106, and the 4698 in XML, NXLog JSON, classic text
        // and the log without command-line auditing.
        assertThat(suppressed)
                .hasSize(7)
                .allSatisfy(alert -> assertThat(alert.path("chain").asText()).isEqualTo("C1"));
    }

    @Test
    void withoutChainsThereIsNoChainColumn() {
        CommandRun run =
                CommandRun.of(
                        "hunt", "--format", "csv", WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.out()).doesNotContain(",chain").doesNotContain("C1,");
    }

    @Test
    void chainLimitsAreSetWithLimit() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--limit",
                        "chain-candidates=2",
                        "--format",
                        "csv",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("raise it with --limit chain-candidates=N");
    }

    @Test
    void badChainLimitIsAUsageError() {
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--limit",
                        "chain-open-jobs=0",
                        WINDOWS.resolve("sysmon-at-cmd.xml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("chain-open-jobs must be at least 1, not 0");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
