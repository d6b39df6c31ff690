package dev.atwatch.cli;

import dev.atwatch.detect.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --earliest} and {@code --latest}: {@code now}; a relative offset such as {@code
 * -24h}, {@code -7d}, {@code -30m}, {@code -90s}, {@code -2w}; epoch seconds; an ISO-8601 instant
 * or date-time with offset; a date-time or date without offset, taken as UTC.
 */
final class TimeBound {

    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,9})([smhdw])");

    private TimeBound() {}

    /**
     * The time range {@code --earliest} and {@code --latest} give (either may be null).
     *
     * @throws UsageException when either does not parse, or when the range is empty: {@code
     *     --earliest} is not before {@code --latest}
     */
    static TimeRange range(String earliest, String latest, double now) {
        double from = parse("--earliest", earliest, now);
        double to = parse("--latest", latest, now);
        if (!Double.isNaN(from) && !Double.isNaN(to) && from >= to) {
            throw new UsageException(
                    "--earliest '"
                            + earliest
                            + "' ("
                            + iso(from)
                            + ") is not before --latest '"
                            + latest
                            + "' ("
                            + iso(to)
                            + "): no event could be in the range");
        }
        return new TimeRange(from, to);
    }

    private static String iso(double seconds) {
        return Instant.ofEpochMilli((long) Math.floor(seconds * 1000)).toString();
    }

    /** Epoch seconds for {@code text} relative to {@code now}, or NaN when text is null. */
    static double parse(String option, String text, double now) {
        if (text == null) {
            return Double.NaN;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            double amount = Long.parseLong(relative.group(2)) * unitSeconds(relative.group(3));
            return relative.group(1).equals("-") ? now - amount : now + amount;
        }
        if (value.matches("\\d{1,12}(\\.\\d+)?")) {
            return Double.parseDouble(value);
        }
        return absolute(option, text.strip());
    }

    private static long unitSeconds(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 7 * 86400;
        };
    }

    private static double absolute(String option, String text) {
        try {
            return seconds(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through to the forms without an offset
        }
        try {
            return seconds(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // fall through to a date alone
        }
        try {
            return seconds(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "invalid value for "
                            + option
                            + ": '"
                            + text
                            + "'; expected now, a relative time such as -24h or -7d, epoch"
                            + " seconds, or an ISO-8601 time such as 2026-12-01T08:00:00Z");
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
