package dev.atwatch.read.auditd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines ({@code \n}, with a trailing {@code \r} removed), keeping each
 * line's number and byte offset, and never holding more than one bounded line in memory.
 *
 * <p>A line longer than the limit is not returned: {@link #next()} skips it to its end and reports
 * it through {@link #overlong()}, so a reader can reject it and go on. Bytes are decoded as UTF-8,
 * malformed sequences replaced.
 */
public final class LineSource {

    private static final int BUFFER = 1 << 16;

    private static final VarHandle WORDS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private int scanned;
    private boolean eof;

    private long lineNumber;
    private long lineOffset;
    private long nextOffset;
    private long overlongBytes;

    /** Reads lines of at most {@code maxLineBytes} bytes (without the line end) from {@code in}. */
    public LineSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line, or {@code null} at the end of the input. When the line was longer than the
     * limit, returns the empty string and {@link #overlong()} gives its length.
     */
    public String next() throws IOException {
        overlongBytes = 0;
        lineOffset = nextOffset;
        int newline = findNewline();
        while (newline < 0 && !eof) {
            if (end - start > maxLineBytes) {
                return skipOverlong();
            }
            fill();
            newline = findNewline();
        }
        if (newline < 0) {
            return lastLine();
        }
        return take(newline, newline + 1);
    }

    /** The 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The byte offset of the line last returned. */
    public long lineOffset() {
        return lineOffset;
    }

    /** The length in bytes of the line last returned when it was too long, else 0. */
    public long overlong() {
        return overlongBytes;
    }

    /** Bytes consumed so far. */
    public long position() {
        return nextOffset;
    }

    private String lastLine() {
        if (start == end) {
            return null;
        }
        if (end - start > maxLineBytes) {
            lineNumber++;
            overlongBytes = end - start;
            nextOffset += end - start;
            start = end;
            return "";
        }
        return take(end, end);
    }

    private String take(int lineEnd, int next) {
        int stop = lineEnd;
        if (stop > start && buffer[stop - 1] == '\r') {
            stop--;
        }
        lineNumber++;
        String line;
        if (stop - start > maxLineBytes) {
            overlongBytes = stop - start;
            line = "";
        } else {
            line = new String(buffer, start, stop - start, StandardCharsets.UTF_8);
        }
        nextOffset += next - start;
        start = next;
        return line;
    }

    private String skipOverlong() throws IOException {
        long length = 0;
        while (true) {
            int newline = findNewline();
            if (newline >= 0) {
                length += newline - start;
                nextOffset += newline + 1 - start;
                start = newline + 1;
                break;
            }
            length += end - start;
            nextOffset += end - start;
            start = end;
            if (eof) {
                break;
            }
            fill();
        }
        lineNumber++;
        overlongBytes = length;
        return "";
    }

    /**
     * Finds the next newline, never scanning a byte twice while a line is being filled. Eight bytes
     * are tested at a time: a byte of {@code word ^ NEWLINES} is zero where the word has a newline,
     * and the lowest zero byte is found exactly by the usual carry trick.
     */
    private int findNewline() {
        byte[] b = buffer;
        int i = Math.max(start, scanned);
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) WORDS.get(b, i) ^ NEWLINES;
            long zero = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zero != 0) {
                int at = i + (Long.numberOfTrailingZeros(zero) >>> 3);
                scanned = at + 1;
                return at;
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n') {
                scanned = i + 1;
                return i;
            }
        }
        scanned = end;
        return -1;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buffer.length) {
            // Grows only up to about the line limit: longer lines are skipped before this.
            byte[] bigger = new byte[Math.min(buffer.length * 2, maxLineBytes + BUFFER)];
            System.arraycopy(buffer, 0, bigger, 0, end);
            buffer = bigger;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }
}
