package dev.atwatch.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The job's search on a real local Flink cluster, over the records of the Linux tests' files as
 * they would come from Kafka: what hunt finds in the files, each alert once, keyed by host.
 */
class HostSearchTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "linux");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The lines of {@code file} as records of {@code source}, one every 50 ms from {@code start}.
     */
    private static List<LogRecord> records(String source, Path file, long start) throws Exception {
        List<LogRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            records.add(new LogRecord(source, 0, i, start + 50L * i, lines.get(i)));
        }
        return records;
    }

    /** Rule and location of each alert hunt finds in {@code files}. */
    private static List<String> hunted(Path... files) throws Exception {
        RulePack pack = RulePack.bundled();
        Detector detector =
                new Detector(
                        Detector.compile(pack.rules(), Macros.NONE),
                        ExecutionOptions.portable(FieldAliases.bundled()),
                        Profile.TA_WINDOWS_LEGACY,
                        TimeRange.ALL,
                        1,
                        Readers.standard());
        List<String> names = java.util.Arrays.stream(files).map(Path::toString).toList();
        return detector
                .run(Inputs.expand(names), ReadOptions.DEFAULTS, RunListener.NONE)
                .alerts()
                .stream()
                .map(a -> a.rule().id() + " " + a.sourceText())
                .toList();
    }

    @Test
    void findsWhatHuntFindsInTheFilesOnceEachWithTheRecordsKafkaLocation() throws Exception {
        long now = System.currentTimeMillis();
        Path test4 = EXAMPLES.resolve("test4-at-job");
        Path test5 = EXAMPLES.resolve("test5-sudo-at");
        List<LogRecord> records = new ArrayList<>();
        records.addAll(records("kafka://k:9092/audit", test4.resolve("audit.log"), now));
        records.addAll(records("kafka://k:9092/syslog", test4.resolve("syslog"), now + 500));
        records.addAll(records("kafka://k:9092/audit5", test5.resolve("audit.log"), now + 1000));
        JobSettings settings =
                new JobSettings(
                        List.of("unused"),
                        "unused",
                        1000,
                        10_000,
                        true,
                        null,
                        "portable",
                        Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<LogRecord> stream =
                env.fromData(records)
                        .assignTimestampsAndWatermarks(AtwatchJob.watermarks(settings));

        List<String> found = new ArrayList<>();
        try (CloseableIterator<AlertMessage> alerts =
                AtwatchJob.search(stream, settings).collectAsync()) {
            env.execute("search");
            while (alerts.hasNext()) {
                AlertMessage alert = alerts.next();
                JsonNode row = JSON.readTree(alert.json);
                assertThat(row.path("rule").asText()).isEqualTo(alert.rule);
                found.add(alert.rule + " " + row.path("source").asText());
            }
        }

        List<String> expected = new ArrayList<>();
        for (String alert : hunted(test4.resolve("audit.log"), test4.resolve("syslog"))) {
            expected.add(renamed(alert, test4.resolve("audit.log"), "kafka://k:9092/audit"));
        }
        for (String alert : hunted(test5.resolve("audit.log"))) {
            expected.add(renamed(alert, test5.resolve("audit.log"), "kafka://k:9092/audit5"));
        }
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** {@code file:line} as the record's Kafka location: partition 0, offset line - 1. */
    private static String renamed(String alert, Path file, String topic) {
        String prefix = " " + file + ":";
        int at = alert.indexOf(prefix);
        if (at < 0) {
            return alert; // a row of several events has no location
        }
        long line = Long.parseLong(alert.substring(at + prefix.length()));
        return alert.substring(0, at) + " " + topic + "/0@" + (line - 1);
    }
}
