package dev.atwatch.atjob;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;

/** The day names of at.exe's {@code /every:} and {@code /next:} lists and of day masks. */
final class WindowsDays {

    private static final Map<String, DayOfWeek> NAMES =
            Map.ofEntries(
                    Map.entry("m", DayOfWeek.MONDAY),
                    Map.entry("t", DayOfWeek.TUESDAY),
                    Map.entry("w", DayOfWeek.WEDNESDAY),
                    Map.entry("th", DayOfWeek.THURSDAY),
                    Map.entry("f", DayOfWeek.FRIDAY),
                    Map.entry("s", DayOfWeek.SATURDAY),
                    Map.entry("su", DayOfWeek.SUNDAY),
                    Map.entry("mon", DayOfWeek.MONDAY),
                    Map.entry("tue", DayOfWeek.TUESDAY),
                    Map.entry("wed", DayOfWeek.WEDNESDAY),
                    Map.entry("thu", DayOfWeek.THURSDAY),
                    Map.entry("fri", DayOfWeek.FRIDAY),
                    Map.entry("sat", DayOfWeek.SATURDAY),
                    Map.entry("sun", DayOfWeek.SUNDAY));

    private WindowsDays() {}

    /** The day named by an at.exe letter (M, T, W, Th, F, S, Su) or English name, or null. */
    static DayOfWeek byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        DayOfWeek day = NAMES.get(lower);
        if (day != null || lower.length() < 3) {
            return day;
        }
        DayOfWeek prefix = NAMES.get(lower.substring(0, 3));
        boolean full = prefix != null && prefix.name().toLowerCase(Locale.ROOT).startsWith(lower);
        return full ? prefix : null;
    }

    /** The at.exe letter of {@code day}. */
    static String letter(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "M";
            case TUESDAY -> "T";
            case WEDNESDAY -> "W";
            case THURSDAY -> "Th";
            case FRIDAY -> "F";
            case SATURDAY -> "S";
            case SUNDAY -> "Su";
        };
    }
}
