package dev.atwatch.read.syslog;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the header of the three text syslog shapes: RFC 3164 ({@code Dec 3 18:31:01 host
 * prog[pid]: msg}, with or without a {@code <PRI>}), the ISO-timestamp form rsyslog writes with
 * {@code RSYSLOG_FileFormat} ({@code 2026-12-03T18:31:01.123456+00:00 host prog[pid]: msg}) and RFC
 * 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}).
 *
 * <p>RFC 3164 times carry no year and no zone: the year comes from a {@link YearInference}, and the
 * time is read as UTC.
 */
final class SyslogHeaderParser {

    private static final Pattern RFC3164 =
            Pattern.compile(
                    "^(?:<\\d{1,3}>)?([A-Z][a-z]{2}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d)"
                            + "(\\.\\d+)? (\\S+) (.*)$");
    private static final Pattern ISO =
            Pattern.compile(
                    "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"
                            + "(?:Z|[+-]\\d\\d:\\d\\d)) (\\S+) (.*)$");
    private static final Pattern RFC5424 =
            Pattern.compile("^<\\d{1,3}>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (.*)$");
    private static final Pattern TAG = Pattern.compile("^([^\\s\\[:]+)(?:\\[(\\d+)\\])?: ?(.*)$");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private SyslogHeaderParser() {}

    /** Parses {@code line} in whichever text shape it has, or returns {@code null}. */
    static SyslogLine parse(String line, YearInference years) {
        if (line.startsWith("<") && line.indexOf(">1 ") > 0) {
            SyslogLine rfc5424 = parse5424(line);
            if (rfc5424 != null) {
                return rfc5424;
            }
        }
        if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
            return parseIso(line);
        }
        return parse3164(line, years);
    }

    static SyslogLine parse3164(String line, YearInference years) {
        Matcher m = RFC3164.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(1)) / 3 + 1;
        if (MONTHS.indexOf(m.group(1)) % 3 != 0 || month < 1) {
            return null;
        }
        int day = Integer.parseInt(m.group(2).strip());
        double time;
        try {
            LocalDateTime local =
                    LocalDateTime.of(
                            years.yearOf(month),
                            month,
                            day,
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)));
            time = local.toEpochSecond(ZoneOffset.UTC) + fraction(m.group(6));
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return withTag(time, m.group(7), m.group(8));
    }

    static SyslogLine parseIso(String line) {
        Matcher m = ISO.matcher(line);
        if (!m.matches()) {
            return null;
        }
        double time = isoTime(m.group(1));
        return Double.isNaN(time) ? null : withTag(time, m.group(2), m.group(3));
    }

    static SyslogLine parse5424(String line) {
        Matcher m = RFC5424.matcher(line);
        if (!m.matches()) {
            return null;
        }
        double time = isoTime(m.group(1));
        if (Double.isNaN(time)) {
            return null;
        }
        String message = skipStructuredData(m.group(6));
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1);
        }
        return new SyslogLine(time, nil(m.group(2)), nil(m.group(3)), nil(m.group(4)), message);
    }

    private static SyslogLine withTag(double time, String host, String rest) {
        Matcher tag = TAG.matcher(rest);
        if (tag.matches()) {
            return new SyslogLine(time, host, tag.group(1), tag.group(2), tag.group(3));
        }
        return new SyslogLine(time, host, null, null, rest);
    }

    /** The message after RFC 5424 structured data: {@code -} or {@code [id k="v"]...}. */
    private static String skipStructuredData(String rest) {
        if (rest.equals("-")) {
            return "";
        }
        if (rest.startsWith("- ")) {
            return rest.substring(2);
        }
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == '[') {
            i = elementEnd(rest, i);
        }
        return i < rest.length() && rest.charAt(i) == ' '
                ? rest.substring(i + 1)
                : rest.substring(i);
    }

    private static int elementEnd(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static double isoTime(String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return time.toEpochSecond() + time.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    private static double fraction(String text) {
        return text == null ? 0 : Double.parseDouble("0" + text);
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }
}
