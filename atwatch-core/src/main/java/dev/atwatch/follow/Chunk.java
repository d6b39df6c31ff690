package dev.atwatch.follow;

/**
 * Whole lines that arrived from one source at one time.
 *
 * @param bytes the lines, each ending with a newline
 * @param generation which file the lines are from: 0 for the first file followed under a name, then
 *     one more after each rotation or truncation
 * @param offset the byte offset of the first line in that file
 * @param firstLine the 1-based number of the first line in that file, or 0 when not known (a file
 *     followed from its end)
 * @param lines how many lines {@code bytes} holds
 */
public record Chunk(byte[] bytes, int generation, long offset, long firstLine, long lines) {

    /** Counts the newlines of {@code bytes[0..length)}. */
    public static long countLines(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
