package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.kafka.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka as a live source of log records and as a destination of alerts, on a real broker. */
class KafkaCommandTest {

    private static final Path TEST4 = Path.of("..", "examples", "linux", "test4-at-job");

    @TempDir static Path brokerDir;

    private static KafkaBroker broker;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static CommandRun hunt(String... paths) {
        List<String> args = new ArrayList<>(List.of("hunt", "-q", "--format", "jsonl"));
        args.addAll(List.of(paths));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isZero();
        return run;
    }

    /** Rule and source of each JSON line, the source's input renamed by {@code renames}. */
    private static List<String> alerts(String jsonLines, String... renames) throws IOException {
        List<String> alerts = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : jsonLines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            var row = json.readTree(line);
            String source = row.path("source").asText();
            for (int i = 0; i < renames.length; i += 2) {
                source = source.replace(renames[i], renames[i + 1]);
            }
            alerts.add(row.path("rule").asText() + " " + source);
        }
        return alerts;
    }

    @Test
    void followReadsLogRecordsFromTopicsAndFindsWhatHuntFindsInTheFiles() throws Exception {
        broker.createTopic("audit-lines", 1);
        broker.createTopic("syslog-lines", 1);
        String audit = broker.url("audit-lines");
        String syslog = broker.url("syslog-lines");
        CompletableFuture<CommandRun> follow =
                CompletableFuture.supplyAsync(
                        () ->
                                CommandRun.of(
                                        "follow",
                                        "--from-start",
                                        "--interval",
                                        "200ms",
                                        "--exit-when-idle",
                                        "4s",
                                        audit,
                                        syslog));
        broker.produce("audit-lines", lines(TEST4.resolve("audit.log")));
        broker.produce("syslog-lines", lines(TEST4.resolve("syslog")));

        CommandRun run = follow.get(120, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String auditFile = TEST4.resolve("audit.log").toString();
        String syslogFile = TEST4.resolve("syslog").toString();
        assertThat(alerts(run.out(), audit, auditFile, syslog, syslogFile))
                .as("each message is a line: message n is line n")
                .hasSize(3)
                .containsExactlyInAnyOrderElementsOf(alerts(hunt(auditFile, syslogFile).out()));
    }

    @Test
    void huntSendsEachAlertAsAJsonMessageKeyedByItsRule() throws Exception {
        String folder = TEST4.toString();
        CommandRun run = CommandRun.of("hunt", "--kafka-url", broker.url("alerts-of-hunt"), folder);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> expected = List.of(hunt(folder).out().split("\n"));
        assertThat(run.err())
                .contains(
                        "sent " + expected.size() + " alert(s) to " + broker.url("alerts-of-hunt"));
        List<ConsumerRecord<String, String>> messages =
                broker.consumeAll("alerts-of-hunt", expected.size());
        assertThat(messages).extracting(ConsumerRecord::value).containsExactlyElementsOf(expected);
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.value()).contains("\"rule\":\"" + m.key() + "\""));
    }

    @Test
    void followSendsAlertsToATopicAsItFindsThem() throws Exception {
        Path audit = dir.resolve("audit.log");
        Files.copy(TEST4.resolve("audit.log"), audit);
        CommandRun run =
                CommandRun.of(
                        "follow",
                        "-q",
                        "--from-start",
                        "--exit-when-idle",
                        "1s",
                        "--kafka-url",
                        broker.url("alerts-of-follow"),
                        audit.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(broker.consumeAll("alerts-of-follow", 2))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(List.of(run.out().split("\n")));
    }

    @Test
    void aTopicThatDoesNotExistYetIsWaitedFor() throws Exception {
        String later = broker.url("created-later");
        CompletableFuture<CommandRun> follow =
                CompletableFuture.supplyAsync(
                        () ->
                                CommandRun.of(
                                        "follow",
                                        "--from-start",
                                        "--interval",
                                        "200ms",
                                        "--exit-when-idle",
                                        "8s",
                                        later));
        Thread.sleep(2000);
        broker.createTopic("created-later", 2);
        broker.produce("created-later", lines(TEST4.resolve("audit.log")));

        CommandRun run = follow.get(120, TimeUnit.SECONDS);

        assertThat(run.err())
                .contains("topic created-later does not exist yet; waiting for " + later)
                .contains(later + " is there; following its 2 partition(s)");
        assertThat(alerts(run.out()))
                .containsExactlyInAnyOrder(
                        "linux-at-job-scheduled " + later + ":26",
                        "linux-at-spool-write " + later + ":34");
    }

    @Test
    void aBrokerThatCannotBeReachedMakesTheExitCodeSaySo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CommandRun run =
                CommandRun.of(
                        "hunt",
                        "--kafka-url",
                        "kafka://127.0.0.1:" + closed + "/alerts",
                        TEST4.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("error: Kafka kafka://127.0.0.1:" + closed + "/alerts: ");
    }

    @Test
    void reachesBrokersOverTlsWithTheSettingsOfKafkaConfig() throws Exception {
        Path settings = broker.tlsClientSettings(dir.resolve("client.properties"));
        broker.createTopic("audit-over-tls", 1);
        broker.produce("audit-over-tls", lines(TEST4.resolve("audit.log")));

        CommandRun follow =
                CommandRun.of(
                        "follow",
                        "--from-start",
                        "--exit-when-idle",
                        "3s",
                        "--kafka-config",
                        settings.toString(),
                        "--kafka-url",
                        broker.tlsUrl("alerts-over-tls"),
                        broker.tlsUrl("audit-over-tls"));

        assertThat(follow.exitCode()).as(follow.err()).isZero();
        assertThat(alerts(follow.out()))
                .containsExactlyInAnyOrder(
                        "linux-at-job-scheduled " + broker.tlsUrl("audit-over-tls") + ":26",
                        "linux-at-spool-write " + broker.tlsUrl("audit-over-tls") + ":34");
        assertThat(broker.consumeAll("alerts-over-tls", 2))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(List.of(follow.out().split("\n")));
    }

    @Test
    void kafkaConfigIsCheckedBeforeAnythingIsRead() throws Exception {
        Path bootstrap = dir.resolve("bootstrap.properties");
        Files.writeString(bootstrap, "bootstrap.servers=elsewhere:9092\n");
        Path protocol = dir.resolve("protocol.properties");
        Files.writeString(protocol, "security.protocol=CARRIER_PIGEON\n");
        String url = broker.url("never-written");

        CommandRun missing =
                CommandRun.of(
                        "hunt",
                        "--kafka-url",
                        url,
                        "--kafka-config",
                        "nowhere.properties",
                        TEST4.toString());
        CommandRun brokers =
                CommandRun.of(
                        "hunt",
                        "--kafka-url",
                        url,
                        "--kafka-config",
                        bootstrap.toString(),
                        TEST4.toString());
        CommandRun unknown =
                CommandRun.of(
                        "follow", "--kafka-config", protocol.toString(), broker.url("audit-lines"));

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).contains("Kafka settings file not found: nowhere.properties");
        assertThat(brokers.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(brokers.err()).contains("sets bootstrap.servers");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("invalid Kafka settings").contains("CARRIER_PIGEON");
    }

    @Test
    void aMalformedAddressIsAUsageError() {
        CommandRun run =
                CommandRun.of("hunt", "--kafka-url", "kafka://broker/alerts", TEST4.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("expected kafka://host:port/topic");
        assertThat(CommandRun.of("follow", "kafka://broker:9092/bad topic").err())
                .contains("is not a Kafka address");
    }
}
