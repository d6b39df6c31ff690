package dev.atwatch.atjob;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Windows command line into arguments as the C runtime does: white space separates
 * arguments outside double quotes; {@code 2n} backslashes before a quote give {@code n} backslashes
 * and open or close quoting, {@code 2n+1} give {@code n} and a literal quote; other backslashes are
 * literal; {@code ""} inside quotes is a literal quote. The program name, first, ends at the
 * closing quote or at white space, without escapes.
 */
final class WindowsArgs {

    /** One argument and where it stands in the command line, end exclusive. */
    record Arg(String value, int start, int end) {}

    private final String line;
    private int pos;

    private WindowsArgs(String line) {
        this.line = line;
    }

    /** The arguments of {@code line}, program name first; none for a blank line. */
    static List<Arg> split(String line) {
        return new WindowsArgs(line).all();
    }

    private List<Arg> all() {
        List<Arg> args = new ArrayList<>();
        skipSpace();
        if (pos < line.length()) {
            args.add(program());
        }
        while (skipSpace()) {
            args.add(argument());
        }
        return args;
    }

    private boolean skipSpace() {
        while (pos < line.length() && isSpace(line.charAt(pos))) {
            pos++;
        }
        return pos < line.length();
    }

    private Arg program() {
        int start = pos;
        if (line.charAt(pos) == '"') {
            int close = line.indexOf('"', pos + 1);
            pos = close < 0 ? line.length() : close + 1;
            String value = line.substring(start + 1, close < 0 ? line.length() : close);
            return new Arg(value, start, pos);
        }
        while (pos < line.length() && !isSpace(line.charAt(pos))) {
            pos++;
        }
        return new Arg(line.substring(start, pos), start, pos);
    }

    private Arg argument() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        while (pos < line.length() && (quoted || !isSpace(line.charAt(pos)))) {
            char c = line.charAt(pos);
            if (c == '\\') {
                backslashes(value);
            } else if (c == '"'
                    && quoted
                    && pos + 1 < line.length()
                    && line.charAt(pos + 1) == '"') {
                value.append('"');
                pos += 2;
            } else if (c == '"') {
                quoted = !quoted;
                pos++;
            } else {
                value.append(c);
                pos++;
            }
        }
        return new Arg(value.toString(), start, pos);
    }

    private void backslashes(StringBuilder value) {
        int count = 0;
        while (pos < line.length() && line.charAt(pos) == '\\') {
            count++;
            pos++;
        }
        boolean beforeQuote = pos < line.length() && line.charAt(pos) == '"';
        if (!beforeQuote) {
            value.append("\\".repeat(count));
            return;
        }
        value.append("\\".repeat(count / 2));
        if (count % 2 == 1) {
            value.append('"');
            pos++;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
