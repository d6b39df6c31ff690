package dev.atwatch.read.auditd;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decoding of hex-encoded audit values and quoting of argument lists as a shell would. */
public final class AuditValues {

    /** Per ASCII character: whether a shell takes it literally outside quotes. */
    private static final boolean[] SAFE = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            SAFE[c] = true;
            SAFE[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            SAFE[c] = true;
        }
        for (char c : "@%+=:,./_-".toCharArray()) {
            SAFE[c] = true;
        }
    }

    private AuditValues() {}

    /** Whether {@code value} is a non-empty, even-length run of hex digits. */
    public static boolean isHex(String value) {
        int length = value.length();
        if (length == 0 || (length & 1) != 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (hexDigit(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes hex digits to UTF-8 text (malformed sequences replaced).
     *
     * @throws IllegalArgumentException when {@code hex} is not {@link #isHex hex}
     */
    public static String decodeHex(String hex) {
        String decoded = decodeHexOrNull(hex);
        if (decoded == null) {
            throw new IllegalArgumentException("not an even-length hex string");
        }
        return decoded;
    }

    /**
     * As {@link #decodeHex}, in one pass over the digits; {@code null} when {@code hex} is not
     * {@link #isHex hex}.
     */
    static String decodeHexOrNull(String hex) {
        int length = hex.length();
        if (length == 0 || (length & 1) != 0) {
            return null;
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexDigit(hex.charAt(2 * i));
            int low = hexDigit(hex.charAt(2 * i + 1));
            if ((high | low) < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The value of hex digit {@code c}, or -1; as {@link Character#digit(char, int)} gives. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        // other Unicode digits and fullwidth letters count too
        return c < 128 ? -1 : Character.digit(c, 16);
    }

    /**
     * A process title as {@code ausearch -i} shows it: the NUL bytes between arguments become
     * spaces, trailing ones dropped.
     */
    public static String proctitle(String decoded) {
        String spaced = decoded.replace('\0', ' ');
        int end = spaced.length();
        while (end > 0 && spaced.charAt(end - 1) == ' ') {
            end--;
        }
        return spaced.substring(0, end);
    }

    /**
     * Joins arguments into one command line that a POSIX shell would split back into the same
     * arguments: arguments made only of safe characters stay bare, others are single-quoted.
     */
    public static String commandLine(List<String> arguments) {
        int length = 0;
        for (String argument : arguments) {
            length += argument.length() + 3;
        }
        StringBuilder line = new StringBuilder(length);
        for (String argument : arguments) {
            if (line.length() > 0) {
                line.append(' ');
            }
            appendQuoted(line, argument);
        }
        return line.toString();
    }

    private static void appendQuoted(StringBuilder line, String argument) {
        if (!argument.isEmpty() && isSafe(argument)) {
            line.append(argument);
            return;
        }
        line.append('\'');
        int from = 0;
        for (int quote = argument.indexOf('\''); quote >= 0; quote = argument.indexOf('\'', from)) {
            line.append(argument, from, quote).append("'\\''");
            from = quote + 1;
        }
        line.append(argument, from, argument.length()).append('\'');
    }

    private static boolean isSafe(String argument) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c >= SAFE.length || !SAFE[c]) {
                return false;
            }
        }
        return true;
    }
}
