package dev.atwatch.read.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** Builds EVTX inputs for tests from the fixture files: whole files, chunks, repaired sums. */
final class EvtxFiles {

    static final int HEADER = 4096;
    static final int CHUNK = 65536;
    static final String AT = "at-interactive-4688.evtx";
    static final String ATEXEC = "atexec-remote-task.evtx";
    static final String SCHTASKS = "schtasks-system-task.evtx";

    private EvtxFiles() {}

    static byte[] fixture(String name) {
        try (InputStream in = EvtxFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chunk {@code index} of an EVTX file's bytes. */
    static byte[] chunk(byte[] file, int index) {
        int from = HEADER + index * CHUNK;
        return Arrays.copyOfRange(file, from, from + CHUNK);
    }

    /** A file made of a valid header announcing {@code announced} chunks, then {@code chunks}. */
    static byte[] assemble(List<byte[]> chunks, int announced) {
        byte[] file = new byte[HEADER + chunks.size() * CHUNK];
        System.arraycopy(fixture(AT), 0, file, 0, HEADER);
        file[42] = (byte) announced;
        file[43] = (byte) (announced >>> 8);
        for (int i = 0; i < chunks.size(); i++) {
            System.arraycopy(chunks.get(i), 0, file, HEADER + i * CHUNK, CHUNK);
        }
        repairHeader(file);
        return file;
    }

    static void repairHeader(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        putU32(file, 124, crc.getValue());
    }

    /**
     * Recomputes a chunk's record checksum (when its free space offset is possible) and header
     * checksum after a change.
     */
    static void repairChunk(byte[] file, int chunkStart) {
        long free = u32(file, chunkStart + 48);
        if (free >= 512 && free <= CHUNK && chunkStart + free <= file.length) {
            CRC32 records = new CRC32();
            records.update(file, chunkStart + 512, (int) free - 512);
            putU32(file, chunkStart + 52, records.getValue());
        }
        if (chunkStart + 512 > file.length) {
            return;
        }
        CRC32 header = new CRC32();
        header.update(file, chunkStart, 120);
        header.update(file, chunkStart + 128, 384);
        putU32(file, chunkStart + 124, header.getValue());
    }

    /** The chunk-relative offsets of the records of the chunk starting at {@code chunkStart}. */
    static int[] recordOffsets(byte[] file, int chunkStart) {
        int free = (int) u32(file, chunkStart + 48);
        int[] offsets = new int[256];
        int count = 0;
        int at = 512;
        while (at < free && file[chunkStart + at] == 0x2a) {
            offsets[count++] = at;
            at += (int) u32(file, chunkStart + at + 4);
        }
        return Arrays.copyOf(offsets, count);
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL)
                | (b[at + 1] & 0xffL) << 8
                | (b[at + 2] & 0xffL) << 16
                | (b[at + 3] & 0xffL) << 24;
    }

    static void putU32(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
