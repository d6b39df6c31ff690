package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atwatch.output.hec.CollectorStub;
import dev.atwatch.output.hec.HecDelivery;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --hec-url} on hunt and query: what is sent, and what the user sees when it fails. */
class HecOutputTest {

    /** The reference rule alone, so that counts do not move with the bundled pack. */
    private static final String REFERENCE = "../rules/windows/reference.yaml";

    private static final String WMI =
            Path.of("..", "examples", "windows", "sysmon-wmi-scheduledjob.xml").toString();

    @AfterEach
    void restoreEnvironment() {
        RunOptions.environment = System::getenv;
    }

    private static void token(String value) {
        Function<String, String> environment = Map.of(HecDelivery.TOKEN_VARIABLE, value)::get;
        RunOptions.environment = environment;
    }

    @Test
    void huntSendsEachAlertAsAnEventWithTimeHostAndRule() throws Exception {
        token(CollectorStub.TOKEN);
        try (CollectorStub collector = new CollectorStub(n -> 200)) {
            CommandRun run =
                    CommandRun.of(
                            "hunt", "--rules", REFERENCE, "--hec-url", collector.baseUrl(), WMI);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("sent 4 alert(s) to " + collector.baseUrl());
            assertThat(collector.accepted()).hasSize(4);
            JsonNode first = collector.accepted().get(0);
            assertThat(first.path("time").asDouble()).isGreaterThan(1.7e9);
            assertThat(first.path("host").asText()).isEqualTo("SRV-APP-03.kestrel.lan");
            assertThat(first.path("source").asText()).isEqualTo("atwatch");
            assertThat(first.path("sourcetype").asText()).isEqualTo("atwatch:alert");
            assertThat(first.path("event").path("rule").asText()).isEqualTo("t1053-002-reference");
            assertThat(first.path("event").path("CommandLine").asText()).contains("scheduledjob");
        }
    }

    @Test
    void queryRefusedByTheCollectorExitsNonZeroShowingTheServersMessage() throws Exception {
        token(CollectorStub.TOKEN);
        try (CollectorStub collector = new CollectorStub(n -> 400)) {
            CommandRun run =
                    CommandRun.of(
                            "query",
                            "--hec-url",
                            collector.baseUrl(),
                            "--spl",
                            "EventCode=1 | table _time, host, CommandLine",
                            WMI);

            assertThat(run.exitCode()).isEqualTo(HecDelivery.EXIT_NOT_DELIVERED);
            assertThat(run.err()).contains("HTTP 400").contains("Incorrect data format");
            assertThat(collector.requests()).isEqualTo(1);
        }
    }

    @Test
    void missingTokenIsAUsageErrorNamingTheVariable() {
        RunOptions.environment = name -> null;

        CommandRun run = CommandRun.of("hunt", "--hec-url", "https://splunk.example:8088", WMI);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ATWATCH_HEC_TOKEN").contains("not set");
    }

    @Test
    void untrustedCollectorFailsAtOnceSayingHowToTrustIt() throws Exception {
        token(CollectorStub.TOKEN);
        try (CollectorStub collector = CollectorStub.https(n -> 200)) {
            CommandRun run =
                    CommandRun.of(
                            "hunt", "--rules", REFERENCE, "--hec-url", collector.baseUrl(), WMI);

            assertThat(run.exitCode()).isEqualTo(HecDelivery.EXIT_NOT_DELIVERED);
            assertThat(run.err())
                    .contains("is not trusted or does not name the host")
                    .contains("trust store")
                    .contains("--hec-insecure")
                    .contains("0 alert(s) delivered");
            assertThat(collector.connections()).isEqualTo(1);
            assertThat(collector.accepted()).isEmpty();
        }
    }

    @Test
    void insecureModeSendsToACollectorWithASelfSignedCertificate() throws Exception {
        token(CollectorStub.TOKEN);
        try (CollectorStub collector = CollectorStub.https(n -> 200)) {
            CommandRun run =
                    CommandRun.of(
                            "hunt",
                            "--rules",
                            REFERENCE,
                            "--hec-insecure",
                            "--hec-url",
                            collector.baseUrl(),
                            WMI);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("warning: --hec-insecure");
            assertThat(collector.accepted()).hasSize(4);
        }
    }

    @Test
    void insecureModeWarns() throws Exception {
        token(CollectorStub.TOKEN);
        try (CollectorStub collector = new CollectorStub(n -> 200)) {
            CommandRun run =
                    CommandRun.of("hunt", "--hec-insecure", "--hec-url", collector.baseUrl(), WMI);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("warning: --hec-insecure");
        }
    }
}
