package dev.atwatch.spl.func;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** Parses text with strptime conversions into epoch seconds (UTC unless an offset is given). */
final class TimeParser {

    private final String text;
    private int pos;
    private int year = 1970;
    private int month = 1;
    private int day = 1;
    private int dayOfYear = -1;
    private int hour;
    private int minute;
    private int second;
    private double fraction;
    private int offsetSeconds;
    private boolean pm;
    private boolean twelveHour;
    private Double epoch;

    private TimeParser(String text) {
        this.text = text;
    }

    /** Epoch seconds, or {@code null} when {@code text} does not fit {@code format}. */
    static Double parse(String text, String format) {
        TimeParser parser = new TimeParser(text);
        try {
            return parser.run(format) ? parser.result() : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private boolean run(String format) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                if (!literal(c)) {
                    return false;
                }
                continue;
            }
            char spec = format.charAt(++i);
            if (Character.isDigit(spec) && i + 1 < format.length() && format.charAt(i + 1) == 'N') {
                spec = format.charAt(++i);
            }
            if (!conversion(spec)) {
                return false;
            }
        }
        return true;
    }

    private boolean literal(char c) {
        if (Character.isWhitespace(c)) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return true;
        }
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean conversion(char spec) {
        switch (spec) {
            case 'Y':
                year = number(4);
                return year >= 0;
            case 'y':
                int y = number(2);
                year = y < 69 ? 2000 + y : 1900 + y;
                return y >= 0;
            case 'm':
                month = number(2);
                return month >= 1;
            case 'd':
            case 'e':
                skipSpace();
                day = number(2);
                return day >= 1;
            case 'j':
                dayOfYear = number(3);
                return dayOfYear >= 1;
            case 'H':
                hour = number(2);
                return hour >= 0;
            case 'I':
                hour = number(2);
                twelveHour = true;
                return hour >= 1;
            case 'M':
                minute = number(2);
                return minute >= 0;
            case 'S':
                second = number(2);
                return second >= 0;
            case 'N':
            case 'Q':
                return fraction();
            case 'p':
                return meridian();
            case 'b':
            case 'B':
                return monthName();
            case 'a':
            case 'A':
                return dayName();
            case 'z':
                return offset();
            case 'Z':
                return zoneName();
            case 's':
                int start = pos;
                long e = longNumber();
                epoch = (double) e;
                return pos > start;
            case 'T':
                return conversion('H')
                        && literal(':')
                        && conversion('M')
                        && literal(':')
                        && conversion('S');
            case 'F':
                return conversion('Y')
                        && literal('-')
                        && conversion('m')
                        && literal('-')
                        && conversion('d');
            case '%':
                return literal('%');
            default:
                return false;
        }
    }

    private int number(int maxDigits) {
        int start = pos;
        int value = 0;
        while (pos < text.length()
                && pos - start < maxDigits
                && Character.isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        return pos > start ? value : -1;
    }

    private long longNumber() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && pos - start < 15 && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private boolean fraction() {
        int start = pos;
        while (pos < text.length() && pos - start < 9 && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            return false;
        }
        fraction = Double.parseDouble("0." + text.substring(start, pos));
        return true;
    }

    private boolean meridian() {
        if (matchWord("AM")) {
            pm = false;
            return true;
        }
        pm = matchWord("PM");
        return pm;
    }

    private boolean monthName() {
        for (Month m : Month.values()) {
            if (matchWord(m.getDisplayName(TextStyle.FULL, Locale.ROOT))
                    || matchWord(m.getDisplayName(TextStyle.SHORT, Locale.ROOT))) {
                month = m.getValue();
                return true;
            }
        }
        return false;
    }

    private boolean dayName() {
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (matchWord(d.getDisplayName(TextStyle.FULL, Locale.ROOT))
                    || matchWord(d.getDisplayName(TextStyle.SHORT, Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean offset() {
        if (matchWord("Z")) {
            return true;
        }
        if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
            return false;
        }
        int sign = text.charAt(pos++) == '-' ? -1 : 1;
        int hours = number(2);
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
        }
        int minutes = number(2);
        if (hours < 0 || minutes < 0) {
            return false;
        }
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
        return true;
    }

    private boolean zoneName() {
        return matchWord("UTC") || matchWord("GMT") || matchWord("Z");
    }

    private boolean matchWord(String word) {
        if (text.regionMatches(true, pos, word, 0, word.length())) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private Double result() {
        if (epoch != null) {
            return epoch;
        }
        int h = twelveHour ? hour % 12 + (pm ? 12 : 0) : hour;
        LocalDate date =
                dayOfYear > 0
                        ? LocalDate.ofYearDay(year, dayOfYear)
                        : LocalDate.of(year, month, day);
        if (h > 23 || minute > 59 || second > 60) {
            return null;
        }
        long days = date.toEpochDay();
        return days * 86400.0 + h * 3600 + minute * 60 + second + fraction - offsetSeconds;
    }
}
