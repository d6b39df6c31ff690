package dev.atwatch.read.evtx;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEvents;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>A failed checksum loses no record. Each record is checked by its own structure (signature,
 * size, size copy) and by decoding, so a chunk whose header or records checksum fails is still
 * read, with a {@link Warning} that says so; only the records that do not decode are rejected. When
 * the header's free space offset is impossible, records are read from the start of the chunk for as
 * long as they are valid and in sequence.
 */
final class ChunkParser {

    static final int CHUNK_SIZE = 0x10000;
    static final int HEADER_SIZE = 512;
    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
    private static final int RECORD_HEADER = 24;
    private static final int MIN_RECORD = RECORD_HEADER + 4;

    /** A place in the chunk: a record to decode, or a problem found while walking. */
    private sealed interface Slot {
        int at();
    }

    private record RecordSlot(int at, int size) implements Slot {}

    /** Bytes lost: reported as a {@link Rejected}. */
    private record Problem(int at, String reason, String detail) implements Slot {}

    /** Damage read past: reported as a {@link Warning}. */
    private record Damage(int at, String reason, String detail) implements Slot {}

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
     * Checks the chunk and finds its records, without decoding them; never throws. Records and
     * reports are then in file order.
     *
     * @return how many records the chunk holds, each of which takes a record number
     */
    int layout() {
        try {
            if (isChunk()) {
                records(freeSpaceOffset());
            }
        } catch (RuntimeException e) {
            slots.clear();
            records = 0;
            fail(0, EvtxReasons.INTERNAL, "chunk skipped after an unexpected " + e);
        }
        slots.sort(Comparator.comparingInt(Slot::at));
        return records;
    }

    /**
     * Decodes the records {@link #layout} found; never throws.
     *
     * @param input the input's name, for provenance
     * @param firstRecord the record number of the chunk's first record
     */
    ChunkResult decode(String input, long firstRecord, ReadOptions options) {
        ChunkResult result = new ChunkResult(length, records);
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
            } else if (slot instanceof Damage damage) {
                Provenance where = new Provenance(input, 0, 0, fileOffset + damage.at());
                result.add(new Warning(where, damage.reason(), damage.detail()));
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
        String identifier = "record identifier " + Long.toUnsignedString(Cursor.u64(chunk, at + 8));
        try {
            if (prefilter != null && !prefilter.mayMatch(at, size)) {
                result.countFiltered();
                return;
            }
            Node[] document = parser.document(at + RECORD_HEADER, at + size - 4, 0);
            WindowsEventRecord decoded = renderer.render(document);
            result.add(WindowsEvents.toEvent(decoded, where, options));
        } catch (BinXmlException e) {
            String place =
                    e.chunkOffset() >= 0 ? " at offset " + (fileOffset + e.chunkOffset()) : "";
            String detail = identifier + ": " + e.getMessage() + place;
            result.add(new Rejected(where, e.reason(), detail));
        } catch (RuntimeException | StackOverflowError e) {
            String detail = identifier + " skipped after " + e;
            result.add(new Rejected(where, EvtxReasons.INTERNAL, detail));
        }
    }

    /** Whether the block is a chunk with a whole header; reports it when it is not. */
    private boolean isChunk() {
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
            warn(
                    0,
                    EvtxReasons.CHUNK_HEADER,
                    checksumDetail("chunk header", stored, computed)
                            + "; records still read, each checked by its own structure");
        }
        return true;
    }

    /** The header's free space offset, or -1 (reported) when it lies outside the chunk. */
    private int freeSpaceOffset() {
        long free = Cursor.u32(chunk, 48);
        if (free < HEADER_SIZE || free > CHUNK_SIZE) {
            warn(
                    0,
                    EvtxReasons.CHUNK_HEADER,
                    "free space offset "
                            + free
                            + " outside the chunk; records read while valid and in sequence");
            return -1;
        }
        return (int) free;
    }

    static boolean hasSignature(byte[] block, int length) {
        return hasSignatureAt(block, length, 0);
    }

    /**
     * Whether the first {@code length} bytes of {@code bytes} hold a chunk signature at {@code at}.
     */
    static boolean hasSignatureAt(byte[] bytes, int length, int at) {
        if (length - at < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[at + i] != SIGNATURE[i]) {
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

    /**
     * Finds the records up to the free space offset {@code free}, and the unflushed ones past it;
     * with no usable offset ({@code -1}), the records in sequence from the start.
     */
    private void records(int free) {
        int end = free < 0 ? HEADER_SIZE : Math.min(free, length);
        if (free >= 0) {
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

    /** Checks the records checksum when the records area is whole; reports a cut otherwise. */
    private void checkRecordsChecksum(int free) {
        if (length < CHUNK_SIZE && free > length) {
            fail(
                    length,
                    EvtxReasons.TRUNCATED,
                    "input ends inside the chunk, " + (free - length) + " bytes of records lost");
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(chunk, HEADER_SIZE, free - HEADER_SIZE);
        long stored = Cursor.u32(chunk, 52);
        if (crc.getValue() != stored) {
            warn(
                    0,
                    EvtxReasons.RECORDS_CHECKSUM,
                    checksumDetail("event records", stored, crc.getValue())
                            + "; records still read, each checked by its own structure");
        }
    }

    /**
     * Reads records from {@code position} while they are valid and their identifiers follow on from
     * {@code lastId} (any identifier for the first when {@code lastId} is unknown).
     */
    private void dirtyTail(int position, long lastId) {
        int at = position;
        long expected = lastId + 1;
        boolean any = lastId == Long.MIN_VALUE;
        while (at + MIN_RECORD <= length) {
            int size = recordSize(at);
            long id = size < 0 ? 0 : Cursor.u64(chunk, at + 8);
            if (size < 0 || (!any && id != expected)) {
                return;
            }
            record(at, size);
            at += size;
            expected = id + 1;
            any = false;
        }
    }

    /** The size of the valid record at {@code at}, or -1: signature, size and size copy agree. */
    private int recordSize(int at) {
        if (at + MIN_RECORD > length || !hasRecordSignature(at)) {
            return -1;
        }
        long size = Cursor.u32(chunk, at + 4);
        if (size < MIN_RECORD || at + size > length) {
            return -1;
        }
        return Cursor.u32(chunk, at + (int) size - 4) == size ? (int) size : -1;
    }

    private boolean hasRecordSignature(int at) {
        return chunk[at] == 0x2a
                && chunk[at + 1] == 0x2a
                && chunk[at + 2] == 0
                && chunk[at + 3] == 0;
    }

    /**
     * Skips bytes holding no valid record up to the next valid one; reports them unless they are
     * zero padding. A record whose size field alone is damaged is kept: its signature is at {@code
     * from} and the size copy just before the next record agrees with the distance to it.
     */
    private int skipToRecord(int from, int end) {
        int next = from + 1;
        while (next + RECORD_HEADER <= end && recordSize(next) < 0) {
            next++;
        }
        int stop = Math.min(next, end);
        if (hasRecordSignature(from)
                && stop - from >= MIN_RECORD
                && Cursor.u32(chunk, stop - 4) == stop - from) {
            record(from, stop - from);
            return stop;
        }
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

    private void warn(int at, String reason, String detail) {
        slots.add(new Damage(at, reason, detail));
    }

    private static String checksumDetail(String what, long stored, long computed) {
        return what
                + " checksum 0x"
                + Long.toHexString(stored)
                + " does not match the computed 0x"
                + Long.toHexString(computed);
    }
}
