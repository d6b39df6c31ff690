package dev.atwatch.event;

/**
 * Where a record came from: the input's name (a path, or {@code -} for standard input), the
 * record's ordinal in that input (1-based, or 0 when unknown), its line number (1-based, or 0 when
 * the format has no lines), its byte offset (of the decoded stream, or -1 when unknown), and
 * whether other records start on the same line (a whole {@code <Events>} document or a JSON array
 * on one line), so that the line alone does not tell them apart.
 */
public record Provenance(String input, long record, long line, long offset, boolean sharedLine) {

    /** The location of a record that is alone on its line (or of a format without lines). */
    public Provenance(String input, long record, long line, long offset) {
        this(input, record, line, offset, false);
    }

    /** The same location, marked as one of several records on its line. */
    public Provenance onSharedLine() {
        return sharedLine ? this : new Provenance(input, record, line, offset, true);
    }

    /**
     * A short location for the {@code source} column of alerts: {@code file:line}, followed by the
     * record number and byte offset ({@code file:1 #3 @2048}) when other records share the line;
     * {@code file#record @offset} for a format without lines.
     */
    public String describe() {
        return line > 0 && !sharedLine ? input + ":" + line : describeFully();
    }

    /**
     * Every coordinate known, for rejections and warnings: {@code file:line #record @offset}, any
     * unknown part left out ({@code file#record @offset} without lines).
     */
    public String describeFully() {
        StringBuilder text = new StringBuilder(input);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (record > 0) {
            text.append(line > 0 ? " #" : "#").append(record);
        }
        if (offset >= 0) {
            text.append(" @").append(offset);
        }
        return text.toString();
    }
}
