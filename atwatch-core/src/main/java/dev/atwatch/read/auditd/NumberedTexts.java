package dev.atwatch.read.auditd;

import java.util.Arrays;

/**
 * Texts keyed by a number, read back as a sorted map would hold them: in increasing key order, with
 * the last text given for each key. EXECVE arguments and their pieces arrive in increasing order,
 * and then nothing is sorted or looked up; other orders and repeated keys are sorted out once, by
 * {@link #settle()}. Reused from event to event; not thread-safe.
 */
final class NumberedTexts {

    private long[] keys = new long[16];
    private String[] texts = new String[16];
    private int size;

    /** Whether the keys so far strictly increase, so that they need no sorting. */
    private boolean settled = true;

    void clear() {
        Arrays.fill(texts, 0, size, null);
        size = 0;
        settled = true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Gives {@code text} for {@code key}, replacing (once settled) any text given before. */
    void put(long key, String text) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        if (size > 0 && keys[size - 1] >= key) {
            settled = false;
        }
        keys[size] = key;
        texts[size] = text;
        size++;
    }

    /** Orders the entries by key and keeps only the last text given for each key. */
    void settle() {
        if (settled) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // stable: entries of one key stay in the order they were given
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] sortedKeys = new long[keys.length];
        String[] sortedTexts = new String[texts.length];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int entry = order[i];
            if (kept > 0 && sortedKeys[kept - 1] == keys[entry]) {
                kept--;
            }
            sortedKeys[kept] = keys[entry];
            sortedTexts[kept] = texts[entry];
            kept++;
        }
        keys = sortedKeys;
        texts = sortedTexts;
        size = kept;
        settled = true;
    }

    /** How many entries there are; after {@link #settle()}, how many distinct keys. */
    int size() {
        return size;
    }

    long key(int i) {
        return keys[i];
    }

    String text(int i) {
        return texts[i];
    }
}
