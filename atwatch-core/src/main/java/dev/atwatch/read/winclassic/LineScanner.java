package dev.atwatch.read.winclassic;

import dev.atwatch.read.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending at {@code \n}, with each line's number and byte offset. A
 * line longer than the limit is consumed without being stored and comes back as {@link
 * Line#tooLong()}; bytes of a line that are not UTF-8 are read as U+FFFD, and {@link
 * Line#malformedAt()} says where the first was.
 */
final class LineScanner {

    /**
     * One line, its text without the line terminator, and the terminator it had ({@code \r\n},
     * {@code \n} or none at the end of input); {@code malformedAt} is the index in the line of the
     * first byte that is not UTF-8, or -1.
     */
    record Line(
            String text, String terminator, long number, long offset, long bytes, int malformedAt) {
        boolean tooLong() {
            return text == null;
        }

        boolean badEncoding() {
            return malformedAt >= 0;
        }
    }

    private static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[READ_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private long offset;
    private long number;
    private byte[] line = new byte[256];

    LineScanner(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes consumed so far. */
    long consumed() {
        return offset;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        long start = offset;
        long length = 0;
        boolean newline = false;
        while (!newline && fill()) {
            int end = pos;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            newline = end < limit;
            int take = end - pos;
            store(length, take);
            length += take;
            pos = newline ? end + 1 : end;
            offset += take + (newline ? 1 : 0);
        }
        if (length == 0 && !newline) {
            return null;
        }
        number++;
        return finish(length, newline, start);
    }

    private Line finish(long length, boolean newline, long start) {
        if (length > maxLineBytes) {
            return new Line(null, null, number, start, length, -1);
        }
        int size = (int) length;
        boolean cr = size > 0 && line[size - 1] == '\r';
        String terminator = newline ? (cr ? "\r\n" : "\n") : "";
        Utf8Text.Decoded text = Utf8Text.decode(line, 0, cr ? size - 1 : size);
        return new Line(text.text(), terminator, number, start, length, text.malformedAt());
    }

    private void store(long already, int take) {
        if (already + take > maxLineBytes) {
            return;
        }
        int needed = (int) already + take;
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
        System.arraycopy(buf, pos, line, (int) already, take);
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int read = in.read(buf, 0, buf.length);
        if (read < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = read;
        return true;
    }
}
