package dev.atwatch.detect.lint;

import java.util.Locale;

/** Turns a LIKE pattern into the lower-case regular expression that matches the same paths. */
final class LikeRegex {

    private static final String REGEX_SPECIAL = "\\.[]{}()*+-?^$|/";

    private LikeRegex() {}

    /**
     * The regular expression, in lower case, matching what {@code pattern} matches ignoring case:
     * {@code %} any run, {@code _} one character, anchored at each end that has no leading or
     * trailing {@code %}.
     */
    static String of(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        boolean open = lower.startsWith("%");
        boolean openEnd = lower.length() > (open ? 1 : 0) && lower.endsWith("%");
        String body = lower.substring(open ? 1 : 0, openEnd ? lower.length() - 1 : lower.length());
        StringBuilder regex = new StringBuilder(open ? "" : "^");
        for (char c : body.toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (REGEX_SPECIAL.indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.append(openEnd ? "" : "$").toString();
    }

    /** {@code value} as an SPL string literal: quoted, backslashes and quotes escaped. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
