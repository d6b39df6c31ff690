package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.output.html.ReportAlert;
import dev.atwatch.output.html.ReportChain;
import dev.atwatch.output.html.RunReport;
import dev.atwatch.output.html.RunReportJson;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved runs ({@code --save-run}, {@code --format run-json}) and {@code atwatch report}. */
class ReportCommandTest {

    /** The reference rule alone, so that counts do not move with the bundled pack. */
    private static final String REFERENCE = "../rules/windows/reference.yaml";

    private static final String WMI =
            Path.of("..", "examples", "windows", "sysmon-wmi-scheduledjob.xml").toString();

    private static final String EXAMPLES = Path.of("..", "examples").toString();

    @TempDir Path dir;

    @Test
    void savedRunHoldsSummaryAlertsRawEventsAndAtJobs() throws Exception {
        Path run = dir.resolve("run.json");

        CommandRun hunt =
                CommandRun.of(
                        "hunt", "--quiet", "--rules", REFERENCE, "--save-run", run.toString(), WMI);

        assertThat(hunt.exitCode()).isZero();
        JsonNode saved = new ObjectMapper().readTree(run.toFile());
        assertThat(saved.path("version").asInt()).isEqualTo(1);
        assertThat(saved.path("summary").path("events").asLong()).isEqualTo(6);
        assertThat(saved.path("summary").path("paths").get(0).asText()).isEqualTo(WMI);
        JsonNode alerts = saved.path("alerts");
        assertThat(alerts).hasSize(4);
        for (JsonNode alert : alerts) {
            assertThat(alert.path("ruleId").asText()).isEqualTo("t1053-002-reference");
            assertThat(alert.path("raw").asText()).startsWith("<Event");
            assertThat(alert.path("atJob").path("JobSyntax").asText())
                    .isEqualTo("wmi_scheduled_job");
            assertThat(alert.path("explain").path("branches")).isNotEmpty();
        }
    }

    @Test
    void reportOfASavedRunListsEveryAlert() throws Exception {
        Path run = dir.resolve("run.json");
        Path html = dir.resolve("report.html");
        CommandRun.of(
                "hunt",
                "--quiet",
                "--rules",
                REFERENCE,
                "--format",
                "run-json",
                "-o",
                run.toString(),
                WMI);

        CommandRun report = CommandRun.of("report", run.toString(), "-o", html.toString());

        assertThat(report.exitCode()).isZero();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page.split("<tr class=\"alert ", -1)).hasSize(5);
        assertThat(page).contains("<h2>Alerts (4)</h2>").contains(WMI);
    }

    @Test
    void runJsonWithChainsRoundTripsTheChains() throws Exception {
        Path run = dir.resolve("run.json");
        CommandRun hunt =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--format",
                        "run-json",
                        "-o",
                        run.toString(),
                        EXAMPLES);
        CommandRun json =
                CommandRun.of("hunt", "--chains", "--quiet", "--format", "json", EXAMPLES);

        assertThat(hunt.exitCode()).as(hunt.err()).isZero();
        RunReport saved = RunReportJson.read(run);
        JsonNode printed = new ObjectMapper().readTree(json.out()).path("chains");
        assertThat(saved.chains()).hasSize(printed.size());
        for (int i = 0; i < printed.size(); i++) {
            ReportChain chain = saved.chains().get(i);
            JsonNode row = printed.get(i);
            assertThat(chain.id()).isEqualTo(row.path("chain").asText());
            assertThat(chain.host()).isEqualTo(row.path("host").asText());
            assertThat(chain.status()).isEqualTo(row.path("status").asText());
            assertThat(chain.note()).isEqualTo(row.path("note").asText(""));
            assertThat(chain.creation() != null).isEqualTo(row.has("created"));
            assertThat(chain.registration() != null).isEqualTo(row.has("registered"));
            assertThat(chain.execution() != null).isEqualTo(row.has("executed"));
            for (ReportChain.Step step : chain.steps()) {
                if (step != null) {
                    assertThat(step.sources()).contains(step.source());
                }
            }
        }
        StringWriter again = new StringWriter();
        RunReportJson.write(saved, again);
        assertThat(again.toString()).isEqualTo(Files.readString(run, StandardCharsets.UTF_8));
    }

    @Test
    void savedRunNamesEachAlertsChainAndKeepsTheChainNotes() throws Exception {
        Path run = dir.resolve("run.json");
        String sysmon = Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();

        CommandRun hunt =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--limit",
                        "chain-candidates=2",
                        "--save-run",
                        run.toString(),
                        sysmon);

        assertThat(hunt.exitCode()).as(hunt.err()).isZero();
        RunReport saved = RunReportJson.read(run);
        assertThat(saved.summary().notes())
                .anySatisfy(note -> assertThat(note).contains("--limit chain-candidates=N"));
        Set<String> ids = new HashSet<>();
        saved.chains().forEach(chain -> ids.add(chain.id()));
        for (ReportAlert alert : saved.alerts()) {
            String chain = alert.field("chain");
            if (!chain.isEmpty()) {
                assertThat(ids).contains(chain);
                ReportChain named =
                        saved.chains().stream()
                                .filter(c -> c.id().equals(chain))
                                .findFirst()
                                .orElseThrow();
                assertThat(named.steps())
                        .anySatisfy(step -> assertThat(step.sources()).contains(alert.source()));
            }
        }
    }

    @Test
    void htmlDrawsAFlowForEveryChainOfTheExamplesAlsoFromASavedRun() throws Exception {
        Path page = dir.resolve("hunt.html");
        Path run = dir.resolve("run.json");
        Path again = dir.resolve("report.html");
        CommandRun json =
                CommandRun.of("hunt", "--chains", "--quiet", "--format", "json", EXAMPLES);
        CommandRun html =
                CommandRun.of(
                        "hunt",
                        "--chains",
                        "--quiet",
                        "--format",
                        "html",
                        "-o",
                        page.toString(),
                        "--save-run",
                        run.toString(),
                        EXAMPLES);
        CommandRun report = CommandRun.of("report", run.toString(), "-o", again.toString());

        assertThat(html.exitCode()).as(html.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        JsonNode document = new ObjectMapper().readTree(json.out());
        String drawn = Files.readString(page, StandardCharsets.UTF_8);
        JsonNode chains = document.path("chains");
        assertThat(chains).hasSizeGreaterThan(10);
        assertThat(count(drawn, "<article class=\"chain-flow ")).isEqualTo(chains.size());
        for (JsonNode chain : chains) {
            String id = chain.path("chain").asText();
            String status = chain.path("status").asText();
            String flow = flow(drawn, id);
            int missing = status.equals("complete") ? 0 : status.split(",").length;
            assertThat(flow).as(id).contains(status);
            assertThat(count(flow, "<li class=\"step missing\">")).as(id).isEqualTo(missing);
            assertThat(count(flow, "<li class=\"step seen\">")).as(id).isEqualTo(3 - missing);
            assertThat(flow).as(id).contains(chain.path("note").asText(""));
        }
        int named = 0;
        for (JsonNode alert : document.path("alerts")) {
            named += alert.has("chain") ? 1 : 0;
        }
        assertThat(count(drawn, "\"><a href=\"#chain-C")).isEqualTo(named);
        assertThat(section(Files.readString(again, StandardCharsets.UTF_8), "chains"))
                .isEqualTo(section(drawn, "chains"));
    }

    @Test
    void runWithoutChainsSavesNone() throws Exception {
        Path run = dir.resolve("run.json");

        CommandRun.of("hunt", "--quiet", "--rules", REFERENCE, "--save-run", run.toString(), WMI);

        assertThat(new ObjectMapper().readTree(run.toFile()).path("chains").isNull()).isTrue();
        assertThat(RunReportJson.read(run).chains()).isNull();
    }

    @Test
    void runAndReportNameTheSuppressionFileWithWhatEachEntryHeldBack() throws Exception {
        Path allowlist = dir.resolve("allow.yaml");
        Files.writeString(
                allowlist,
                "suppressions:\n"
                        + "  - id: wmic-inventory\n"
                        + "    command: '*wmic*'\n"
                        + "    owner: soc@example.org\n"
                        + "    reason: the inventory agent lists jobs with wmic\n"
                        + "  - id: old-entry\n"
                        + "    host: 'NOWHERE-*'\n"
                        + "    owner: soc@example.org\n"
                        + "    reason: decommissioned\n"
                        + "    expires: 2020-01-01\n",
                StandardCharsets.UTF_8);
        Path run = dir.resolve("run.json");
        Path html = dir.resolve("report.html");

        CommandRun hunt =
                CommandRun.of(
                        "hunt",
                        "--quiet",
                        "--rules",
                        REFERENCE,
                        "--suppressions",
                        allowlist.toString(),
                        "--save-run",
                        run.toString(),
                        "--format",
                        "html",
                        "-o",
                        html.toString(),
                        WMI);

        assertThat(hunt.exitCode()).isZero();
        JsonNode saved = new ObjectMapper().readTree(run.toFile());
        JsonNode file = saved.path("summary").path("suppressions");
        assertThat(file.path("path").asText()).isEqualTo(allowlist.toString());
        assertThat(file.path("entries").get(0).path("id").asText()).isEqualTo("wmic-inventory");
        long held = file.path("entries").get(0).path("suppressed").asLong();
        assertThat(held).isPositive().isEqualTo(saved.path("suppressed").size());
        assertThat(file.path("entries").get(1).path("expired").asBoolean()).isTrue();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page)
                .contains(allowlist + ": " + held + " alert(s) held back by 1 of its 2 entries")
                .contains("<td><code>wmic-inventory</code></td><td class=\"count\">" + held)
                .contains("suppressed by <code class=\"entry\">wmic-inventory</code></summary>");
    }

    @Test
    void reportLimitsBelowTheirLeastAreUsageErrorsNamingTheOption() throws Exception {
        Path run = dir.resolve("run.json");
        CommandRun.of("hunt", "--quiet", "--rules", REFERENCE, "--save-run", run.toString(), WMI);

        CommandRun rows = CommandRun.of("report", "--report-rows", "0", run.toString());
        CommandRun details =
                CommandRun.of("hunt", "--format", "html", "--report-details", "-1", "no/such/path");

        assertThat(rows.exitCode()).isEqualTo(2);
        assertThat(rows.err()).contains("invalid value for --report-rows: 0; expected >= 1");
        assertThat(details.exitCode()).as("refused before any input is read").isEqualTo(2);
        assertThat(details.err()).contains("invalid value for --report-details: -1; expected >= 0");
    }

    @Test
    void runFileThatIsNotJsonIsAnInputErrorNamingTheFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"summary\": [", StandardCharsets.UTF_8);

        CommandRun report = CommandRun.of("report", bad.toString());

        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.err()).contains("bad.json").contains("not an atwatch run file");
    }

    @Test
    void missingRunFileIsAnInputError() {
        CommandRun report = CommandRun.of("report", dir.resolve("none.json").toString());

        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.err()).contains("cannot read run file");
    }

    @Test
    void completionScriptCompletesCommandsAndOptions() {
        CommandRun completion = CommandRun.of("completion");

        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out())
                .contains("complete -F")
                .contains("hunt")
                .contains("report")
                .contains("--hec-url")
                .contains("--explain");
    }

    private static String flow(String page, String id) {
        int start = page.indexOf("id=\"chain-" + id + "\">");
        assertThat(start).as("flow of " + id).isPositive();
        return page.substring(
                page.lastIndexOf("<article", start), page.indexOf("</article>", start));
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
