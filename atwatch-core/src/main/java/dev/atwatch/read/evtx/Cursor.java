package dev.atwatch.read.evtx;

/**
 * A read position over a window {@code [position, end)} of a chunk's bytes, reading little-endian
 * values. Every read checks the window first, so hostile lengths end in a {@link BinXmlException},
 * never in an index error.
 */
final class Cursor {

    private final byte[] bytes;
    private final int end;
    private int position;

    Cursor(byte[] bytes, int position, int end) {
        this.bytes = bytes;
        this.position = position;
        this.end = end;
    }

    int position() {
        return position;
    }

    int end() {
        return end;
    }

    int remaining() {
        return end - position;
    }

    void require(long count) {
        if (count < 0 || count > end - position) {
            throw BinXmlException.malformed(
                    "needs " + count + " bytes, " + (end - position) + " left", position);
        }
    }

    int peek() {
        require(1);
        return bytes[position] & 0xff;
    }

    int u8() {
        require(1);
        return bytes[position++] & 0xff;
    }

    int u16() {
        require(2);
        int value = u16(bytes, position);
        position += 2;
        return value;
    }

    /** An unsigned 32-bit value; the caller compares it as a long to stay safe from overflow. */
    long u32() {
        require(4);
        long value = u32(bytes, position);
        position += 4;
        return value;
    }

    void skip(long count) {
        require(count);
        position += (int) count;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL)
                | (b[at + 1] & 0xffL) << 8
                | (b[at + 2] & 0xffL) << 16
                | (b[at + 3] & 0xffL) << 24;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
