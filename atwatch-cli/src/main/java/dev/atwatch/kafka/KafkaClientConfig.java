package dev.atwatch.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Kafka client settings a user gives in a properties file ({@code --kafka-config}), as Kafka's own
 * tools take them: {@code security.protocol}, {@code ssl.truststore.location}, {@code
 * sasl.mechanism}, {@code sasl.jaas.config}, timeouts. The brokers come from the {@code kafka://}
 * address, never from the file.
 */
public final class KafkaClientConfig {

    private KafkaClientConfig() {}

    /** No settings beyond atwatch's own. */
    public static Properties none() {
        return new Properties();
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it sets {@code bootstrap.servers}
     */
    public static Properties load(Path file) throws IOException {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        if (settings.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException(
                    file
                            + " sets bootstrap.servers: the brokers are those of the kafka://"
                            + " address");
        }
        return settings;
    }
}
