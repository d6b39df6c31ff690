package dev.atwatch.read.winclassic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending at {@code \n}, with each line's number and byte offset. A
 * line longer than the limit is consumed without being stored and comes back as {@link
 * Line#tooLong()}; a line that is not valid UTF-8 comes back with {@link Line#text()} null.
 */
final class LineScanner {

    /**
     * One line, its text without the line terminator, and the terminator it had ({@code \r\n},
     * {@code \n} or none at the end of input).
     */
    record Line(String text, String terminator, long number, long offset, long bytes) {
        boolean tooLong() {
            return text == null && bytes >= 0 && terminator == null;
        }

        boolean badEncoding() {
            return text == null && terminator != null;
        }
    }

    private static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
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
            return new Line(null, null, number, start, length);
        }
        int size = (int) length;
        boolean cr = size > 0 && line[size - 1] == '\r';
        String terminator = newline ? (cr ? "\r\n" : "\n") : "";
        try {
            int textBytes = cr ? size - 1 : size;
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, textBytes));
            return new Line(chars.toString(), terminator, number, start, length);
        } catch (CharacterCodingException e) {
            return new Line(null, terminator, number, start, length);
        }
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
