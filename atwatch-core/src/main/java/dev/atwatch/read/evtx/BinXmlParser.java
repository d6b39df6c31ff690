package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the binary XML of one chunk into {@link Node}s. Names and template definitions are
 * addressed by their offset in the chunk; both are decoded once and cached for the chunk's
 * lifetime, since later records refer back to what earlier records defined inline.
 *
 * <p>Not thread-safe: one parser per chunk.
 */
final class BinXmlParser {

    private static final int TOKEN_EOF = 0x00;
    private static final int TOKEN_OPEN_START = 0x01;
    private static final int TOKEN_CLOSE_START = 0x02;
    private static final int TOKEN_CLOSE_EMPTY = 0x03;
    private static final int TOKEN_END_ELEMENT = 0x04;
    private static final int TOKEN_VALUE = 0x05;
    private static final int TOKEN_ATTRIBUTE = 0x06;
    private static final int TOKEN_CDATA = 0x07;
    private static final int TOKEN_CHAR_REF = 0x08;
    private static final int TOKEN_ENTITY_REF = 0x09;
    private static final int TOKEN_PI_TARGET = 0x0a;
    private static final int TOKEN_PI_DATA = 0x0b;
    private static final int TOKEN_TEMPLATE_INSTANCE = 0x0c;
    private static final int TOKEN_NORMAL_SUBSTITUTION = 0x0d;
    private static final int TOKEN_OPTIONAL_SUBSTITUTION = 0x0e;
    private static final int TOKEN_FRAGMENT_HEADER = 0x0f;
    private static final int HAS_MORE = 0x40;

    /** Template definition header: next offset (4), GUID (16), data size (4). */
    private static final int TEMPLATE_HEADER = 24;

    private final byte[] chunk;
    private final int chunkLength;
    private final EvtxLimits limits;
    private final int maxNesting;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Template> templates = new HashMap<>();
    private final Set<Integer> compiling = new HashSet<>();

    BinXmlParser(byte[] chunk, int chunkLength, EvtxLimits limits, int maxNesting) {
        this.chunk = chunk;
        this.chunkLength = chunkLength;
        this.limits = limits;
        this.maxNesting = maxNesting;
    }

    byte[] chunk() {
        return chunk;
    }

    /**
     * Decodes a binary XML document or fragment stored in {@code [start, end)}: fragment headers,
     * elements, template instances and processing instructions up to the end-of-stream token or the
     * end of the range.
     *
     * @param templateDepth how many template instances enclose this document
     */
    Node[] document(int start, int end, int templateDepth) {
        return fragment(new Cursor(chunk, start, end), false, templateDepth);
    }

    /**
     * Decodes the template instance at {@code cursor} (its token included): resolves the template
     * definition, defined inline or earlier in the chunk, and reads the substitution values.
     *
     * @param templateDepth how many template instances enclose this one
     * @throws BinXmlException when the instance is malformed or nests templates deeper than the
     *     {@code evtx-template-depth} limit
     */
    Node.Instance instance(Cursor cursor, int templateDepth) {
        checkTemplateDepth(templateDepth + 1, cursor.position());
        int at = cursor.position();
        cursor.u8();
        cursor.u8();
        cursor.u32();
        long definition = cursor.u32();
        Template template = template(definition, templateDepth + 1);
        checkTemplateDepth(templateDepth + template.depth(), at);
        if (definition == cursor.position()) {
            cursor.skip(TEMPLATE_HEADER + Cursor.u32(chunk, (int) definition + 20));
        }
        TemplateValues values = TemplateValues.read(chunk, cursor, limits);
        return new Node.Instance(template, values);
    }

    /**
     * Template instances may nest {@code evtx-template-depth} deep, counted through templates that
     * use other templates (also when those were decoded for an earlier record) and through binary
     * XML values.
     */
    private void checkTemplateDepth(int depth, int at) {
        if (depth > limits.maxTemplateDepth()) {
            throw new BinXmlException(
                    EvtxReasons.limit(EvtxLimits.TEMPLATE_DEPTH),
                    ReadLimits.exceeded(
                            EvtxLimits.TEMPLATE_DEPTH, depth, limits.maxTemplateDepth()),
                    at);
        }
    }

    private Node[] fragment(Cursor cursor, boolean inTemplate, int templateDepth) {
        List<Node> nodes = new ArrayList<>(2);
        while (cursor.remaining() > 0) {
            int token = cursor.peek();
            int kind = kind(token, cursor);
            if (kind == TOKEN_EOF) {
                cursor.u8();
                break;
            } else if (kind == TOKEN_FRAGMENT_HEADER) {
                cursor.skip(4);
            } else if (kind == TOKEN_OPEN_START) {
                nodes.add(element(cursor, inTemplate, 0, templateDepth));
            } else if (kind == TOKEN_TEMPLATE_INSTANCE) {
                nodes.add(instance(cursor, templateDepth));
            } else if (kind == TOKEN_PI_TARGET) {
                nodes.add(pi(cursor));
            } else {
                throw unexpected(token, cursor, "at document level");
            }
        }
        return nodes.toArray(Node.NONE);
    }

    private Node.Element element(Cursor cursor, boolean inTemplate, int depth, int templateDepth) {
        if (depth >= maxNesting) {
            throw new BinXmlException(
                    EvtxReasons.limit(ReadLimits.NESTING),
                    ReadLimits.exceeded(ReadLimits.NESTING, depth + 1L, maxNesting),
                    cursor.position());
        }
        int token = cursor.u8();
        if (inTemplate) {
            cursor.skip(2); // dependency identifier, present only inside template definitions
        }
        cursor.u32(); // data size; the tokens themselves delimit the element
        String name = name(cursor);
        Node.Attribute[] attributes = NO_ATTRIBUTES;
        if ((token & HAS_MORE) != 0) {
            cursor.u32();
            attributes = attributes(cursor);
        }
        int close = cursor.u8();
        if (close == TOKEN_CLOSE_EMPTY) {
            return new Node.Element(name, attributes, Node.NONE, true);
        }
        if (close != TOKEN_CLOSE_START) {
            throw unexpected(close, cursor, "closing the start of <" + name + ">");
        }
        Node[] content = content(cursor, inTemplate, depth, templateDepth);
        return new Node.Element(name, attributes, content, false);
    }

    private static final Node.Attribute[] NO_ATTRIBUTES = new Node.Attribute[0];

    private Node.Attribute[] attributes(Cursor cursor) {
        List<Node.Attribute> attributes = new ArrayList<>(4);
        while (kind(cursor.peek(), cursor) == TOKEN_ATTRIBUTE) {
            cursor.u8();
            String name = name(cursor);
            List<Node> value = new ArrayList<>(1);
            while (isCharData(cursor.peek())) {
                value.add(charData(cursor));
            }
            attributes.add(new Node.Attribute(name, value.toArray(Node.NONE)));
        }
        return attributes.toArray(NO_ATTRIBUTES);
    }

    private Node[] content(Cursor cursor, boolean inTemplate, int depth, int templateDepth) {
        List<Node> content = new ArrayList<>(4);
        while (true) {
            int token = cursor.peek();
            int kind = kind(token, cursor);
            if (kind == TOKEN_END_ELEMENT) {
                cursor.u8();
                return content.toArray(Node.NONE);
            } else if (kind == TOKEN_OPEN_START) {
                content.add(element(cursor, inTemplate, depth + 1, templateDepth));
            } else if (kind == TOKEN_TEMPLATE_INSTANCE) {
                content.add(instance(cursor, templateDepth));
            } else if (kind == TOKEN_CDATA) {
                cursor.u8();
                content.add(new Node.CData(utf16(cursor)));
            } else if (kind == TOKEN_PI_TARGET) {
                content.add(pi(cursor));
            } else if (isCharData(token)) {
                content.add(charData(cursor));
            } else {
                throw unexpected(token, cursor, "in element content");
            }
        }
    }

    private static boolean isCharData(int token) {
        int kind = token & ~HAS_MORE;
        return kind == TOKEN_VALUE
                || kind == TOKEN_CHAR_REF
                || kind == TOKEN_ENTITY_REF
                || token == TOKEN_NORMAL_SUBSTITUTION
                || token == TOKEN_OPTIONAL_SUBSTITUTION;
    }

    /** A value text, character or entity reference, or substitution. */
    private Node charData(Cursor cursor) {
        int token = cursor.u8();
        int kind = token & ~HAS_MORE;
        if (kind == TOKEN_VALUE) {
            int type = cursor.u8();
            if (type != TemplateValues.STRING) {
                throw BinXmlException.malformed(
                        "value text of type 0x" + Integer.toHexString(type) + ", expected 0x1",
                        cursor.position() - 1);
            }
            return new Node.Text(utf16(cursor));
        }
        if (kind == TOKEN_CHAR_REF) {
            return new Node.CharRef(cursor.u16());
        }
        if (kind == TOKEN_ENTITY_REF) {
            return new Node.EntityRef(name(cursor));
        }
        int index = cursor.u16();
        int type = cursor.u8();
        return new Node.Substitution(index, type, token == TOKEN_OPTIONAL_SUBSTITUTION);
    }

    private Node.Pi pi(Cursor cursor) {
        cursor.u8();
        String target = name(cursor);
        if (cursor.peek() != TOKEN_PI_DATA) {
            return new Node.Pi(target, "");
        }
        cursor.u8();
        return new Node.Pi(target, utf16(cursor));
    }

    /** A length-prefixed UTF-16LE string: a character count, then the characters. */
    private String utf16(Cursor cursor) {
        int count = cursor.u16();
        cursor.require(2L * count);
        String text = ValueFormat.utf16(chunk, cursor.position(), count);
        cursor.skip(2L * count);
        return text;
    }

    /**
     * A name reference: an offset in the chunk, with the name itself following inline when the
     * offset points just past the reference.
     */
    private String name(Cursor cursor) {
        long offset = cursor.u32();
        String name = nameAt(offset, cursor.position());
        if (offset == cursor.position()) {
            // skip by the declared length: the decoded name has lost any trailing NULs
            cursor.skip(8 + 2L * Cursor.u16(chunk, (int) offset + 6) + 2);
        }
        return name;
    }

    private String nameAt(long offset, int from) {
        String cached = names.get((int) offset);
        if (cached != null && offset <= Integer.MAX_VALUE) {
            return cached;
        }
        if (offset < 0 || offset + 8 > chunkLength) {
            throw BinXmlException.malformed("name offset " + offset + " outside the chunk", from);
        }
        int at = (int) offset;
        int count = Cursor.u16(chunk, at + 6);
        if (at + 8 + 2L * count > chunkLength) {
            throw BinXmlException.malformed("name at " + offset + " runs past the chunk", from);
        }
        String name = ValueFormat.utf16(chunk, at + 8, count);
        names.put(at, name);
        return name;
    }

    /** The template defined at chunk offset {@code offset}, decoded on first use. */
    private Template template(long offset, int templateDepth) {
        Template cached = templates.get((int) offset);
        if (cached != null && offset <= Integer.MAX_VALUE) {
            return cached;
        }
        if (offset < 0 || offset + TEMPLATE_HEADER > chunkLength) {
            throw BinXmlException.malformed("template offset " + offset + " outside the chunk", -1);
        }
        int at = (int) offset;
        long end = at + TEMPLATE_HEADER + Cursor.u32(chunk, at + 20);
        if (end > chunkLength) {
            throw BinXmlException.malformed("template at " + offset + " runs past the chunk", at);
        }
        if (!compiling.add(at)) {
            throw BinXmlException.malformed("template at " + offset + " contains itself", at);
        }
        try {
            Cursor body = new Cursor(chunk, at + TEMPLATE_HEADER, (int) end);
            Template template = Template.of(fragment(body, true, templateDepth));
            templates.put(at, template);
            return template;
        } finally {
            compiling.remove(at);
        }
    }

    /** The token kind without the has-more flag; rejects bytes that are no token. */
    private static int kind(int token, Cursor cursor) {
        int kind = token & ~HAS_MORE;
        if (kind > TOKEN_FRAGMENT_HEADER) {
            throw unexpected(token, cursor, "where a token was expected");
        }
        return kind;
    }

    private static BinXmlException unexpected(int token, Cursor cursor, String where) {
        return BinXmlException.malformed(
                "unexpected byte 0x" + Integer.toHexString(token) + " " + where, cursor.position());
    }
}
