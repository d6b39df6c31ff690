package dev.atwatch.read.auditd;

import java.util.Objects;

/**
 * One line of an audit log: a record of an audit event, its header already parsed.
 *
 * <p>A record may also carry what an {@link AuditScreen} found in it ({@link #screened}), worked
 * out by the thread that read the line so that the thread screening events does not have to. It is
 * set once, before the record is handed to another thread.
 */
public final class AuditRecord {

    /** The type of the record that closes a multi-record event. */
    public static final String END_OF_EVENT = "EOE";

    private final String node;
    private final String type;
    private final String stamp;
    private final long serial;
    private final double time;
    private final boolean interpreted;
    private final String text;
    private final int bodyStart;
    private final long line;
    private final long offset;

    /** The plan of the screen that examined this record (shared by its copies), or {@code null}. */
    private Object screenedBy;

    /** The values of the screen's keys in this record, or {@code null} before it looked. */
    private int[] keySpans;

    /** Bits of the screen's keys this record has values of; set with {@link #keySpans}. */
    private long keyBits;

    /** The screen's literals this record's type holds, by bits; set with {@link #keySpans}. */
    private long[] typeLiterals;

    /**
     * @param node the {@code node=} prefix, or {@code null}
     * @param type the record type, such as {@code SYSCALL} or {@code EXECVE}
     * @param stamp the timestamp as written inside {@code msg=audit(...)}, without the serial
     * @param serial the event serial number; records of one event share it and the timestamp
     * @param time epoch seconds; for interpreted ({@code ausearch -i}) records the local time
     *     printed is read as UTC
     * @param interpreted whether the record comes from {@code ausearch -i} (values already decoded)
     * @param text the whole line
     * @param bodyStart where the record's fields start in {@code text}
     * @param line the 1-based line number in the input
     * @param offset the byte offset of the line in the input
     */
    public AuditRecord(
            String node,
            String type,
            String stamp,
            long serial,
            double time,
            boolean interpreted,
            String text,
            int bodyStart,
            long line,
            long offset) {
        this.node = node;
        this.type = type;
        this.stamp = stamp;
        this.serial = serial;
        this.time = time;
        this.interpreted = interpreted;
        this.text = text;
        this.bodyStart = bodyStart;
        this.line = line;
        this.offset = offset;
    }

    public String node() {
        return node;
    }

    public String type() {
        return type;
    }

    public String stamp() {
        return stamp;
    }

    public long serial() {
        return serial;
    }

    public double time() {
        return time;
    }

    public boolean interpreted() {
        return interpreted;
    }

    public String text() {
        return text;
    }

    public int bodyStart() {
        return bodyStart;
    }

    public long line() {
        return line;
    }

    public long offset() {
        return offset;
    }

    /** The key under which records of one event are assembled. */
    public EventKey key() {
        return new EventKey(node, stamp, serial);
    }

    /** The fields part of the record, after the header. */
    public String body() {
        return text.substring(bodyStart);
    }

    /** Notes what a screen found in this record; see {@link AuditScreen#examine}. */
    void screened(Object plan, int[] keySpans, long keyBits, long[] typeLiterals) {
        this.screenedBy = plan;
        this.keySpans = keySpans;
        this.keyBits = keyBits;
        this.typeLiterals = typeLiterals;
    }

    /** The plan of the screen whose findings this record holds, or {@code null}. */
    Object screenedBy() {
        return screenedBy;
    }

    /** What a screen found in this record's keys, or {@code null} when none looked. */
    int[] keySpans() {
        return keySpans;
    }

    /** Bits of the screen's keys this record has values of. */
    long keyBits() {
        return keyBits;
    }

    /** The screen's literals this record's type holds, or {@code null} when none looked. */
    long[] typeLiterals() {
        return typeLiterals;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditRecord that
                && serial == that.serial
                && Double.compare(time, that.time) == 0
                && interpreted == that.interpreted
                && bodyStart == that.bodyStart
                && line == that.line
                && offset == that.offset
                && Objects.equals(node, that.node)
                && type.equals(that.type)
                && stamp.equals(that.stamp)
                && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, type, stamp, serial, line, offset);
    }

    @Override
    public String toString() {
        return "AuditRecord[line " + line + ": " + text + "]";
    }

    /** Identifies one audit event: node, timestamp and serial. */
    public record EventKey(String node, String stamp, long serial) {}
}
