package dev.atwatch.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a real local Flink cluster, from Kafka topics to a Kafka topic. */
class AtwatchJobTest {

    private static final Path TEST4 = Path.of("..", "examples", "linux", "test4-at-job");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void readsLogRecordsFromTopicsOverTlsAndWritesEachAlertOnceToTheAlertsTopic() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            broker.createTopic("auditd", 1);
            broker.createTopic("syslog", 1);
            broker.produce("auditd", Files.readAllLines(TEST4.resolve("audit.log")));
            broker.produce("syslog", Files.readAllLines(TEST4.resolve("syslog")));
            JobSettings settings =
                    AtwatchJob.settings(
                            new String[] {
                                "--source",
                                broker.tlsUrl("auditd"),
                                "--source",
                                broker.tlsUrl("syslog"),
                                "--alerts",
                                broker.tlsUrl("alerts"),
                                "--interval",
                                "1s",
                                "--span",
                                "30s",
                                "--from-start",
                                "--kafka-config",
                                broker.tlsClientSettings(dir.resolve("client.properties"))
                                        .toString()
                            });
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);

            AtwatchJob.search(AtwatchJob.kafkaSources(env, settings, true), settings)
                    .sinkTo(AtwatchJob.kafkaSink(settings.alerts(), settings.kafkaClient()));
            env.execute("atwatch");

            List<ConsumerRecord<String, String>> alerts = broker.consumeAll("alerts", 3);
            assertThat(alerts)
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(
                            "linux-at-job-scheduled",
                            "linux-at-spool-write",
                            "linux-shell-started-by-atd");
            assertThat(alerts)
                    .filteredOn(a -> a.key().equals("linux-at-job-scheduled"))
                    .singleElement()
                    .satisfies(
                            a -> {
                                var row = JSON.readTree(a.value());
                                assertThat(row.path("CommandLine").asText())
                                        .isEqualTo("at now + 1 minute");
                                assertThat(row.path("host").asText()).isEqualTo("web01");
                                assertThat(row.path("source").asText())
                                        .isEqualTo(broker.tlsUrl("auditd") + "/0@25");
                            });
        }
    }

    @Test
    void aRulePackThatCannotRunIsToldBeforeTheJobIsSubmitted() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("bad.yaml"),
                "id: bad\nname: Bad\ndescription: x\nsearch: |\n  index=linux | eval x=if(\n");
        JobSettings bad =
                new JobSettings(
                        List.of("kafka://k:1/a"),
                        "kafka://k:1/b",
                        1000,
                        1000,
                        false,
                        rules.toString(),
                        "portable",
                        java.util.Map.of());

        assertThat(AtwatchJob.ruleProblem(bad)).contains("bad.yaml does not parse");
        assertThat(AtwatchJob.ruleProblem(bad.withRules(null))).isNull();
    }

    @Test
    void theCommandLineSaysWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> AtwatchJob.settings(new String[] {"--alerts", "kafka://k:1/a"}))
                .hasMessageContaining("--source and --alerts are needed");
        assertThatThrownBy(
                        () ->
                                AtwatchJob.settings(
                                        new String[] {
                                            "--source", "k:1/a", "--alerts", "kafka://k:1/b"
                                        }))
                .hasMessageContaining("expected kafka://host:port/topic");
        assertThatThrownBy(
                        () ->
                                AtwatchJob.settings(
                                        new String[] {
                                            "--source", "kafka://k:1/a", "--alerts",
                                                    "kafka://k:1/b",
                                            "--interval", "1m", "--span", "10s"
                                        }))
                .hasMessageContaining("the span must be at least the interval");
        assertThatThrownBy(() -> AtwatchJob.settings(new String[] {"--window"}))
                .hasMessageContaining("unknown argument '--window'");
    }
}
