package dev.atwatch.follow;

import java.util.Arrays;

/**
 * Bytes of one file generation that arrived but have not been handed out, cut into chunks of whole
 * lines. A line longer than {@code maxLineBytes} is handed out as it stands once that many bytes of
 * it are held (its reader then rejects it as too long), so the bytes held stay bounded.
 */
public final class PendingLines {

    private final int maxLineBytes;
    private byte[] bytes = new byte[1 << 12];
    private int length;
    private int generation;
    private long offset;
    private long nextLine = 1;

    /** Holds lines of at most {@code maxLineBytes} bytes back while they are written. */
    public PendingLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Starts the current generation at byte {@code offset} of its file, whose line numbers are then
     * unknown: chunks give line 0.
     */
    void startAt(long offset) {
        this.offset = offset;
        this.nextLine = 0;
    }

    /** Adds bytes that arrived. */
    public void append(byte[] data, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(data, from, bytes, length, count);
        length += count;
    }

    /** The whole lines held, or {@code null}; an overlong partial line counts as whole. */
    public Chunk take() {
        int cut = length;
        while (cut > 0 && bytes[cut - 1] != '\n') {
            cut--;
        }
        if (cut == 0 && length <= maxLineBytes) {
            return null;
        }
        return cut(cut == 0 ? length : cut, false);
    }

    /**
     * Everything held, a partial last line ended with a newline (the file it came from is over);
     * then a new generation starts at offset 0, line 1.
     */
    Chunk flushAndRestart() {
        Chunk rest = length == 0 ? null : cut(length, true);
        generation++;
        offset = 0;
        nextLine = 1;
        return rest;
    }

    /** Everything held, a partial last line ended with a newline: the stream is over. */
    Chunk flush() {
        return length == 0 ? null : cut(length, true);
    }

    private Chunk cut(int end, boolean endLine) {
        byte[] lines = Arrays.copyOf(bytes, end + (endLine && bytes[end - 1] != '\n' ? 1 : 0));
        lines[lines.length - 1] = lines.length > end ? (byte) '\n' : lines[lines.length - 1];
        long count = Chunk.countLines(lines, lines.length);
        Chunk chunk = new Chunk(lines, generation, offset, nextLine, count);
        System.arraycopy(bytes, end, bytes, 0, length - end);
        length -= end;
        offset += end;
        if (nextLine > 0) {
            nextLine += count;
        }
        return chunk;
    }
}
