package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.windows.WindowsEventRecord;
import java.util.zip.CRC32;

/**
 * Decodes one 64 KiB chunk: checks its header and checksums, walks its records, decodes each
 * record's binary XML, and reports every record or run of bytes it cannot decode. Runs on a worker
 * thread; one instance per chunk.
 *
 * <p>Records are read from the end of the chunk header up to the free space offset. Bytes there
 * that hold no valid record are skipped up to the next valid record signature and reported (runs of
 * zero bytes are padding and are not). Past the free space offset, records continue to be read
 * while they are valid and their identifiers follow on: a dirty file may hold records the header
 * has not yet accounted for.
 */
final class ChunkParser {

    static final int CHUNK_SIZE = 0x10000;
    static final int HEADER_SIZE = 512;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
    private static final int RECORD_HEADER = 24;
    private static final int MIN_RECORD = RECORD_HEADER + 4;

    private final byte[] chunk;
    private final int length;
    private final long fileOffset;
    private final ChunkResult result;
    private final BinXmlParser parser;
    private final EventRenderer renderer;
    private final RecordPrefilter prefilter;

    /**
     * @param chunk the chunk's bytes, {@code length} of them valid (fewer than 64 KiB only at the
     *     end of a truncated input)
     * @param fileOffset where the chunk starts in the input
     */
    ChunkParser(
            byte[] chunk,
            int length,
            long fileOffset,
            ReadLimits readLimits,
            EvtxLimits limits,
            RecordFilter filter) {
        this.chunk = chunk;
        this.length = length;
        this.fileOffset = fileOffset;
        this.result = new ChunkResult(fileOffset, length);
        this.parser = new BinXmlParser(chunk, length, limits, readLimits.maxNesting());
        this.renderer = new EventRenderer(parser, readLimits);
        this.prefilter = filter == null ? null : new RecordPrefilter(filter, parser);
    }

    /** Decodes the chunk; never throws. */
    ChunkResult parse() {
        try {
            if (headerUsable()) {
                records();
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail(0, false, EvtxReasons.INTERNAL, "chunk skipped after an unexpected " + e);
        }
        return result;
    }

    /** Checks signature, header checksum and offsets; reports and returns false when unusable. */
    private boolean headerUsable() {
        if (!hasSignature(chunk, length)) {
            if (!isZero(0, length)) {
                fail(0, false, EvtxReasons.CHUNK_SIGNATURE, "no ElfChnk signature; block skipped");
            }
            return false;
        }
        if (length < HEADER_SIZE) {
            fail(0, false, EvtxReasons.TRUNCATED, "input ends inside the chunk header");
            return false;
        }
        long stored = Cursor.u32(chunk, 124);
        long computed = headerChecksum();
        if (stored != computed) {
            fail(
                    0,
                    false,
                    EvtxReasons.CHUNK_HEADER,
                    checksumDetail("chunk header", stored, computed) + "; chunk skipped");
            return false;
        }
        long free = Cursor.u32(chunk, 48);
        if (free < HEADER_SIZE || free > CHUNK_SIZE) {
            fail(
                    0,
                    false,
                    EvtxReasons.CHUNK_HEADER,
                    "free space offset " + free + " outside the chunk; chunk skipped");
            return false;
        }
        return true;
    }

    static boolean hasSignature(byte[] block, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (block[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private long headerChecksum() {
        CRC32 crc = new CRC32();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, HEADER_SIZE - 128);
        return crc.getValue();
    }

    private void records() {
        int free = (int) Cursor.u32(chunk, 48);
        int end = Math.min(free, length);
        if (length < CHUNK_SIZE && free > length) {
            fail(
                    length,
                    false,
                    EvtxReasons.TRUNCATED,
                    "input ends inside the chunk, " + (free - length) + " bytes of records lost");
        } else {
            checkRecordsChecksum(free);
        }
        int position = HEADER_SIZE;
        long lastId = Long.MIN_VALUE;
        while (position + RECORD_HEADER <= end) {
            int size = recordSize(position);
            if (size < 0) {
                position = skipToRecord(position, end);
                continue;
            }
            lastId = Cursor.u64(chunk, position + 8);
            record(position, size);
            position += size;
        }
        dirtyTail(position, lastId);
    }

    private void checkRecordsChecksum(int free) {
        CRC32 crc = new CRC32();
        crc.update(chunk, HEADER_SIZE, free - HEADER_SIZE);
        long stored = Cursor.u32(chunk, 52);
        if (crc.getValue() != stored) {
            fail(
                    0,
                    false,
                    EvtxReasons.RECORDS_CHECKSUM,
                    checksumDetail("event records", stored, crc.getValue())
                            + "; records still read, their values may be damaged");
        }
    }

    /** Reads records past the free space offset while they are valid and in sequence. */
    private void dirtyTail(int position, long lastId) {
        int at = position;
        long expected = lastId + 1;
        while (lastId != Long.MIN_VALUE && at + MIN_RECORD <= length) {
            int size = recordSize(at);
            if (size < 0 || Cursor.u64(chunk, at + 8) != expected) {
                return;
            }
            record(at, size);
            at += size;
            expected++;
        }
    }

    /** The size of the valid record at {@code at}, or -1: signature, size and size copy agree. */
    private int recordSize(int at) {
        if (at + MIN_RECORD > length
                || chunk[at] != 0x2a
                || chunk[at + 1] != 0x2a
                || chunk[at + 2] != 0
                || chunk[at + 3] != 0) {
            return -1;
        }
        long size = Cursor.u32(chunk, at + 4);
        if (size < MIN_RECORD || at + size > length) {
            return -1;
        }
        return Cursor.u32(chunk, at + (int) size - 4) == size ? (int) size : -1;
    }

    /** Skips bytes holding no valid record; reports them unless they are zero padding. */
    private int skipToRecord(int from, int end) {
        int next = from + 1;
        while (next + RECORD_HEADER <= end && recordSize(next) < 0) {
            next++;
        }
        int stop = Math.min(next, end);
        if (!isZero(from, stop)) {
            fail(
                    from,
                    false,
                    EvtxReasons.RECORD_HEADER,
                    (stop - from)
                            + " bytes hold no valid event record (signature, size and size copy); skipped");
        }
        return next + RECORD_HEADER <= end ? next : end;
    }

    private void record(int at, int size) {
        long offset = fileOffset + at;
        if (prefilter != null && !prefilter.mayMatch(at, size)) {
            result.add(new ChunkResult.Filtered(offset));
            return;
        }
        try {
            Node[] document = parser.document(at + RECORD_HEADER, at + size - 4, 0);
            WindowsEventRecord record = renderer.render(document);
            result.add(new ChunkResult.Parsed(record, offset));
        } catch (BinXmlException e) {
            long id = Cursor.u64(chunk, at + 8);
            String where =
                    e.chunkOffset() >= 0 ? " at offset " + (fileOffset + e.chunkOffset()) : "";
            result.add(
                    new ChunkResult.Failed(
                            offset,
                            true,
                            e.reason(),
                            "record " + Long.toUnsignedString(id) + ": " + e.getMessage() + where));
        }
    }

    private boolean isZero(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(int at, boolean isRecord, String reason, String detail) {
        result.add(new ChunkResult.Failed(fileOffset + at, isRecord, reason, detail));
    }

    private static String checksumDetail(String what, long stored, long computed) {
        return what
                + " checksum 0x"
                + Long.toHexString(stored)
                + " does not match the computed 0x"
                + Long.toHexString(computed);
    }
}
