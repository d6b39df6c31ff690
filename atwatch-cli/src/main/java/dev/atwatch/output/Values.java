package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How field values are shown: {@code _time} as ISO-8601 with offset, numbers as SPL prints. */
public final class Values {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Values() {}

    /** Epoch seconds as {@code 2019-07-19T14:57:46.123+00:00}. */
    public static String isoTime(double epochSeconds) {
        long millis = Math.round(epochSeconds * 1000.0);
        return ISO.format(Instant.ofEpochMilli(millis));
    }

    /**
     * Epoch seconds as {@code 2021-10-01T17:30:39.0839658Z}: UTC, to the 100 ns of Windows times,
     * trailing zeros dropped down to milliseconds. Read back by atwatch, it gives the same seconds
     * for times read from Windows events and EVTX files.
     */
    public static String preciseTime(double epochSeconds) {
        long seconds = (long) Math.floor(epochSeconds);
        long ticks = Math.round((epochSeconds - seconds) * TICKS_PER_SECOND);
        if (ticks == TICKS_PER_SECOND) {
            seconds++;
            ticks = 0;
        }
        StringBuilder fraction = new StringBuilder(Long.toString(TICKS_PER_SECOND + ticks));
        fraction.deleteCharAt(0);
        while (fraction.length() > 3 && fraction.charAt(fraction.length() - 1) == '0') {
            fraction.setLength(fraction.length() - 1);
        }
        return SECONDS.format(Instant.ofEpochSecond(seconds)) + "." + fraction + "Z";
    }

    private static final long TICKS_PER_SECOND = 10_000_000L;

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** A value as text; multivalues joined with {@code separator}. */
    public static String text(String column, FieldValue value, String separator) {
        if (value == null) {
            return "";
        }
        if ("_time".equals(column) && value instanceof FieldValue.Number n) {
            return isoTime(n.value());
        }
        return String.join(separator, value.strings());
    }
}
