package dev.atwatch.read.evtx;

import java.util.zip.CRC32;

/**
 * The EVTX file header (the first 4 KiB): signature {@code ElfFile\0}, chunk count, flags and a
 * CRC32 of its first 120 bytes.
 *
 * @param problem what is wrong with the header, or {@code null} when it is sound
 * @param chunkCount the number of chunks the header announces (0 when unknown)
 * @param dirty whether the log was not closed cleanly
 */
record FileHeader(String problem, int chunkCount, boolean dirty) {

    static final int SIZE = 4096;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    /** Whether {@code head} starts with the EVTX signature. */
    static boolean hasSignature(byte[] head, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Checks the {@code length} first bytes of an input. */
    static FileHeader parse(byte[] head, int length) {
        if (!hasSignature(head, length)) {
            return new FileHeader("no ElfFile signature", 0, false);
        }
        if (length < 128) {
            return new FileHeader("input ends inside the file header", 0, false);
        }
        CRC32 crc = new CRC32();
        crc.update(head, 0, 120);
        long stored = Cursor.u32(head, 124);
        int chunks = Cursor.u16(head, 42);
        boolean dirty = (Cursor.u32(head, 120) & 1) != 0;
        if (crc.getValue() != stored) {
            String problem =
                    "file header checksum 0x"
                            + Long.toHexString(stored)
                            + " does not match the computed 0x"
                            + Long.toHexString(crc.getValue());
            return new FileHeader(problem, 0, dirty);
        }
        if (length < SIZE) {
            return new FileHeader("input ends inside the file header", chunks, dirty);
        }
        return new FileHeader(null, chunks, dirty);
    }
}
