package dev.atwatch.read.evtx;

/**
 * The reason codes of the rejections and warnings the EVTX reader reports. Rejections stand for
 * lost bytes or records; warnings for damage read past without losing a record.
 */
public final class EvtxReasons {

    /**
     * A warning: the file header is missing, damaged or fails its checksum; the chunks are still
     * read, but the header's chunk count cannot be trusted.
     */
    public static final String FILE_HEADER = "evtx.file-header";

    /** A 64 KiB block is not a chunk: no {@code ElfChnk} signature, and not empty. */
    public static final String CHUNK_SIGNATURE = "evtx.chunk-signature";

    /**
     * A warning: a chunk header fails its checksum or holds an impossible free space offset; the
     * chunk's records are still read, each checked by its own structure.
     */
    public static final String CHUNK_HEADER = "evtx.chunk-header";

    /**
     * A warning: the records of a chunk fail the chunk's event records checksum. Each record is
     * still read and checked by its own structure; the ones that decode are delivered (their values
     * may be damaged), the others rejected one by one.
     */
    public static final String RECORDS_CHECKSUM = "evtx.records-checksum";

    /** Bytes inside a chunk that should hold a record do not; they are skipped. */
    public static final String RECORD_HEADER = "evtx.record-header";

    /** A record's binary XML could not be decoded. */
    public static final String BINXML = "evtx.binxml";

    /**
     * The input ends inside the file header or a chunk, or at a chunk boundary before the chunks
     * the file header announces; the records after the cut are lost.
     */
    public static final String TRUNCATED = "evtx.truncated";

    /** An unexpected failure while decoding a chunk; the chunk is skipped. */
    public static final String INTERNAL = "evtx.internal";

    private EvtxReasons() {}

    /** The reason code for exceeding the limit called {@code name}. */
    public static String limit(String name) {
        return "limit." + name;
    }
}
