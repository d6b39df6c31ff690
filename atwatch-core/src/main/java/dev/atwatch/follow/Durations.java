package dev.atwatch.follow;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as live runs take them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");

    private Durations() {}

    /**
     * {@code text} in milliseconds; a bare number is seconds.
     *
     * @throws IllegalArgumentException saying what was expected, for text that is not a duration or
     *     is zero
     */
    public static long millis(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "'; expected a duration such as 500ms, 10s, 2m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        long value =
                switch (m.group(2) == null ? "s" : m.group(2)) {
                    case "ms" -> n;
                    case "m" -> n * 60_000;
                    case "h" -> n * 3_600_000;
                    default -> n * 1000;
                };
        if (value <= 0) {
            throw new IllegalArgumentException("'" + text + "'; must be more than 0");
        }
        return value;
    }
}
