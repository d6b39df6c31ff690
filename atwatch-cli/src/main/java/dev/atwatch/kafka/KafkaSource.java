package dev.atwatch.kafka;

import dev.atwatch.follow.Chunk;
import dev.atwatch.follow.LiveSource;
import dev.atwatch.follow.PendingLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic followed as a source of log lines: each message is one record's text (a JSON event, an
 * audit or syslog line, an XML event), read as a line. All partitions are read, from their end or
 * (with {@code fromStart}) their beginning, without a consumer group: nothing is committed, and
 * several atwatch processes can read one topic side by side.
 *
 * <p>Locations count messages and bytes in the order this source read them: line {@code n} is the
 * {@code n}-th message read. A topic that does not exist yet, or brokers that cannot be reached,
 * are told to {@code notes} once and tried again at each poll.
 */
public final class KafkaSource implements LiveSource {

    /** How long one poll waits for messages. */
    static final Duration POLL_WAIT = Duration.ofMillis(100);

    /** How long looking up the topic's partitions may take before it is tried again later. */
    static final Duration LOOKUP_WAIT = Duration.ofSeconds(5);

    /** Most messages one poll takes. */
    static final int MAX_MESSAGES = 10_000;

    private final KafkaTopic topic;
    private final boolean fromStart;
    private final Consumer<String> notes;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private boolean assigned;
    private boolean waitingTold;
    private boolean failing;

    /** Every message is a whole line: nothing is ever held back. */
    private final PendingLines lines = new PendingLines(Integer.MAX_VALUE);

    /** Most bytes one poll fetches, as a file's poll reads at most so many. */
    static final int POLL_BYTES = 8 << 20;

    private static final byte[] NEWLINE = {'\n'};

    /**
     * A source that starts reading at the topic's end, or with {@code fromStart} at its beginning.
     * A message longer than a reader's {@code line-bytes} limit is rejected by that reader.
     *
     * @param client the user's client settings (TLS, SASL, timeouts), under those the source needs
     */
    public KafkaSource(
            KafkaTopic topic, boolean fromStart, Properties client, Consumer<String> notes) {
        this.topic = topic;
        this.fromStart = fromStart;
        this.notes = notes;
        Properties settings = new Properties();
        settings.putAll(client);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrap());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_MESSAGES));
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(POLL_BYTES));
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // only reads
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "atwatch-follow");
        this.consumer =
                new KafkaConsumer<>(
                        settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public String name() {
        return topic.toString();
    }

    @Override
    public boolean ended() {
        return false;
    }

    @Override
    public Chunk poll() {
        if (!assigned && !assign()) {
            return null;
        }
        try {
            for (ConsumerRecord<byte[], byte[]> message : consumer.poll(POLL_WAIT)) {
                byte[] value = message.value();
                if (value == null) {
                    continue; // a tombstone carries no record
                }
                int length = value.length;
                while (length > 0 && (value[length - 1] == '\n' || value[length - 1] == '\r')) {
                    length--;
                }
                lines.append(value, 0, length);
                lines.append(NEWLINE, 0, 1);
            }
        } catch (KafkaException e) {
            if (!failing) {
                notes.accept("cannot read " + name() + ": " + e.getMessage() + "; trying again");
                failing = true;
            }
            return null;
        }
        if (failing) {
            notes.accept("reading " + name() + " again");
            failing = false;
        }
        return lines.take();
    }

    /** Takes every partition of the topic, at its end or beginning; false when not yet possible. */
    private boolean assign() {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic.topic(), LOOKUP_WAIT);
        } catch (KafkaException e) {
            tellWaiting("cannot reach " + topic.bootstrap() + " (" + e.getMessage() + ")");
            return false;
        }
        if (partitions == null || partitions.isEmpty()) {
            tellWaiting("topic " + topic.topic() + " does not exist yet");
            return false;
        }
        List<TopicPartition> all = new ArrayList<>();
        for (PartitionInfo partition : partitions) {
            all.add(new TopicPartition(partition.topic(), partition.partition()));
        }
        consumer.assign(all);
        if (fromStart) {
            consumer.seekToBeginning(all);
        } else {
            consumer.seekToEnd(all);
            all.forEach(consumer::position); // fixes the end now, not at the first poll
        }
        assigned = true;
        if (waitingTold) {
            notes.accept(name() + " is there; following its " + all.size() + " partition(s)");
        }
        return true;
    }

    private void tellWaiting(String why) {
        if (!waitingTold) {
            notes.accept(why + "; waiting for " + name());
            waitingTold = true;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
