package dev.atwatch.read.auditd;

/**
 * Gives one shared {@link FieldKey} for each record key read, so that the few dozen keys of audit
 * records are not allocated and examined again for every record.
 *
 * <p>Holds at most {@link #CAPACITY} keys; past that (hostile input with ever new names) keys are
 * made afresh each time. Not thread-safe: one table per reading thread.
 */
final class KeyTable {

    static final int CAPACITY = 512;

    private final FieldKey[] slots = new FieldKey[CAPACITY * 2];
    private int size;

    /** The key {@code text[from, to)}, shared when it was seen before. */
    FieldKey of(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int length = to - from;
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            FieldKey known = slots[slot];
            if (known == null) {
                FieldKey key = FieldKey.of(text.substring(from, to));
                if (size < CAPACITY) {
                    slots[slot] = key;
                    size++;
                }
                return key;
            }
            String name = known.name();
            if (name.length() == length && text.startsWith(name, from)) {
                return known;
            }
        }
    }

    /**
     * The key at {@code text[from]} when it is the one that followed {@code previous} last time and
     * an {@code =} follows it before {@code to}; else {@code null}. A key found so is the one that
     * scanning up to the {@code =} and {@link #of} would give. Callers {@link #remember} the keys
     * they find otherwise.
     */
    FieldKey following(FieldKey previous, String text, int from, int to) {
        FieldKey guess = previous == null ? null : previous.next;
        if (guess == null) {
            return null;
        }
        String name = guess.name();
        int end = from + name.length();
        return end < to && text.charAt(end) == '=' && text.startsWith(name, from) ? guess : null;
    }

    /**
     * Notes that {@code key} came after {@code previous} (when not null), for {@link #following}.
     */
    void remember(FieldKey previous, FieldKey key) {
        if (previous != null) {
            previous.next = key;
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
