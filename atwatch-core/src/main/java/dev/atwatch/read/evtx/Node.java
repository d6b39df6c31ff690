package dev.atwatch.read.evtx;

/** A decoded piece of binary XML: the parts of an element's content or attribute value. */
sealed interface Node {

    Node[] NONE = new Node[0];

    /**
     * An element; {@code empty} when it was closed as {@code <name/>}.
     *
     * @param attributes in document order
     * @param content in document order
     */
    record Element(String name, Attribute[] attributes, Node[] content, boolean empty)
            implements Node {}

    /** One attribute; its value is made of text, substitutions and references. */
    record Attribute(String name, Node[] value) {}

    /** Constant character data. */
    record Text(String text) implements Node {}

    /**
     * A placeholder for value {@code index} of the enclosing template instance; an {@code optional}
     * one disappears, with its attribute, when the value is NULL.
     */
    record Substitution(int index, int declaredType, boolean optional) implements Node {}

    /** A character reference such as {@code &#38;}. */
    record CharRef(int code) implements Node {}

    /** An entity reference such as {@code &amp;amp;}. */
    record EntityRef(String name) implements Node {}

    /** A CDATA section. */
    record CData(String text) implements Node {}

    /** A processing instruction. */
    record Pi(String target, String data) implements Node {}

    /** A template instance: a template and the values for its substitutions. */
    record Instance(Template template, TemplateValues values) implements Node {}
}
