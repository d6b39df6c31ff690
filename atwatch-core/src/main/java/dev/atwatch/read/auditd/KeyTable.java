package dev.atwatch.read.auditd;

/**
 * Gives one shared {@link String} for each field name read, so that the few dozen names of audit
 * records are not allocated again for every record and their hash codes are computed once.
 *
 * <p>Holds at most {@link #CAPACITY} names; past that (hostile input with ever new names) names are
 * returned as fresh strings. Not thread-safe: one table per reading thread.
 */
final class KeyTable {

    static final int CAPACITY = 512;

    private final String[] slots = new String[CAPACITY * 2];
    private int size;

    /** The name {@code text[from, to)}, shared when it was seen before. */
    String of(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String known = slots[slot];
            if (known == null) {
                String name = text.substring(from, to);
                if (size < CAPACITY) {
                    slots[slot] = name;
                    size++;
                }
                return name;
            }
            if (known.length() == to - from && known.regionMatches(0, text, from, to - from)) {
                return known;
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
