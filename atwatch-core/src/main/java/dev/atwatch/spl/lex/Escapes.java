package dev.atwatch.spl.lex;

/** SPL's backslash rules for quoted strings and unquoted values. */
public final class Escapes {

    private Escapes() {}

    /**
     * Unescapes {@code raw}: {@code \\} is one backslash, {@code \"} a quote, {@code \|} a pipe;
     * any other backslash sequence stays as written ({@code \.} is two characters).
     */
    public static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(i + 1);
                if (next == '\\' || next == '"' || next == '|') {
                    out.append(next);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
