package dev.atwatch.read.evtx;

/**
 * The substitution values of one template instance: for each value its type, size and position in
 * the chunk's bytes. Values are decoded only when they are rendered.
 */
final class TemplateValues {

    static final int NULL = 0x00;
    static final int STRING = 0x01;
    static final int ANSI_STRING = 0x02;
    static final int BINXML = 0x21;
    static final int ARRAY = 0x80;

    private final byte[] chunk;
    private final int[] offsets;
    private final int[] sizes;
    private final byte[] types;

    TemplateValues(byte[] chunk, int[] offsets, int[] sizes, byte[] types) {
        this.chunk = chunk;
        this.offsets = offsets;
        this.sizes = sizes;
        this.types = types;
    }

    /** Reads the value count, the descriptors and skips the value bytes, at {@code cursor}. */
    static TemplateValues read(byte[] chunk, Cursor cursor, EvtxLimits limits) {
        long count = cursor.u32();
        if (count > limits.maxSubstitutions()) {
            throw new BinXmlException(
                    EvtxReasons.limit(EvtxLimits.SUBSTITUTIONS),
                    dev.atwatch.read.ReadLimits.exceeded(
                            EvtxLimits.SUBSTITUTIONS, count, limits.maxSubstitutions()),
                    cursor.position());
        }
        int n = (int) count;
        cursor.require(4L * n);
        int[] sizes = new int[n];
        byte[] types = new byte[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = cursor.u16();
            types[i] = (byte) cursor.u8();
            cursor.u8();
        }
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = cursor.position();
            cursor.skip(sizes[i]);
        }
        return new TemplateValues(chunk, offsets, sizes, types);
    }

    int count() {
        return offsets.length;
    }

    byte[] chunk() {
        return chunk;
    }

    int offset(int index) {
        return offsets[index];
    }

    int size(int index) {
        return sizes[index];
    }

    /** The value's type as stored, with the array flag; NULL for an index past the end. */
    int type(int index) {
        return index < types.length ? types[index] & 0xff : NULL;
    }

    boolean isNull(int index) {
        return index >= types.length || type(index) == NULL;
    }
}
