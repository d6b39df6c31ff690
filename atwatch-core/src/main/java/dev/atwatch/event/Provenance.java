package dev.atwatch.event;

/**
 * Where a record came from: the input's name (a path, or {@code -} for standard input), the
 * record's ordinal in that input (1-based), its line number (1-based, or 0 when the format has no
 * lines) and its byte offset (of the decoded stream, or -1 when unknown).
 */
public record Provenance(String input, long record, long line, long offset) {

    /** A short location for messages and for the {@code source} column of alerts. */
    public String describe() {
        StringBuilder text = new StringBuilder(input);
        if (line > 0) {
            text.append(':').append(line);
        } else if (record > 0) {
            text.append('#').append(record);
        }
        if (offset >= 0 && line <= 0) {
            text.append(" @").append(offset);
        }
        return text.toString();
    }
}
