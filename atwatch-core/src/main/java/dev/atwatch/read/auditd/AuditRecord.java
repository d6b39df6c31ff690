package dev.atwatch.read.auditd;

/**
 * One line of an audit log: a record of an audit event, its header already parsed.
 *
 * @param node the {@code node=} prefix, or {@code null}
 * @param type the record type, such as {@code SYSCALL} or {@code EXECVE}
 * @param stamp the timestamp as written inside {@code msg=audit(...)}, without the serial
 * @param serial the event serial number; records of one event share it and the timestamp
 * @param time epoch seconds; for interpreted ({@code ausearch -i}) records the local time printed
 *     is read as UTC
 * @param interpreted whether the record comes from {@code ausearch -i} (values already decoded)
 * @param text the whole line
 * @param bodyStart where the record's fields start in {@code text}
 * @param line the 1-based line number in the input
 * @param offset the byte offset of the line in the input
 */
public record AuditRecord(
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

    /** The type of the record that closes a multi-record event. */
    public static final String END_OF_EVENT = "EOE";

    /** The key under which records of one event are assembled. */
    public EventKey key() {
        return new EventKey(node, stamp, serial);
    }

    /** The fields part of the record, after the header. */
    public String body() {
        return text.substring(bodyStart);
    }

    /** Identifies one audit event: node, timestamp and serial. */
    public record EventKey(String node, String stamp, long serial) {}
}
