package dev.atwatch.kafka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic and the brokers to reach it by, written {@code kafka://host:port[,host:port...]/topic}.
 *
 * @param bootstrap the brokers, as Kafka's {@code bootstrap.servers} takes them
 * @param topic the topic's name
 */
public record KafkaTopic(String bootstrap, String topic) {

    /** What starts a Kafka address. */
    public static final String SCHEME = "kafka://";

    private static final Pattern ADDRESS =
            Pattern.compile(
                    "kafka://([^/\\s]+:\\d{1,5}(?:,[^/\\s]+:\\d{1,5})*)/([A-Za-z0-9._-]{1,249})");

    /** Whether {@code text} is meant as a Kafka address (it may still be a wrong one). */
    public static boolean isAddress(String text) {
        return text.startsWith(SCHEME);
    }

    /**
     * Reads {@code kafka://host:port[,host:port...]/topic}.
     *
     * @throws IllegalArgumentException saying what the address should look like
     */
    public static KafkaTopic parse(String text) {
        Matcher m = ADDRESS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a Kafka address: expected kafka://host:port/topic (several"
                            + " brokers separated by commas; a topic of letters, digits, '.', '_'"
                            + " and '-')");
        }
        return new KafkaTopic(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return SCHEME + bootstrap + "/" + topic;
    }
}
