package dev.atwatch.read.auditd;

/**
 * Parses the header of an audit record line: an optional {@code node=NAME }, {@code type=TYPE } and
 * {@code msg=audit(STAMP:SERIAL):} (raw log) or {@code msg=audit(MM/DD/YYYY HH:MM:SS.mmm:SERIAL) :}
 * ({@code ausearch -i}).
 *
 * <p>Never throws on content: a line it cannot parse gives a {@link Failure} with a stable reason
 * code. A parser remembers the node, timestamp and record types of the lines before, which the
 * records of one event share, and gives the same strings again rather than new copies; not
 * thread-safe, one per reading thread.
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

    /** Most record types remembered, in a table indexed by a hash of the type. */
    private static final int TYPES = 64;

    private final String[] types = new String[TYPES];
    private String lastNode;
    private String lastStamp;
    private double lastTime;

    /** Parses one line with a parser of its own. */
    static Result parse(String text, long line, long offset) {
        return new RecordHeaderParser().read(text, line, offset);
    }

    /** Parses one line. */
    Result read(String text, long line, long offset) {
        int at = 0;
        String node = null;
        if (text.startsWith("node=")) {
            int space = text.indexOf(' ');
            if (space < 0) {
                return new Failure(NOT_A_RECORD, "a node= prefix without a record");
            }
            node = node(text, 5, space);
            at = space + 1;
        }
        if (!text.startsWith(TYPE, at)) {
            return new Failure(NOT_A_RECORD, "expected 'type=' at column " + (at + 1));
        }
        int typeEnd = text.indexOf(' ', at);
        if (typeEnd < 0) {
            return new Failure(NOT_A_RECORD, "a record type without a msg=audit(...) header");
        }
        String type = type(text, at + TYPE.length(), typeEnd);
        return parseStamp(text, node, type, typeEnd + 1, line, offset);
    }

    private Result parseStamp(
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
        String stamp = stamp(text, open, colon);
        boolean interpreted = stamp.indexOf('/') >= 0;
        double time = lastTime;
        if (Double.isNaN(time)) {
            return new Failure(BAD_TIME, "record " + type + " has a bad timestamp");
        }
        int body = skipSeparator(text, close + 1);
        AuditRecord record =
                new AuditRecord(
                        node, type, stamp, serial, time, interpreted, text, body, line, offset);
        return new Parsed(record);
    }

    /** The node name {@code text[from, to)}: the one of the line before when the same. */
    private String node(String text, int from, int to) {
        if (!same(lastNode, text, from, to)) {
            lastNode = text.substring(from, to);
        }
        return lastNode;
    }

    /** The record type {@code text[from, to)}, the same string for the same type. */
    private String type(String text, int from, int to) {
        int length = to - from;
        int slot = length == 0 ? 0 : (text.charAt(from) * 31 + text.charAt(to - 1) + length);
        slot &= TYPES - 1;
        String type = types[slot];
        if (!same(type, text, from, to)) {
            type = text.substring(from, to);
            types[slot] = type;
        }
        return type;
    }

    /**
     * The timestamp {@code text[from, to)}, and in {@link #lastTime} its time (NaN when bad): those
     * of the line before when the same.
     */
    private String stamp(String text, int from, int to) {
        if (!same(lastStamp, text, from, to)) {
            lastStamp = text.substring(from, to);
            lastTime =
                    lastStamp.indexOf('/') >= 0
                            ? AuditTime.parseInterpreted(lastStamp)
                            : AuditTime.parseRaw(lastStamp);
        }
        return lastStamp;
    }

    private static boolean same(String known, String text, int from, int to) {
        return known != null
                && known.length() == to - from
                && text.regionMatches(from, known, 0, known.length());
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
