package dev.atwatch.read.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes binary XML tokens for tests, as the event log lays them out in a chunk: names inline
 * (their offset pointing just past the offset field), positions counted from the chunk's start.
 */
final class BinXmlBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int base;

    /**
     * @param base the chunk offset of the first byte this builder writes
     */
    BinXmlBuilder(int base) {
        this.base = base;
    }

    int position() {
        return base + out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    BinXmlBuilder u8(int value) {
        out.write(value);
        return this;
    }

    BinXmlBuilder u16(int value) {
        return u8(value & 0xff).u8(value >>> 8 & 0xff);
    }

    BinXmlBuilder u32(long value) {
        return u16((int) (value & 0xffff)).u16((int) (value >>> 16 & 0xffff));
    }

    BinXmlBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A name reference with the name stored inline right after it. */
    BinXmlBuilder name(String name) {
        u32(position() + 4);
        u32(0).u16(0).u16(name.length());
        raw(name.getBytes(StandardCharsets.UTF_16LE));
        return u16(0);
    }

    BinXmlBuilder fragmentHeader() {
        return u8(0x0f).u8(1).u8(1).u8(0);
    }

    /** An element start; inside a template definition it carries a dependency identifier. */
    BinXmlBuilder open(String name, boolean attributes, boolean inTemplate) {
        u8(attributes ? 0x41 : 0x01);
        if (inTemplate) {
            u16(0xffff);
        }
        u32(0).name(name);
        return attributes ? u32(0) : this;
    }

    BinXmlBuilder attribute(String name) {
        return u8(0x06).name(name);
    }

    BinXmlBuilder closeStart() {
        return u8(0x02);
    }

    BinXmlBuilder closeEmpty() {
        return u8(0x03);
    }

    BinXmlBuilder end() {
        return u8(0x04);
    }

    BinXmlBuilder eof() {
        return u8(0x00);
    }

    BinXmlBuilder text(String text) {
        u8(0x05).u8(0x01).u16(text.length());
        return raw(text.getBytes(StandardCharsets.UTF_16LE));
    }

    BinXmlBuilder substitution(int index, int type, boolean optional) {
        return u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
    }

    BinXmlBuilder entity(String name) {
        return u8(0x09).name(name);
    }

    BinXmlBuilder charRef(int code) {
        return u8(0x08).u16(code);
    }

    BinXmlBuilder cdata(String text) {
        u8(0x07).u16(text.length());
        return raw(text.getBytes(StandardCharsets.UTF_16LE));
    }

    BinXmlBuilder pi(String target, String data) {
        u8(0x0a).name(target).u8(0x0b).u16(data.length());
        return raw(data.getBytes(StandardCharsets.UTF_16LE));
    }

    /** A template instance whose definition follows inline; returns the definition's offset. */
    int inlineTemplate(java.util.function.Consumer<BinXmlBuilder> body) {
        u8(0x0c).u8(1).u32(0x1234);
        int definition = position() + 4;
        u32(definition);
        u32(0).raw(new byte[16]);
        BinXmlBuilder inner = new BinXmlBuilder(position() + 4);
        body.accept(inner);
        byte[] data = inner.bytes();
        u32(data.length).raw(data);
        return definition;
    }

    /** A template instance referring to a definition stored earlier in the chunk. */
    BinXmlBuilder templateReference(int definition) {
        return u8(0x0c).u8(1).u32(0x1234).u32(definition);
    }

    /** The value count and descriptors, then the values; each value is {type, bytes}. */
    BinXmlBuilder values(Object[]... values) {
        u32(values.length);
        for (Object[] value : values) {
            u16(((byte[]) value[1]).length).u8((Integer) value[0]).u8(0);
        }
        for (Object[] value : values) {
            raw((byte[]) value[1]);
        }
        return this;
    }

    /** A chunk holding {@code records} (each the binary XML of one record), checksums valid. */
    static byte[] chunk(byte[]... records) {
        byte[] chunk = new byte[EvtxFiles.CHUNK];
        System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 0, 8);
        int at = 512;
        int last = at;
        for (int i = 0; i < records.length; i++) {
            int size = 24 + records[i].length + 4;
            chunk[at] = 0x2a;
            chunk[at + 1] = 0x2a;
            EvtxFiles.putU32(chunk, at + 4, size);
            EvtxFiles.putU32(chunk, at + 8, i + 1);
            System.arraycopy(records[i], 0, chunk, at + 24, records[i].length);
            EvtxFiles.putU32(chunk, at + size - 4, size);
            last = at;
            at += size;
        }
        EvtxFiles.putU32(chunk, 40, 128);
        EvtxFiles.putU32(chunk, 44, last);
        EvtxFiles.putU32(chunk, 48, at);
        byte[] file = EvtxFiles.assemble(java.util.List.of(chunk), 1);
        EvtxFiles.repairChunk(file, EvtxFiles.HEADER);
        return java.util.Arrays.copyOfRange(file, EvtxFiles.HEADER, file.length);
    }
}
