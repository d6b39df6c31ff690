package dev.atwatch.read.auditd;

import dev.atwatch.event.Event;
import java.util.Set;

/**
 * A record key as events are extracted with it, worked out once per distinct key ({@link
 * KeyTable}): the field it fills and the special meanings it has.
 *
 * @param name the key as written
 * @param field the field it fills: the name {@link #cleanKey cleaned}, kept as {@code
 *     extracted_<name>} when Splunk reserves the name for metadata ({@code host}, {@code index},
 *     ...), as Splunk does
 * @param hexEncoded whether its bare values are hex-encoded text ({@link #isHexField})
 * @param argument whether it names an EXECVE argument ({@code aN}, {@code aN_len}, {@code aN[i]})
 *     when it occurs in an EXECVE record
 * @param register whether it names a SYSCALL register ({@code a0..a3}) when it occurs in a SYSCALL
 *     record
 * @param message whether it is {@code msg}, whose single-quoted value holds nested pairs
 * @param proctitle whether it is {@code proctitle}
 */
record FieldKey(
        String name,
        String field,
        boolean hexEncoded,
        boolean argument,
        boolean register,
        boolean message,
        boolean proctitle) {

    private static final Set<String> METADATA =
            Set.of(Event.TIME, Event.RAW, Event.HOST, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    /** The key named {@code name}. */
    static FieldKey of(String name) {
        return new FieldKey(
                name,
                fieldName(cleanKey(name)),
                isHexField(name),
                isArgumentKey(name),
                isRegister(name),
                name.equals("msg"),
                name.equals("proctitle"));
    }

    /**
     * The field a cleaned key fills: a name Splunk reserves for metadata is kept as {@code
     * extracted_<name>}.
     */
    private static String fieldName(String cleaned) {
        return METADATA.contains(cleaned) ? "extracted_" + cleaned : cleaned;
    }

    /** Splunk's key cleaning: characters other than letters, digits and '_' become '_'. */
    static String cleanKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return key.replaceAll("[^A-Za-z0-9_]", "_");
            }
        }
        return key;
    }

    /**
     * Whether the kernel or auditd hex-encodes {@code key} when its value has spaces or odd
     * characters: exe, comm, name, cwd, cmd, acct, path, key, data, ocomm.
     */
    private static boolean isHexField(String key) {
        return switch (key) {
            case "exe", "cwd", "cmd", "key", "comm", "name", "acct", "path", "data", "ocomm" ->
                    true;
            default -> false;
        };
    }

    private static boolean isRegister(String key) {
        return key.length() == 2
                && key.charAt(0) == 'a'
                && key.charAt(1) >= '0'
                && key.charAt(1) <= '3';
    }

    private static boolean isArgumentKey(String key) {
        return key.length() > 1 && key.charAt(0) == 'a' && Character.isDigit(key.charAt(1));
    }
}
