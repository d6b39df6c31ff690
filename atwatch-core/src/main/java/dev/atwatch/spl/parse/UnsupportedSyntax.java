package dev.atwatch.spl.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the extent of search syntax atwatch does not run ({@code field IN (...)}, {@code TERM()},
 * {@code CASE()}, {@code [subsearch]}) so that the parser can report it whole and go on after it,
 * and writes the rewrite an error suggests.
 */
final class UnsupportedSyntax {

    /** Longest suggested rewrite, in characters. */
    private static final int REWRITE_CHARS = 80;

    private UnsupportedSyntax() {}

    /**
     * The offset after the {@code close} character that matches the {@code open} one at {@code at},
     * skipping quoted strings and nested pairs; the end of {@code text} when it is never closed.
     */
    static int closingEnd(String text, int at, char open, char close) {
        int depth = 0;
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = quotedEnd(text, i);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        return text.length();
    }

    /**
     * The text between the opening character at {@code open} and the closing one that ends at
     * {@code end} (see {@link #closingEnd}), or to the end when it is never closed.
     */
    static String inside(String text, int open, int end) {
        boolean closed = end > open + 1 && end <= text.length() && isClose(text.charAt(end - 1));
        return text.substring(Math.min(open + 1, end), closed ? end - 1 : end).strip();
    }

    private static boolean isClose(char c) {
        return c == ')' || c == ']';
    }

    /** The first offset at or after {@code at} that is not whitespace. */
    static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the character at {@code at}, after blanks, is {@code c}. */
    static boolean follows(String text, int at, char c) {
        int i = skipBlanks(text, at);
        return i < text.length() && text.charAt(i) == c;
    }

    /**
     * The OR of comparisons that {@code field IN (list)} means, such as {@code (id=e1 OR id=e2)},
     * from the list's text between its parentheses; shortened with {@code OR ...} when long.
     */
    static String inRewrite(String field, String list) {
        List<String> values = values(list);
        if (values.isEmpty()) {
            return field + "=value";
        }
        StringBuilder rewrite = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            String term = (i > 0 ? " OR " : "") + field + "=" + values.get(i);
            if (rewrite.length() + term.length() > REWRITE_CHARS && i > 0) {
                rewrite.append(" OR ...");
                break;
            }
            rewrite.append(term);
        }
        return rewrite.append(')').toString();
    }

    /** The comma-separated values of an IN list, as written (quotes kept). */
    private static List<String> values(String list) {
        List<String> values = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= list.length()) {
            if (i == list.length() || list.charAt(i) == ',') {
                String value = list.substring(start, i).strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
                start = i + 1;
                i++;
            } else {
                i = list.charAt(i) == '"' ? quotedEnd(list, i) : i + 1;
            }
        }
        return values;
    }

    /** The offset after the closing quote of the string opening at {@code at}. */
    private static int quotedEnd(String text, int at) {
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        return text.length();
    }

    /** At most {@code max} characters of {@code text}, for messages. */
    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
    }
}
