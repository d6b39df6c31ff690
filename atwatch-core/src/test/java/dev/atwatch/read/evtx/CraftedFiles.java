package dev.atwatch.read.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile EVTX files built record by record: a template that repeats one large value many times,
 * and a chain of templates each using the one before. Small on disk, costly if rendered naively.
 */
final class CraftedFiles {

    private static final int FIRST_RECORD = 512 + 24;
    private static final int RECORDS_END = 65_000;

    private CraftedFiles() {}

    /**
     * {@code chunks} copies of a chunk whose first record defines a template whose one {@code
     * <Data>} holds {@code repeats} substitutions of value 0, a binary value of {@code valueBytes}
     * bytes; further records instantiate it again until the chunk is full. Each record renders to
     * {@code 2 * valueBytes * repeats} characters of field value.
     */
    static byte[] amplifying(int repeats, int valueBytes, int chunks) {
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) 0xab);
        List<byte[]> records = new ArrayList<>();
        BinXmlBuilder first = new BinXmlBuilder(FIRST_RECORD);
        first.fragmentHeader();
        int definition =
                first.inlineTemplate(
                        t -> {
                            t.fragmentHeader();
                            t.open("Event", false, true).closeStart();
                            t.open("EventData", false, true).closeStart();
                            t.open("Data", false, true).closeStart();
                            for (int i = 0; i < repeats; i++) {
                                t.substitution(0, 0x0e, false);
                            }
                            t.end().end().end().eof();
                        });
        records.add(first.values(new Object[] {0x0e, value}).eof().bytes());
        int at = FIRST_RECORD - 24 + records.get(0).length + 28;
        while (true) {
            BinXmlBuilder next = new BinXmlBuilder(at + 24);
            next.fragmentHeader().templateReference(definition);
            byte[] bytes = next.values(new Object[] {0x0e, value}).eof().bytes();
            if (at + 28 + bytes.length > RECORDS_END) {
                break;
            }
            records.add(bytes);
            at += 28 + bytes.length;
        }
        byte[] chunk = BinXmlBuilder.chunk(records.toArray(new byte[0][]));
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            all.add(chunk);
        }
        return EvtxFiles.assemble(all, chunks);
    }

    /**
     * One chunk of {@code length} records: the first defines a template rendering {@code <Data>deep
     * </Data>}; record {@code i} defines a template holding only an instance of record {@code
     * i-1}'s template, so that instantiating it nests templates {@code i} deep.
     */
    static byte[] templateChain(int length) {
        List<byte[]> records = new ArrayList<>();
        int at = 512;
        BinXmlBuilder first = new BinXmlBuilder(at + 24);
        first.fragmentHeader();
        int previous =
                first.inlineTemplate(
                        t -> {
                            t.fragmentHeader();
                            t.open("Event", false, true).closeStart();
                            t.open("EventData", false, true).closeStart();
                            t.open("Data", false, true).closeStart().text("deep").end();
                            t.end().end().eof();
                        });
        records.add(first.values().eof().bytes());
        at += 28 + records.get(0).length;
        for (int i = 1; i < length; i++) {
            int used = previous;
            BinXmlBuilder next = new BinXmlBuilder(at + 24);
            next.fragmentHeader();
            previous =
                    next.inlineTemplate(
                            t -> t.fragmentHeader().templateReference(used).u32(0).eof());
            records.add(next.values().eof().bytes());
            at += 28 + records.get(i).length;
        }
        if (at > RECORDS_END) {
            throw new IllegalArgumentException("a chain of " + length + " does not fit a chunk");
        }
        return EvtxFiles.assemble(List.of(BinXmlBuilder.chunk(records.toArray(new byte[0][]))), 1);
    }
}
