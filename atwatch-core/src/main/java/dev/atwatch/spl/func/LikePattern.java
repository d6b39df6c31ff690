package dev.atwatch.spl.func;

import java.util.regex.Pattern;

/**
 * SQL-style patterns of {@code LIKE} and {@code like()}: {@code %} matches any run, {@code _} one
 * character; the match is over the whole string and case-sensitive. A backslash is an ordinary
 * character (chosen: Splunk does not document an escape).
 */
public final class LikePattern {

    private LikePattern() {}

    public static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_') {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
