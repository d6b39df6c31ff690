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
