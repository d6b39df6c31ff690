package dev.atwatch.atjob;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the argument text of a {@code Win32_ScheduledJob.Create} call into values, as wmic and
 * PowerShell write them: values separated by commas (or semicolons in a PowerShell hash table),
 * quoted with {@code "} or {@code '} (a doubled quote is a literal one), possibly named ({@code
 * Command="..."}); separators inside quotes or brackets do not count.
 */
final class WmiArguments {

    /** Most computers read from one {@code /node:} or {@code -ComputerName} list. */
    static final int MAX_COMPUTERS = 256;

    /** One argument: its name when written as {@code name=value}, and its literal value. */
    record Value(String name, String text, boolean literal) {

        /** Whether the value was written but empty, or is PowerShell's {@code $null}. */
        boolean isDefault() {
            return text.isEmpty() || (!literal && text.equalsIgnoreCase("$null"));
        }
    }

    private WmiArguments() {}

    /**
     * The values of {@code text}, split at top-level {@code separators}; a list written as one
     * array literal {@code @(...)} is unwrapped, once.
     */
    static List<Value> split(String text, String separators) {
        return split(text, separators, true);
    }

    private static List<Value> split(String text, String separators, boolean unwrap) {
        List<Value> values = new ArrayList<>();
        int start = 0;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                addValue(values, text.substring(start, i), unwrap);
                start = i + 1;
            }
        }
        addValue(values, text.substring(start), unwrap);
        return values;
    }

    /**
     * The end (exclusive) of a PowerShell parameter's value list starting at {@code start}: the
     * first top-level {@code ;}, {@code |}, unmatched {@code )}, line end, or white space followed
     * by another parameter ({@code -Name}).
     */
    static int parameterEnd(String text, int start) {
        return end(text, start, true);
    }

    /** The end (exclusive) of the bracketed text opened just before {@code start}. */
    static int closing(String text, int start) {
        return end(text, start, false);
    }

    /**
     * The index of the first unmatched closing bracket outside quotes from {@code start}, or (when
     * {@code parameter}) of the first top-level character that {@link #endsParameter} accepts,
     * whichever comes first; the text length when there is neither.
     */
    private static int end(String text, int start, boolean parameter) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && depth-- == 0) {
                return i;
            } else if (parameter && depth == 0 && endsParameter(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * The computers a {@code /node:} (when {@code wmic}) or {@code -ComputerName} value starting at
     * {@code start} names, joined with commas: a list of quoted or bare names separated by commas,
     * in PowerShell possibly inside {@code @(...)}; {@code null} when there is none.
     */
    static String computers(String text, int start, boolean wmic) {
        int pos = start;
        boolean array = !wmic && text.startsWith("@(", pos);
        pos += array ? 2 : 0;
        List<String> names = new ArrayList<>();
        while (pos < text.length() && names.size() < MAX_COMPUTERS) {
            pos = skipBlanks(text, pos);
            int end = computerEnd(text, pos, wmic);
            String name = unquoted(text.substring(pos, end).strip());
            if (!name.isEmpty()) {
                names.add(name);
            }
            pos = skipBlanks(text, end);
            if (pos >= text.length() || text.charAt(pos) != ',') {
                break;
            }
            pos++;
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    /** {@code text} without the quote that opens it and, when present, the one that closes it. */
    private static String unquoted(String text) {
        if (text.isEmpty() || (text.charAt(0) != '"' && text.charAt(0) != '\'')) {
            return text;
        }
        boolean closed = text.length() > 1 && text.charAt(text.length() - 1) == text.charAt(0);
        return text.substring(1, closed ? text.length() - 1 : text.length());
    }

    /** The end of one computer name: its closing quote, or a blank, comma or bracket. */
    private static int computerEnd(String text, int pos, boolean wmic) {
        if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
            int close = text.indexOf(text.charAt(pos), pos + 1);
            return close < 0 ? text.length() : close + 1;
        }
        String stops = wmic ? ",/" : ",;|)";
        int i = pos;
        while (i < text.length() && !isBlank(text.charAt(i)) && stops.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int pos) {
        int i = pos;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean endsParameter(String text, int i) {
        char c = text.charAt(i);
        if (c == ';' || c == '|' || c == '\n' || c == '\r') {
            return true;
        }
        return (c == ' ' || c == '\t')
                && i + 2 < text.length()
                && text.charAt(i + 1) == '-'
                && Character.isLetter(text.charAt(i + 2));
    }

    private static void addValue(List<Value> values, String raw, boolean unwrap) {
        String text = raw.strip();
        if (unwrap && text.startsWith("@(") && text.endsWith(")")) {
            values.addAll(split(text.substring(2, text.length() - 1), ",", false));
            return;
        }
        int equals = nameEnd(text);
        String name = equals < 0 ? null : text.substring(0, equals).strip();
        String value = equals < 0 ? text : text.substring(equals + 1).strip();
        if (name == null && text.isEmpty() && values.isEmpty()) {
            return;
        }
        values.add(literal(name, value));
    }

    /** The index of the {@code =} after a leading identifier, or -1. */
    private static int nameEnd(String text) {
        int i = 0;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        if (i == 0 || !Character.isLetter(text.charAt(0))) {
            return -1;
        }
        int j = i;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j < text.length() && text.charAt(j) == '=' ? j : -1;
    }

    private static Value literal(String name, String text) {
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')) {
            char quote = text.charAt(0);
            if (text.charAt(text.length() - 1) == quote) {
                String inner = text.substring(1, text.length() - 1);
                return new Value(name, inner.replace("" + quote + quote, "" + quote), true);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean variable =
                lower.startsWith("$") && !lower.equals("$true") && !lower.equals("$false");
        return new Value(name, text, !variable);
    }
}
