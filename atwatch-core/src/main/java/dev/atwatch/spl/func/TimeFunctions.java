package dev.atwatch.spl.func;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Time functions: {@code now}, {@code strftime}, {@code strptime}. Times are formatted and parsed
 * in UTC unless the format carries an offset (chosen: the engine has no user time zone).
 */
final class TimeFunctions {

    private TimeFunctions() {}

    static void register(FunctionLibrary.Builder library) {
        library.value("now", 0, 0, (a, s) -> Scope::now);
        library.value("strftime", 2, 2, (a, s) -> strftime(a));
        library.value("strptime", 2, 2, (a, s) -> strptime(a));
    }

    private static Evaluator strftime(List<Evaluator> args) {
        return scope -> {
            Double time = Values.number(args.get(0).eval(scope));
            String format = Values.text(args.get(1).eval(scope));
            if (time == null
                    || format == null
                    || time.isNaN()
                    || time.isInfinite()
                    || Math.abs(time) > 1e13) {
                return null;
            }
            return format(time, format);
        };
    }

    private static Evaluator strptime(List<Evaluator> args) {
        return scope -> {
            String text = Values.text(args.get(0).eval(scope));
            String format = Values.text(args.get(1).eval(scope));
            if (text == null || format == null) {
                return null;
            }
            return TimeParser.parse(text, format);
        };
    }

    /** Formats epoch seconds with strftime conversions, in UTC. */
    static String format(double epochSeconds, String format) {
        long seconds = (long) Math.floor(epochSeconds);
        // microsecond rounding: a double epoch holds no more, and it keeps .123 from printing .122
        long nanos = Math.round((epochSeconds - seconds) * 1e6) * 1000;
        if (nanos >= 1_000_000_000L) { // rounding carried into the next second
            seconds++;
            nanos -= 1_000_000_000L;
        }
        ZonedDateTime t = Instant.ofEpochSecond(seconds, nanos).atZone(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char spec = format.charAt(++i);
            int digits = 0;
            if (Character.isDigit(spec) && i + 1 < format.length() && format.charAt(i + 1) == 'N') {
                digits = spec - '0';
                spec = format.charAt(++i);
            }
            if (spec == ':' && i + 1 < format.length() && format.charAt(i + 1) == 'z') {
                i++;
                out.append("+00:00");
                continue;
            }
            out.append(conversion(t, spec, digits, seconds));
        }
        return out.toString();
    }

    private static String conversion(ZonedDateTime t, char spec, int digits, long epoch) {
        return switch (spec) {
            case 'Y' -> String.format(Locale.ROOT, "%04d", t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'b' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
            case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
            case 'z' -> "+0000";
            case 'Z' -> "UTC";
            case 's' -> Long.toString(epoch);
            case 'T' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
            case 'F' ->
                    String.format(
                            Locale.ROOT,
                            "%04d-%s-%s",
                            t.getYear(),
                            two(t.getMonthValue()),
                            two(t.getDayOfMonth()));
            case 'N' -> fraction(t.getNano(), digits == 0 ? 3 : digits);
            case 'Q' -> fraction(t.getNano(), 3);
            case '%' -> "%";
            default -> "%" + spec;
        };
    }

    private static String fraction(int nanos, int digits) {
        String nine = String.format(Locale.ROOT, "%09d", nanos);
        return nine.substring(0, Math.min(9, digits));
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
