package dev.atwatch.read.auditd;

import dev.atwatch.event.Event;
import java.util.Set;

/**
 * A record key as events are extracted with it, worked out once per distinct key ({@link
 * KeyTable}): the field it fills and the special meanings it has. Everything but {@link #next} is
 * given by the name alone.
 */
final class FieldKey {

    private static final Set<String> METADATA =
            Set.of(Event.TIME, Event.RAW, Event.HOST, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    private final String name;
    private final String field;
    private final boolean hexEncoded;
    private final boolean argument;
    private final boolean register;
    private final boolean message;
    private final boolean proctitle;

    /**
     * The key that came after this one in the record read last, or {@code null}: records of one
     * type list their keys in the same order, so it is a good guess for the next key ({@link
     * KeyTable#following}).
     */
    FieldKey next;

    private FieldKey(String name) {
        this.name = name;
        this.field = fieldName(cleanKey(name));
        this.hexEncoded = isHexField(name);
        this.argument = isArgumentKey(name);
        this.register = isRegister(name);
        this.message = name.equals("msg");
        this.proctitle = name.equals("proctitle");
    }

    /** The key named {@code name}. */
    static FieldKey of(String name) {
        return new FieldKey(name);
    }

    /** The key as written. */
    String name() {
        return name;
    }

    /**
     * The field it fills: the name {@link #cleanKey cleaned}, kept as {@code extracted_<name>} when
     * Splunk reserves the name for metadata ({@code host}, {@code index}, ...), as Splunk does.
     */
    String field() {
        return field;
    }

    /** Whether its bare values are hex-encoded text ({@link #isHexField}). */
    boolean hexEncoded() {
        return hexEncoded;
    }

    /**
     * Whether it names an EXECVE argument ({@code aN}, {@code aN_len}, {@code aN[i]}) when it
     * occurs in an EXECVE record.
     */
    boolean argument() {
        return argument;
    }

    /** Whether it names a SYSCALL register ({@code a0..a3}) when it occurs in a SYSCALL record. */
    boolean register() {
        return register;
    }

    /** Whether it is {@code msg}, whose single-quoted value holds nested pairs. */
    boolean message() {
        return message;
    }

    /** Whether it is {@code proctitle}. */
    boolean proctitle() {
        return proctitle;
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
