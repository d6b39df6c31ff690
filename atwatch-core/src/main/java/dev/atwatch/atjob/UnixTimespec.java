package dev.atwatch.atjob;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads at(1)'s time specifications, following the grammar of its manual page:
 *
 * <pre>
 * timespec  = "now" [shift] | time [date] [shift] | date [time] [shift]
 * time      = "noon" | "midnight" | "teatime" | HH:MM [am|pm] | HHMM [am|pm] | H am|pm, ["utc"]
 * date      = "today" | "tomorrow" | weekday | month-name D [[,] YYYY] | D month-name [YYYY]
 *           | MM/DD/[CC]YY | DD.MM.[CC]YY | [CC]YY-MM-DD | MMDD[CC]YY | "next" weekday
 * shift     = "+" N unit | "next" unit      (unit: minutes, hours, days, weeks, months, years)
 * </pre>
 *
 * and {@code at -t [[CC]YY]MMDDhhmm[.SS]}. Words are case-insensitive and may run together with
 * numbers ({@code 4pm}, {@code +5}).
 */
final class UnixTimespec {

    private static final LocalTime NOON = LocalTime.of(12, 0);
    private static final LocalTime TEATIME = LocalTime.of(16, 0);

    private final String text;
    private final List<String> tokens;
    private int pos;
    private LocalTime clock;
    private JobTime.DateSpec date;
    private JobTime.Shift shift;
    private Integer utcOffset;

    private UnixTimespec(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    /**
     * Reads a time specification.
     *
     * @throws IllegalArgumentException saying what was expected where, when it is not one
     */
    static JobTime parse(String text) {
        UnixTimespec spec = new UnixTimespec(text);
        spec.timespec();
        return new JobTime(text, spec.clock, spec.date, spec.shift, spec.utcOffset);
    }

    /** Reads the {@code -t [[CC]YY]MMDDhhmm[.SS]} form. */
    static JobTime parsePosix(String text) {
        String digits = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        if (!digits.matches("\\d{8}|\\d{10}|\\d{12}")) {
            throw new IllegalArgumentException("expected [[CC]YY]MMDDhhmm[.SS]");
        }
        int n = digits.length();
        Integer year = n == 8 ? null : fullYear(Integer.parseInt(digits.substring(0, n - 8)));
        int month = Integer.parseInt(digits.substring(n - 8, n - 6));
        int day = Integer.parseInt(digits.substring(n - 6, n - 4));
        LocalTime time =
                clock(
                        Integer.parseInt(digits.substring(n - 4, n - 2)),
                        Integer.parseInt(digits.substring(n - 2)));
        return new JobTime(text, time, calendarDay(year, month, day), null, null);
    }

    private void timespec() {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("expected a time");
        }
        if (accept("now")) {
            shift();
        } else if (startsTime()) {
            time();
            date();
            shift();
        } else {
            date();
            if (date == null) {
                throw error("expected a time, a date or 'now'");
            }
            if (startsTime()) {
                time();
            }
            shift();
        }
        if (pos < tokens.size()) {
            throw error("unexpected");
        }
    }

    private boolean startsTime() {
        String token = peek(0);
        if (token == null) {
            return false;
        }
        if (token.equals("noon") || token.equals("midnight") || token.equals("teatime")) {
            return true;
        }
        if (!isNumber(token)) {
            return false;
        }
        String next = peek(1);
        return ":".equals(next)
                || isMeridiem(next)
                || (token.length() == 4 && !isDateSeparator(next));
    }

    private void time() {
        String token = next();
        switch (token) {
            case "noon" -> clock = NOON;
            case "midnight" -> clock = LocalTime.MIDNIGHT;
            case "teatime" -> clock = TEATIME;
            default -> clock = numericTime(token);
        }
        if (accept("utc") || accept("gmt") || accept("z")) {
            utcOffset = 0;
        }
    }

    private LocalTime numericTime(String token) {
        int hour;
        int minute = 0;
        if (accept(":")) {
            hour = Integer.parseInt(token);
            minute = number(2);
        } else if (token.length() == 4) {
            hour = Integer.parseInt(token.substring(0, 2));
            minute = Integer.parseInt(token.substring(2));
        } else {
            hour = Integer.parseInt(token);
        }
        String meridiem = peek(0);
        if (isMeridiem(meridiem)) {
            pos++;
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException(
                        "expected an hour from 1 to 12 before " + meridiem + ", not " + hour);
            }
            hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
        }
        return clock(hour, minute);
    }

    private void date() {
        String token = peek(0);
        if (token == null) {
            return;
        }
        if (accept("today")) {
            date = new JobTime.RelativeDay(0);
        } else if (accept("tomorrow")) {
            date = new JobTime.RelativeDay(1);
        } else if (weekday(token) != null) {
            pos++;
            date = new JobTime.Weekday(weekday(token));
        } else if ("next".equals(token) && weekday(peek(1)) != null) {
            pos++;
            date = new JobTime.Weekday(weekday(next()));
        } else if (isMonth(token)) {
            monthFirst();
        } else if (isNumber(token)) {
            numericDate();
        }
    }

    private void monthFirst() {
        int month = month(next());
        int day = number(2);
        accept(",");
        Integer year = isNumber(peek(0)) && !startsTime() ? year(next()) : null;
        date = calendarDay(year, month, day);
    }

    private void numericDate() {
        String first = peek(0);
        String separator = peek(1);
        if (isMonth(separator)) {
            pos += 2;
            Integer year = isNumber(peek(0)) && !startsTime() ? year(next()) : null;
            date = calendarDay(year, month(separator), Integer.parseInt(first));
        } else if (isDateSeparator(separator)) {
            separatedDate(separator);
        } else if (first.length() == 6 || first.length() == 8) {
            pos++;
            date =
                    calendarDay(
                            year(first.substring(4)),
                            Integer.parseInt(first.substring(0, 2)),
                            Integer.parseInt(first.substring(2, 4)));
        }
    }

    private void separatedDate(String separator) {
        int a = Integer.parseInt(next());
        expect(next(), separator);
        int b = number(2);
        expectNext(separator);
        String c = next();
        if (c == null || !isNumber(c)) {
            throw error("expected a number after '" + separator + "'");
        }
        date =
                switch (separator) {
                    case "/" -> calendarDay(year(c), a, b);
                    case "." -> calendarDay(year(c), b, a);
                    default -> calendarDay(fullYear(a), b, Integer.parseInt(c));
                };
    }

    private void shift() {
        if (accept("+")) {
            long amount = number(9);
            shift = new JobTime.Shift(amount, unit(next()));
        } else if (accept("-")) {
            long amount = number(9);
            shift = new JobTime.Shift(-amount, unit(next()));
        } else if ("next".equals(peek(0))) {
            pos++;
            shift = new JobTime.Shift(1, unit(next()));
        }
    }

    private ChronoUnit unit(String token) {
        if (token == null) {
            throw error("expected minutes, hours, days, weeks, months or years");
        }
        String singular = token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
        return switch (singular) {
            case "min", "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            case "year" -> ChronoUnit.YEARS;
            default ->
                    throw new IllegalArgumentException(
                            "expected minutes, hours, days, weeks, months or years, not '"
                                    + token
                                    + "'");
        };
    }

    private int number(int maxDigits) {
        String token = next();
        if (token == null || !isNumber(token) || token.length() > maxDigits) {
            throw new IllegalArgumentException(
                    "expected a number of at most "
                            + maxDigits
                            + " digits"
                            + (token == null ? " at the end" : ", not '" + token + "'"));
        }
        return Integer.parseInt(token);
    }

    private void expectNext(String expected) {
        expect(next(), expected);
    }

    private void expect(String token, String expected) {
        if (!expected.equals(token)) {
            throw new IllegalArgumentException("expected '" + expected + "'");
        }
    }

    private boolean accept(String word) {
        if (word.equals(peek(0))) {
            pos++;
            return true;
        }
        return false;
    }

    private String peek(int ahead) {
        int at = pos + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    private IllegalArgumentException error(String message) {
        String at = pos < tokens.size() ? " at '" + tokens.get(pos) + "'" : " at the end";
        return new IllegalArgumentException(message + at);
    }

    private static LocalTime clock(int hour, int minute) {
        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "no such time %02d:%02d", hour, minute));
        }
        return LocalTime.of(hour % 24, minute);
    }

    private static JobTime.CalendarDay calendarDay(Integer year, int month, int day) {
        try {
            // A leap year accepts February 29 when the year is not given.
            LocalDate.of(year == null ? 2000 : year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date: " + e.getMessage());
        }
        return new JobTime.CalendarDay(year, month, day);
    }

    private static int year(String digits) {
        if (digits.length() != 2 && digits.length() != 4) {
            throw new IllegalArgumentException("expected a year of 2 or 4 digits, not " + digits);
        }
        return fullYear(Integer.parseInt(digits));
    }

    private static int fullYear(int year) {
        if (year >= 100) {
            return year;
        }
        return year < 70 ? 2000 + year : 1900 + year;
    }

    private static boolean isNumber(String token) {
        return token != null && !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    private static boolean isMeridiem(String token) {
        return "am".equals(token) || "pm".equals(token);
    }

    private static boolean isDateSeparator(String token) {
        return "/".equals(token) || ".".equals(token) || "-".equals(token);
    }

    private static boolean isMonth(String token) {
        return month(token) > 0;
    }

    private static int month(String token) {
        if (token == null || token.length() < 3) {
            return 0;
        }
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(token) || (token.length() == 4 && token.equals("sept"))) {
                return month.getValue();
            }
        }
        return 0;
    }

    private static DayOfWeek weekday(String token) {
        if (token == null || token.length() < 3) {
            return null;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(token)) {
                return day;
            }
        }
        return null;
    }

    /** Numbers, words (lower case) and single punctuation marks; white space separates. */
    private static List<String> lex(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isAsciiDigit(c)) {
                while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                    i++;
                }
            } else if (isAsciiLetter(c)) {
                while (i < text.length() && isAsciiLetter(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
            tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
