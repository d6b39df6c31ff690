package dev.atwatch.read.evtx;

/** The reason codes of the rejections the EVTX reader reports. */
public final class EvtxReasons {

    /** The file header is missing, truncated or fails its checksum. */
    public static final String FILE_HEADER = "evtx.file-header";

    /** A 64 KiB block is not a chunk: no {@code ElfChnk} signature, and not empty. */
    public static final String CHUNK_SIGNATURE = "evtx.chunk-signature";

    /** A chunk header fails its checksum or holds impossible offsets; the chunk is skipped. */
    public static final String CHUNK_HEADER = "evtx.chunk-header";

    /**
     * The records of a chunk fail the chunk's record checksum. The records that still decode are
     * delivered; their values may be damaged.
     */
    public static final String RECORDS_CHECKSUM = "evtx.records-checksum";

    /** Bytes inside a chunk that should hold a record do not; they are skipped. */
    public static final String RECORD_HEADER = "evtx.record-header";

    /** A record's binary XML could not be decoded. */
    public static final String BINXML = "evtx.binxml";

    /** The input ends inside a chunk; the records after the cut are lost. */
    public static final String TRUNCATED = "evtx.truncated";

    /** An unexpected failure while decoding a chunk; the chunk is skipped. */
    public static final String INTERNAL = "evtx.internal";

    private EvtxReasons() {}

    /** The reason code for exceeding the limit called {@code name}. */
    public static String limit(String name) {
        return "limit." + name;
    }
}
