package dev.atwatch.read.auditd;

/**
 * Parses the header of an audit record line: an optional {@code node=NAME }, {@code type=TYPE } and
 * {@code msg=audit(STAMP:SERIAL):} (raw log) or {@code msg=audit(MM/DD/YYYY HH:MM:SS.mmm:SERIAL) :}
 * ({@code ausearch -i}).
 *
 * <p>Stateless; never throws on content: a line it cannot parse gives a {@link Failure} with a
 * stable reason code.
 */
final class RecordHeaderParser {

    /** The outcome of parsing one line. */
    sealed interface Result permits Parsed, Failure {}

    /** A line that is a record. */
    record Parsed(AuditRecord record) implements Result {}

    /** A line that is not a valid record; {@code reason} is a stable code. */
    record Failure(String reason, String detail) implements Result {}

    static final String NOT_A_RECORD = "auditd.not-a-record";
    static final String NO_SERIAL = "auditd.no-serial";
    static final String BAD_TIME = "auditd.bad-timestamp";

    private static final String TYPE = "type=";
    private static final String MSG = "msg=audit(";

    private RecordHeaderParser() {}

    static Result parse(String text, long line, long offset) {
        int at = 0;
        String node = null;
        if (text.startsWith("node=")) {
            int space = text.indexOf(' ');
            if (space < 0) {
                return new Failure(NOT_A_RECORD, "a node= prefix without a record");
            }
            node = text.substring(5, space);
            at = space + 1;
        }
        if (!text.startsWith(TYPE, at)) {
            return new Failure(NOT_A_RECORD, "expected 'type=' at column " + (at + 1));
        }
        int typeEnd = text.indexOf(' ', at);
        if (typeEnd < 0) {
            return new Failure(NOT_A_RECORD, "a record type without a msg=audit(...) header");
        }
        String type = text.substring(at + TYPE.length(), typeEnd);
        return parseStamp(text, node, type, typeEnd + 1, line, offset);
    }

    private static Result parseStamp(
            String text, String node, String type, int at, long line, long offset) {
        if (!text.startsWith(MSG, at)) {
            return new Failure(NO_SERIAL, "record " + type + " has no msg=audit(time:serial)");
        }
        int open = at + MSG.length();
        int close = text.indexOf(')', open);
        int colon = close < 0 ? -1 : text.lastIndexOf(':', close);
        if (close < 0 || colon < open) {
            return new Failure(NO_SERIAL, "record " + type + " has an unterminated msg=audit(");
        }
        long serial = AuditTime.digits(text, colon + 1, close);
        if (serial < 0) {
            return new Failure(NO_SERIAL, "record " + type + " has no valid serial number");
        }
        String stamp = text.substring(open, colon);
        boolean interpreted = stamp.indexOf('/') >= 0;
        double time = interpreted ? AuditTime.parseInterpreted(stamp) : AuditTime.parseRaw(stamp);
        if (Double.isNaN(time)) {
            return new Failure(BAD_TIME, "record " + type + " has a bad timestamp");
        }
        int body = skipSeparator(text, close + 1);
        AuditRecord record =
                new AuditRecord(
                        node, type, stamp, serial, time, interpreted, text, body, line, offset);
        return new Parsed(record);
    }

    /** Skips the {@code :} or {@code : } after the header, and the spaces around it. */
    private static int skipSeparator(String text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == ':') {
            i++;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
