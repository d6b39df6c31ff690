package dev.atwatch.read.evtx;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Decodes one 64 KiB chunk in two steps. {@link #layout} checks the header and checksums and walks
 * the record headers, finding where each record lies and which bytes hold none; it is cheap and
 * runs on the reading thread, so that records can be numbered in file order before decoding. {@link
 * #decode} then decodes each record's binary XML into an event, on a worker thread, and reports
 * every record or run of bytes it cannot decode. One instance per chunk.
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

    /** A place in the chunk: a record to decode, or a problem found while walking. */
    private sealed interface Slot {}

    private record RecordSlot(int at, int size) implements Slot {}

    private record Problem(int at, String reason, String detail) implements Slot {}

    private final byte[] chunk;
    private final int length;
    private final long fileOffset;
    private final ReadLimits readLimits;
    private final EvtxLimits limits;
    private final RecordFilter filter;
    private final List<Slot> slots = new ArrayList<>();
    private int records;

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
        this.readLimits = readLimits;
        this.limits = limits;
        this.filter = filter;
    }

    /**
     * Checks the chunk and finds its records, without decoding them; never throws.
     *
     * @return how many records the chunk holds, each of which takes a record number
     */
    int layout() {
        try {
            if (headerUsable()) {
                records();
            }
        } catch (RuntimeException e) {
            slots.clear();
            records = 0;
            fail(0, EvtxReasons.INTERNAL, "chunk skipped after an unexpected " + e);
        }
        return records;
    }

    /**
     * Decodes the records {@link #layout} found; never throws.
     *
     * @param input the input's name, for provenance
     * @param firstRecord the record number of the chunk's first record
     */
    ChunkResult decode(String input, long firstRecord, ReadOptions options) {
        ChunkResult result = new ChunkResult(length);
        BinXmlParser parser = new BinXmlParser(chunk, length, limits, readLimits.maxNesting());
        EventRenderer renderer = new EventRenderer(parser, readLimits, limits);
        RecordPrefilter prefilter = filter == null ? null : new RecordPrefilter(filter, parser);
        long number = firstRecord;
        for (Slot slot : slots) {
            if (slot instanceof RecordSlot record) {
                Provenance where = new Provenance(input, number++, 0, fileOffset + record.at());
                decode(record, where, parser, renderer, prefilter, options, result);
            } else if (slot instanceof Problem problem) {
                Provenance where = new Provenance(input, 0, 0, fileOffset + problem.at());
                result.add(new Rejected(where, problem.reason(), problem.detail()));
            }
        }
        return result;
    }

    private void decode(
            RecordSlot record,
            Provenance where,
            BinXmlParser parser,
            EventRenderer renderer,
            RecordPrefilter prefilter,
            ReadOptions options,
            ChunkResult result) {
        int at = record.at();
        int size = record.size();
        try {
            if (prefilter != null && !prefilter.mayMatch(at, size)) {
                result.countFiltered();
                return;
            }
            Node[] document = parser.document(at + RECORD_HEADER, at + size - 4, 0);
            WindowsEventRecord decoded = renderer.render(document);
            result.add(WindowsEvents.toEvent(decoded, where, options));
        } catch (BinXmlException e) {
            long id = Cursor.u64(chunk, at + 8);
            String place =
                    e.chunkOffset() >= 0 ? " at offset " + (fileOffset + e.chunkOffset()) : "";
            String detail = "record " + Long.toUnsignedString(id) + ": " + e.getMessage() + place;
            result.add(new Rejected(where, e.reason(), detail));
        } catch (RuntimeException | StackOverflowError e) {
            result.add(new Rejected(where, EvtxReasons.INTERNAL, "record skipped after " + e));
        }
    }

    /** Checks signature, header checksum and offsets; reports and returns false when unusable. */
    private boolean headerUsable() {
        if (!hasSignature(chunk, length)) {
            if (!isZero(0, length)) {
                fail(0, EvtxReasons.CHUNK_SIGNATURE, "no ElfChnk signature; block skipped");
            }
            return false;
        }
        if (length < HEADER_SIZE) {
            fail(0, EvtxReasons.TRUNCATED, "input ends inside the chunk header");
            return false;
        }
        long stored = Cursor.u32(chunk, 124);
        long computed = headerChecksum();
        if (stored != computed) {
            fail(
                    0,
                    EvtxReasons.CHUNK_HEADER,
                    checksumDetail("chunk header", stored, computed) + "; chunk skipped");
            return false;
        }
        long free = Cursor.u32(chunk, 48);
        if (free < HEADER_SIZE || free > CHUNK_SIZE) {
            fail(
                    0,
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
                    EvtxReasons.RECORD_HEADER,
                    (stop - from)
                            + " bytes hold no valid event record"
                            + " (signature, size and size copy); skipped");
        }
        return next + RECORD_HEADER <= end ? next : end;
    }

    private void record(int at, int size) {
        slots.add(new RecordSlot(at, size));
        records++;
    }

    private boolean isZero(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(int at, String reason, String detail) {
        slots.add(new Problem(at, reason, detail));
    }

    private static String checksumDetail(String what, long stored, long computed) {
        return what
                + " checksum 0x"
                + Long.toHexString(stored)
                + " does not match the computed 0x"
                + Long.toHexString(computed);
    }
}
