package dev.atwatch.read;

/**
 * The {@code Record <id>} line that {@code evtx_dump} (of the Rust {@code evtx} crate) prints
 * before each record by default, in its XML and JSON output alike. Readers skip it as a separator.
 */
public final class EvtxDumpLines {

    /** Bytes that hold the longest such line: {@code Record }, 20 digits, CR and LF. */
    public static final int MAX_BYTES = 29;

    private static final byte[] PREFIX = {'R', 'e', 'c', 'o', 'r', 'd', ' '};
    private static final int MAX_DIGITS = 20;

    private EvtxDumpLines() {}

    /**
     * The length, with its line break, of a {@code Record <digits>} line starting at {@code from}
     * in {@code bytes[from, end)}, or 0 when none starts there. A line cut by {@code end} counts
     * only when {@code end} is the end of the input ({@code atEnd}).
     */
    public static int recordLine(byte[] bytes, int from, int end, boolean atEnd) {
        if (end - from < PREFIX.length + 1) {
            return 0;
        }
        for (int k = 0; k < PREFIX.length; k++) {
            if (bytes[from + k] != PREFIX[k]) {
                return 0;
            }
        }
        int i = from + PREFIX.length;
        while (i < end && i - from - PREFIX.length < MAX_DIGITS && isDigit(bytes[i])) {
            i++;
        }
        if (i == from + PREFIX.length) {
            return 0;
        }
        if (i < end && bytes[i] == '\r') {
            i++;
        }
        if (i < end) {
            return bytes[i] == '\n' ? i + 1 - from : 0;
        }
        return atEnd ? i - from : 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
