package dev.atwatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.event.FieldValue;
import dev.atwatch.kafka.KafkaClientConfig;
import dev.atwatch.kafka.KafkaDelivery;
import dev.atwatch.kafka.KafkaTopic;
import dev.atwatch.output.JsonWriter;
import dev.atwatch.output.ResultTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The option that sends alerts to a Kafka topic. */
final class KafkaOptions {

    @Option(
            names = "--kafka-url",
            paramLabel = "kafka://HOST:PORT/TOPIC",
            description =
                    "also send the alerts to this Kafka topic, one JSON object per message (as"
                            + " in --format jsonl), keyed by rule")
    String url;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description =
                    "Kafka client settings (a properties file: security.protocol, ssl.*, sasl.*)"
                            + " for every kafka:// address of the command")
    Path config;

    /** The settings of {@code --kafka-config}: a missing file exits with code 3. */
    Properties client() {
        if (config == null) {
            return KafkaClientConfig.none();
        }
        try {
            return KafkaClientConfig.load(config);
        } catch (NoSuchFileException e) {
            throw new InputException("Kafka settings file not found: " + config);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("invalid --kafka-config: " + e.getMessage());
        }
    }

    /** The topic of {@code --kafka-url}, checked before any run; {@code null} without it. */
    Sender sender(PrintWriter err, boolean quiet) {
        if (url == null) {
            return null;
        }
        KafkaTopic topic;
        try {
            topic = KafkaTopic.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for --kafka-url: " + e.getMessage());
        }
        try {
            return new Sender(new KafkaDelivery(topic, client()), err, quiet);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new UsageException("invalid Kafka settings: " + e.getMessage());
        }
    }

    /** Sends the rows of result tables to the topic, telling the user how it went. */
    static final class Sender implements AutoCloseable {
        private final KafkaDelivery delivery;
        private final PrintWriter err;
        private final boolean quiet;

        Sender(KafkaDelivery delivery, PrintWriter err, boolean quiet) {
            this.delivery = delivery;
            this.err = err;
            this.quiet = quiet;
        }

        /** Sends every row of {@code table}; false, after telling why, when some were not. */
        boolean send(ResultTable table) {
            List<KafkaDelivery.Message> messages = messages(table);
            if (messages.isEmpty()) {
                return true;
            }
            try {
                delivery.send(messages);
                if (!quiet) {
                    err.printf(
                            "atwatch: sent %d alert(s) to %s%n", messages.size(), delivery.topic());
                }
                return true;
            } catch (KafkaDelivery.DeliveryException e) {
                err.println("error: Kafka " + delivery.topic() + ": " + e.getMessage());
                return false;
            } finally {
                err.flush();
            }
        }

        private static List<KafkaDelivery.Message> messages(ResultTable table) {
            JsonWriter.RowWriter rows = JsonWriter.rows(table);
            List<KafkaDelivery.Message> messages = new ArrayList<>();
            for (int i = 0; i < table.rows().size(); i++) {
                FieldValue rule = table.rows().get(i).get("rule");
                StringWriter json = new StringWriter();
                try (JsonGenerator generator = JsonWriter.generator(json)) {
                    rows.write(generator, i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // a StringWriter does not fail
                }
                messages.add(
                        new KafkaDelivery.Message(
                                rule == null ? null : rule.asString(), json.toString()));
            }
            return messages;
        }

        @Override
        public void close() {
            delivery.close();
        }
    }
}
