package dev.atwatch.flink;

import java.util.Objects;

/**
 * One log record as the job carries it: the text of one Kafka message, where it was read, when it
 * arrived (the message's timestamp, which orders the job's time) and the host it is about. A plain
 * class with public fields, so that Flink serialises it as a POJO.
 */
public class LogRecord {

    /** The topic, as {@code kafka://brokers/topic}. */
    public String source;

    public int partition;

    public long offset;

    /** Milliseconds since the epoch: the message's timestamp. */
    public long arrived;

    public String text;

    /** The host the record names, or empty when it names none. */
    public String host = "";

    /** How many searches of its host have read it. */
    public int searches;

    public LogRecord() {}

    public LogRecord(String source, int partition, long offset, long arrived, String text) {
        this.source = source;
        this.partition = partition;
        this.offset = offset;
        this.arrived = arrived;
        this.text = text;
    }

    /** Where the record was read: {@code kafka://brokers/topic/partition@offset}. */
    public String location() {
        return source + "/" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogRecord r
                && partition == r.partition
                && offset == r.offset
                && arrived == r.arrived
                && searches == r.searches
                && Objects.equals(source, r.source)
                && Objects.equals(text, r.text)
                && Objects.equals(host, r.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, partition, offset);
    }

    @Override
    public String toString() {
        return location() + " " + host;
    }
}
