package dev.atwatch.read.evtx;

/**
 * A record's binary XML could not be decoded, or decoding it would exceed a limit. Thrown inside
 * the package only; the chunk parser turns it into a {@link dev.atwatch.read.Rejected}.
 */
final class BinXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int chunkOffset;

    /**
     * @param reason the stable reason code, such as {@code evtx.binxml}
     * @param detail what was wrong, for a person
     * @param chunkOffset where in the chunk the problem was found, or -1
     */
    BinXmlException(String reason, String detail, int chunkOffset) {
        super(detail, null, false, false);
        this.reason = reason;
        this.chunkOffset = chunkOffset;
    }

    static BinXmlException malformed(String detail, int chunkOffset) {
        return new BinXmlException(EvtxReasons.BINXML, detail, chunkOffset);
    }

    String reason() {
        return reason;
    }

    int chunkOffset() {
        return chunkOffset;
    }
}
