package dev.atwatch.read.json;

import dev.atwatch.read.EvtxDumpLines;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into top-level JSON values without parsing them: JSON lines, concatenated or
 * pretty-printed values, and the elements of a top-level array. A value is tracked by its bracket
 * depth outside strings, which is enough to find its end and cheap enough to run at memory speed.
 *
 * <p>The framer resynchronises on damage: a raw line break inside a string, or an object or array
 * opening where no value may stand (after a complete value, such as at the start of the next line
 * after a truncated one), ends the damaged value, which is reported as {@link Piece.Broken}; the
 * next value is then read normally. Only the current value is held, up to {@code maxRecordBytes}.
 *
 * <p>Lines before the first value that do not open one (a line of another format, the end of a
 * record cut off by {@code tail}) are reported together as one {@link Piece.Leading} range; later
 * such lines each as {@link Piece.Broken}. The {@code Record <id>} lines {@code evtx_dump} prints
 * between records are skipped.
 */
final class JsonFramer {

    /** What the framer found next. Offsets are of the decoded stream; lines are 1-based. */
    sealed interface Piece {
        long offset();

        long line();

        /** A complete value in {@code bytes[start..start+length)}. */
        record Value(byte[] bytes, int start, int length, long offset, long line)
                implements Piece {}

        /** A value larger than the record limit; {@code bytes} is its size. */
        record Oversized(long bytes, long offset, long line) implements Piece {}

        /** A value cut by damage or by the end of the input. */
        record Broken(String why, String excerpt, long offset, long line) implements Piece {}

        /** The {@code bytes} bytes of lines before the first value that open none. */
        record Leading(String excerpt, long bytes, long offset, long line) implements Piece {}
    }

    private static final int READ_BYTES = 256 * 1024;
    private static final int CANDIDATE_BYTES = 64 * 1024;
    private static final int EXCERPT_BYTES = 60;
    private static final byte RECORD_SEPARATOR = 0x1e;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
    private static final long LINE_FEEDS = 0x0a0a0a0a0a0a0a0aL;

    private final InputStream in;
    private final int maxRecordBytes;
    private byte[] buf = new byte[READ_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private long base;
    private long line = 1;
    private boolean inArray;
    private boolean seenValue;

    private int frameStart;
    private long frameOffset;
    private long frameLine;
    private long discarded;

    JsonFramer(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Bytes consumed so far. */
    long consumed() {
        return base + pos;
    }

    /**
     * The buffered bytes from the start of an object at the current position, for a parser to try
     * in place: {@code bytes[start..start+length)} holds the object's start and whatever follows it
     * in the buffer, which may or may not include its end.
     */
    record Candidate(byte[] bytes, int start, int length, long offset, long line) {}

    /**
     * Moves to the next value and returns it as a {@link Candidate} when it is an object, or null
     * when {@link #next()} must handle what comes (the end, an array, damage). At least {@value
     * #CANDIDATE_BYTES} bytes are buffered when the input has them, so most objects are whole.
     */
    Candidate candidate() throws IOException {
        if (!skipSeparators() || buf[pos] != '{') {
            return null;
        }
        if (limit - pos < CANDIDATE_BYTES && !eof) {
            refill(pos);
        }
        // A parser refuses input longer than the record limit, whatever the object's own size.
        int length = Math.min(limit - pos, maxRecordBytes);
        return new Candidate(buf, pos, length, consumed(), line);
    }

    /** Moves past an object a parser read in place: {@code length} bytes, {@code lines} breaks. */
    void accept(int length, long lines) {
        pos += length;
        line += lines;
        seenValue = true;
    }

    /** The current line: after a value, the line it ends on. */
    long line() {
        return line;
    }

    /**
     * Whether the buffered bytes from {@code from} hold another value before the end of the line:
     * anything but whitespace, commas and closing brackets. Reads nothing more, so the bytes of the
     * value just framed stay in place; false when the buffer ends first.
     */
    boolean moreOnLine(int from) {
        for (int i = from; i < limit; i++) {
            byte b = buf[i];
            if (b == '\n') {
                return false;
            }
            if (!isWhitespace(b) && b != ',' && b != ']' && b != RECORD_SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    /** The position in the buffer: after a value, the index of its next byte. */
    int position() {
        return pos;
    }

    /** The next piece, or {@code null} at the end of the input. */
    Piece next() throws IOException {
        while (skipSeparators()) {
            byte b = buf[pos];
            if (b == '[' && !inArray && !looksLikeArrayValue()) {
                inArray = true;
                pos++;
            } else if (b == ']' && inArray) {
                inArray = false;
                pos++;
            } else if (b == '{' || b == '[') {
                return value();
            } else if (!skipRecordLine()) {
                return seenValue ? strayLine() : leading();
            }
        }
        return null;
    }

    /** Skips an {@code evtx_dump} {@code Record <id>} line at the position, if one is there. */
    private boolean skipRecordLine() throws IOException {
        if (buf[pos] != 'R') {
            return false;
        }
        while (limit - pos < EvtxDumpLines.MAX_BYTES && refill(pos)) {
            // a slow stream may hand out the line a few bytes at a time
        }
        int length = EvtxDumpLines.recordLine(buf, pos, limit, eof);
        pos += length;
        line += length > 0 ? 1 : 0;
        return length > 0;
    }

    /** Takes whole lines up to the first one that opens an object or an array. */
    private Piece leading() throws IOException {
        long offset = consumed();
        long startLine = line;
        byte[] excerpt = new byte[EXCERPT_BYTES];
        int n = 0;
        boolean firstLine = true;
        do {
            while (pos < limit || refill(pos)) {
                byte b = buf[pos++];
                if (b == '\n') {
                    line++;
                    break;
                }
                if (firstLine && n < EXCERPT_BYTES) {
                    excerpt[n++] = b;
                }
            }
            firstLine = false;
        } while (!opensValue(nextLineStart()));
        String text = new String(excerpt, 0, n, StandardCharsets.UTF_8).strip();
        return new Piece.Leading(text, consumed() - offset, offset, startLine);
    }

    private static boolean opensValue(int b) {
        return b < 0 || b == '{' || b == '[';
    }

    /**
     * The first byte at or after the position that is not whitespace (blank lines included), or -1
     * at the end of the input; consumes nothing.
     */
    private int nextLineStart() throws IOException {
        int i = pos;
        while (true) {
            if (i >= limit) {
                int shift = pos;
                if (!refill(pos)) {
                    return -1;
                }
                i -= shift;
            }
            if (!isWhitespace(buf[i])) {
                return buf[i];
            }
            i++;
        }
    }

    /**
     * Whether a {@code [} at the top level opens a value of its own rather than an array of events:
     * an array of events holds objects, so {@code [[} or {@code [1} is a value.
     */
    private boolean looksLikeArrayValue() throws IOException {
        int i = pos + 1;
        while (true) {
            if (i >= limit) {
                int shift = pos;
                if (!refill(pos)) {
                    return false;
                }
                i -= shift;
            }
            if (i >= limit) {
                return false;
            }
            byte b = buf[i];
            if (!isWhitespace(b)) {
                return b != '{' && b != ']';
            }
            i++;
        }
    }

    /** Skips whitespace, and commas between array elements; false at the end of the input. */
    private boolean skipSeparators() throws IOException {
        while (true) {
            if (pos >= limit && !refill(pos)) {
                return false;
            }
            byte b = buf[pos];
            if (b == '\n') {
                line++;
            } else if (!isWhitespace(b)
                    && b != RECORD_SEPARATOR
                    && !(inArray && b == ',')
                    && !isByteOrderMark(b)) {
                return true;
            }
            pos++;
        }
    }

    /** Scans one value from its opening bracket. */
    private Piece value() throws IOException {
        seenValue = true;
        frameStart = pos;
        frameOffset = consumed();
        frameLine = line;
        discarded = 0;
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        byte last = 0;
        int i = pos;
        while (true) {
            if (i >= limit) {
                dropOversizedFrame(i);
                int before = frameStart;
                boolean more = refill(frameStart);
                i -= before - frameStart;
                if (!more) {
                    pos = i;
                    return broken("input ends inside a JSON value");
                }
            }
            byte b = buf[i];
            if (inString) {
                if (escape) {
                    escape = false;
                } else {
                    // Most bytes of a value are string content: skip them eight at a time.
                    i = skipPlainString(i);
                    while (i < limit && !isStringDelimiter(buf[i])) {
                        i++;
                    }
                    if (i >= limit) {
                        continue;
                    }
                    b = buf[i];
                    escape = b == '\\';
                    inString = b != '"';
                }
                if (b == '\n') {
                    pos = i;
                    return broken("line break inside a string");
                }
                i++;
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (depth > 0 && last != ':' && last != ',' && last != '[') {
                        pos = i;
                        return broken("value not closed before the next one");
                    }
                    depth++;
                }
                case '}', ']' -> depth--;
                case '\n' -> line++;
                default -> {}
            }
            if (!isWhitespace(b)) {
                last = b;
            }
            i++;
            if (depth == 0) {
                pos = i;
                return complete(i);
            }
        }
    }

    /**
     * Returns the index of the first byte from {@code i} that may be a quote, a backslash or a line
     * feed, testing eight bytes per step; it may stop early, never late.
     */
    private int skipPlainString(int i) {
        while (i + Long.BYTES <= limit) {
            long word = (long) LONGS.get(buf, i);
            if (hasByte(word, QUOTES) | hasByte(word, BACKSLASHES) | hasByte(word, LINE_FEEDS)) {
                return i;
            }
            i += Long.BYTES;
        }
        return i;
    }

    private static boolean isStringDelimiter(byte b) {
        return b == '"' || b == '\\' || b == '\n';
    }

    /** Whether any byte of {@code word} equals the byte repeated in {@code pattern}. */
    private static boolean hasByte(long word, long pattern) {
        long x = word ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

    private Piece complete(int end) {
        long size = discarded + (end - frameStart);
        if (size > maxRecordBytes) {
            return new Piece.Oversized(size, frameOffset, frameLine);
        }
        return new Piece.Value(buf, frameStart, end - frameStart, frameOffset, frameLine);
    }

    private Piece broken(String why) {
        long size = discarded + (pos - frameStart);
        if (size > maxRecordBytes) {
            return new Piece.Oversized(size, frameOffset, frameLine);
        }
        int n = Math.min(EXCERPT_BYTES, pos - frameStart);
        String excerpt = new String(buf, frameStart, n, StandardCharsets.UTF_8);
        return new Piece.Broken(why, excerpt, frameOffset, frameLine);
    }

    /** Reports the rest of a line that does not start a value. */
    private Piece strayLine() throws IOException {
        long offset = consumed();
        long startLine = line;
        byte[] excerpt = new byte[EXCERPT_BYTES];
        int n = 0;
        while (pos < limit || refill(pos)) {
            byte b = buf[pos];
            if (b == '\n') {
                break;
            }
            if (n < EXCERPT_BYTES) {
                excerpt[n++] = b;
            }
            pos++;
        }
        String text = new String(excerpt, 0, n, StandardCharsets.UTF_8).strip();
        return new Piece.Broken(
                "not a JSON object or array: '" + text + "'", text, offset, startLine);
    }

    /**
     * Before a refill during a value: when the value already exceeds the limit, its bytes so far
     * are dropped and only their count is kept, so memory stays bounded.
     */
    private void dropOversizedFrame(int end) {
        if (end - frameStart > maxRecordBytes) {
            discarded += end - frameStart;
            frameStart = end;
            pos = end;
        }
    }

    /**
     * Reads more bytes, moving {@code buf[keep..limit)} to the front first. Returns false at the
     * end of the input. {@link #pos} and {@link #frameStart} move with the kept bytes.
     */
    private boolean refill(int keep) throws IOException {
        if (eof) {
            return false;
        }
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            base += keep;
            limit -= keep;
            pos -= keep;
            frameStart -= keep;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** A UTF-8 byte-order mark is skipped at the start of the input only. */
    private boolean isByteOrderMark(byte b) {
        return consumed() < 3 && (b == (byte) 0xef || b == (byte) 0xbb || b == (byte) 0xbf);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
