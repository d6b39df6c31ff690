package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved runs ({@code --save-run}, {@code --format run-json}) and {@code atwatch report}. */
class ReportCommandTest {

    /** The reference rule alone, so that counts do not move with the bundled pack. */
    private static final String REFERENCE = "../rules/windows/reference.yaml";

    private static final String WMI =
            Path.of("..", "examples", "windows", "sysmon-wmi-scheduledjob.xml").toString();

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
}
