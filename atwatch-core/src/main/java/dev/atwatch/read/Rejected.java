package dev.atwatch.read;

import dev.atwatch.event.Provenance;
import java.util.Locale;

/**
 * A record a reader could not turn into an event.
 *
 * @param where the record's location
 * @param reason a stable short code, such as {@code xml.malformed} or {@code limit.line-bytes}, by
 *     which summaries group rejections
 * @param detail what was wrong, for a person, quoting at most a short piece of the input
 */
public record Rejected(Provenance where, String reason, String detail) {

    /** Longest excerpt of the input a leading-bytes rejection quotes. */
    private static final int EXCERPT_CHARS = 60;

    /**
     * The bytes before the first record of an input that does not start with one (a line of
     * something else, a record cut off at its start), as reader {@code format} found them: reason
     * {@code <format>.leading-bytes}.
     */
    public static Rejected leadingBytes(
            Provenance where, String format, long bytes, String excerpt) {
        String detail =
                String.format(
                        Locale.ROOT,
                        "%,d bytes before the first event, from: '%s'",
                        bytes,
                        excerpt.length() > EXCERPT_CHARS
                                ? excerpt.substring(0, EXCERPT_CHARS) + "..."
                                : excerpt);
        return new Rejected(where, format + ".leading-bytes", detail);
    }
}
