package dev.atwatch.read.evtx;

/**
 * Applies a {@link RecordFilter} to one record before it is decoded, showing the filter every value
 * of the record (see {@link RecordFilter} for the ranges and why they make the test sound). Only
 * the template instance header is decoded: the template (cached per chunk) and the value
 * descriptors.
 */
final class RecordPrefilter {

    private static final int RECORD_HEADER = 24;
    private static final int SIZE_COPY = 4;

    private final RecordFilter filter;
    private final BinXmlParser parser;
    private final StringBuilder text = new StringBuilder(256);
    private byte[] rendered = new byte[512];

    RecordPrefilter(RecordFilter filter, BinXmlParser parser) {
        this.filter = filter;
        this.parser = parser;
    }

    /** Whether the record at chunk offset {@code at}, {@code size} bytes long, must be decoded. */
    boolean mayMatch(int at, int size) {
        byte[] chunk = parser.chunk();
        if (filter.mayMatch(chunk, at, size)) {
            return true;
        }
        text.setLength(0);
        try {
            if (mustDecode(at + RECORD_HEADER, at + size - SIZE_COPY, 0)) {
                return true;
            }
        } catch (BinXmlException e) {
            return true; // decoding will report the problem
        }
        return text.length() > 0 && filter.mayMatch(utf16(), 0, 2 * text.length());
    }

    /**
     * Examines the binary XML in {@code [start, end)}, which must be one template instance (after
     * an optional fragment header); returns true when the record must be decoded: the instance
     * cannot be examined, or its template's constant text may match. Otherwise appends the
     * renderings of its non-string values, recursing into binary XML values.
     */
    private boolean mustDecode(int start, int end, int templateDepth) {
        byte[] chunk = parser.chunk();
        int at = start;
        if (end - at >= 4 && chunk[at] == 0x0f) {
            at += 4;
        }
        if (end - at < 10 || chunk[at] != 0x0c) {
            return true;
        }
        Cursor cursor = new Cursor(chunk, at, end);
        Node.Instance instance = parser.instance(cursor, templateDepth);
        if (cursor.remaining() > 0 && cursor.peek() != 0x00) {
            return true; // more than one instance: not the usual shape, decode it
        }
        Template template = instance.template();
        if (!template.filterable()) {
            return true;
        }
        byte[] constant = template.constantText();
        if (constant.length > 0 && filter.mayMatch(constant, 0, constant.length)) {
            return true;
        }
        return valuesMustDecode(template, instance.values(), templateDepth);
    }

    /** Renders the values that are not UTF-16 strings; recurses into binary XML values. */
    private boolean valuesMustDecode(Template template, TemplateValues values, int depth) {
        for (int i = 0; i < values.count(); i++) {
            int type = values.type(i);
            boolean array = (type & TemplateValues.ARRAY) != 0;
            if (array && template.usedInAttribute(i)) {
                return true; // rendered joined: a literal could span two items
            }
            if (type == TemplateValues.BINXML) {
                int start = values.offset(i);
                if (mustDecode(start, start + values.size(i), depth + 1)) {
                    return true;
                }
                continue;
            }
            int element = type & ~TemplateValues.ARRAY;
            if (element == TemplateValues.BINXML) {
                return true;
            }
            if (element != TemplateValues.NULL && element != TemplateValues.STRING) {
                render(values, i, type, array);
            }
        }
        return false;
    }

    private void render(TemplateValues values, int index, int type, boolean array) {
        byte[] chunk = values.chunk();
        int offset = values.offset(index);
        int size = values.size(index);
        if (!array) {
            ValueFormat.append(text, chunk, offset, size, type);
            text.append('\0');
            return;
        }
        int[] items = ValueFormat.arrayItems(chunk, offset, size, type, Integer.MAX_VALUE);
        for (int i = 0; i < items.length; i += 2) {
            ValueFormat.append(
                    text, chunk, items[i], items[i + 1] - items[i], type & ~TemplateValues.ARRAY);
            text.append('\0');
        }
    }

    private byte[] utf16() {
        int n = text.length();
        if (rendered.length < 2 * n) {
            rendered = new byte[Math.max(2 * n, 2 * rendered.length)];
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            rendered[2 * i] = (byte) c;
            rendered[2 * i + 1] = (byte) (c >>> 8);
        }
        return rendered;
    }
}
