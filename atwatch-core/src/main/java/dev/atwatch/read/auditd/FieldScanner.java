package dev.atwatch.read.auditd;

/**
 * Splits the fields part of an audit record into {@code key=value} pairs.
 *
 * <p>In a raw record a value is {@code "double quoted"} (no escapes: the kernel hex-encodes any
 * value with a quote, space or control character), {@code 'single quoted'} (the nested {@code
 * msg='...'} of user-space records) or bare up to the next space. Words without {@code =}, such as
 * {@code avc: denied { read }}, are skipped.
 *
 * <p>In {@code ausearch -i} output values are printed decoded and unquoted, so they may hold
 * spaces: a word without {@code =} continues the previous value, and {@code proctitle} takes the
 * rest of the record. A nested {@code msg='...'} whose closing quote is missing (the text was cut)
 * runs to the end of the record, whereas in a raw record it is reported: the kernel and auditd
 * always close their quotes.
 */
final class FieldScanner {

    /** Receives each pair; {@code quote} is {@code '"'}, {@code '\''} or 0 for a bare value. */
    interface Visitor {
        void pair(FieldKey key, String value, char quote);
    }

    /** The reason code for a quote that is never closed: a truncated record. */
    static final String UNTERMINATED = "auditd.unterminated-quote";

    private FieldScanner() {}

    /**
     * Scans {@code text[from, to)}, passing each pair to {@code visitor} with its key from {@code
     * keys}.
     *
     * @return {@code null}, or {@link #UNTERMINATED} when a quoted value of a raw record runs off
     *     the end (the pairs before it were passed)
     */
    static String scan(
            String text, int from, int to, boolean interpreted, KeyTable keys, Visitor visitor) {
        return interpreted
                ? scanInterpreted(text, from, to, keys, visitor)
                : scanRaw(text, from, to, keys, visitor);
    }

    private static String scanRaw(String text, int from, int to, KeyTable keys, Visitor visitor) {
        FieldKey previous = null;
        int i = from;
        while (i < to) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            // most keys are the one that followed the previous key last time
            FieldKey key = keys.following(previous, text, i, to);
            int eq;
            if (key != null) {
                eq = i + key.name().length();
            } else {
                eq = keyEnd(text, i, to);
                if (eq < 0) {
                    i = wordEnd(text, i, to);
                    continue;
                }
                key = keys.of(text, i, eq);
                keys.remember(previous, key);
            }
            previous = key;
            int v = eq + 1;
            char first = v < to ? text.charAt(v) : 0;
            if (first == '"' || first == '\'') {
                int close = text.indexOf(first, v + 1);
                if (close < 0 || close >= to) {
                    return UNTERMINATED;
                }
                visitor.pair(key, text.substring(v + 1, close), first);
                i = close + 1;
            } else {
                int end = wordEnd(text, v, to);
                visitor.pair(key, text.substring(v, end), (char) 0);
                i = end;
            }
        }
        return null;
    }

    private static String scanInterpreted(
            String text, int from, int to, KeyTable keys, Visitor visitor) {
        FieldKey key = null;
        StringBuilder value = new StringBuilder();
        int valueEnd = from;
        int i = from;
        while (i < to) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int eq = keyEnd(text, i, to);
            if (eq < 0) {
                // A word without '=' is part of the previous value, which had spaces; one with
                // an '=' after odd characters, such as "(hostname=?,", ends it and is skipped.
                int end = wordEnd(text, i, to);
                if (text.indexOf('=', i) < 0 || text.indexOf('=', i) >= end) {
                    if (key != null) {
                        value.append(text, valueEnd, end); // keeps runs of spaces
                        valueEnd = end;
                    }
                } else {
                    flush(key, value, visitor);
                    key = null;
                }
                i = end;
                continue;
            }
            flush(key, value, visitor);
            key = keys.of(text, i, eq);
            int v = eq + 1;
            if (v < to && text.charAt(v) == '\'') {
                // Printed for people and often cut when copied: an open quote runs to the end.
                int close = text.indexOf('\'', v + 1);
                close = close < 0 || close >= to ? to : close;
                visitor.pair(key, text.substring(v + 1, close), '\'');
                key = null;
                i = close + 1;
            } else if (key.proctitle()) {
                value.append(text, v, to);
                i = to;
            } else {
                int end = wordEnd(text, v, to);
                value.append(text, v, end);
                valueEnd = end;
                i = end;
            }
        }
        flush(key, value, visitor);
        return null;
    }

    private static void flush(FieldKey key, StringBuilder value, Visitor visitor) {
        if (key != null) {
            visitor.pair(key, value.toString().strip(), (char) 0);
        }
        value.setLength(0);
    }

    /** The index of the '=' ending a key that starts at {@code i}, or -1 for a plain word. */
    private static int keyEnd(String text, int i, int to) {
        for (int j = i; j < to; j++) {
            char c = text.charAt(j);
            if (c == '=') {
                return j > i ? j : -1;
            }
            if (!isKeyChar(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** The characters a record key may hold: letters, digits, {@code _ - [ ] .}. */
    private static final boolean[] KEY_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            KEY_CHARS[c] =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || "_-[].".indexOf(c) >= 0;
        }
    }

    /** Whether {@code c} may be part of a record key. */
    static boolean isKeyChar(char c) {
        return c < 128 && KEY_CHARS[c];
    }

    private static int wordEnd(String text, int i, int to) {
        int space = text.indexOf(' ', i);
        return space < 0 || space > to ? to : space;
    }
}
