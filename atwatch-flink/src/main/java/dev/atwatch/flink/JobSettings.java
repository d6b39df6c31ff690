package dev.atwatch.flink;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the job reads, how it searches and where alerts go.
 *
 * @param sources the topics of log records, as {@code kafka://brokers/topic}
 * @param alerts the topic alerts go to, as {@code kafka://brokers/topic}
 * @param intervalMillis time between two searches of a host's records
 * @param spanMillis how far back, in the records' time, a search reads
 * @param fromStart read the topics from their beginning rather than their end
 * @param rules a rule pack folder or file present on every task manager, or {@code null} for the
 *     bundled pack
 * @param semantics {@code portable} or {@code splunk}
 * @param kafkaClient Kafka client settings (TLS, SASL) for every topic, as in {@code
 *     --kafka-config} of the command line
 */
public record JobSettings(
        List<String> sources,
        String alerts,
        long intervalMillis,
        long spanMillis,
        boolean fromStart,
        String rules,
        String semantics,
        Map<String, String> kafkaClient)
        implements Serializable {

    public JobSettings {
        sources = List.copyOf(sources);
        kafkaClient = Map.copyOf(kafkaClient);
        if (intervalMillis <= 0 || spanMillis < intervalMillis) {
            throw new IllegalArgumentException(
                    "the span must be at least the interval, and the interval positive");
        }
    }

    /** The same settings with another rule pack ({@code null}: the bundled one). */
    public JobSettings withRules(String otherRules) {
        return new JobSettings(
                sources,
                alerts,
                intervalMillis,
                spanMillis,
                fromStart,
                otherRules,
                semantics,
                kafkaClient);
    }
}
