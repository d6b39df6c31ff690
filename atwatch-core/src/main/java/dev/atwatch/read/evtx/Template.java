package dev.atwatch.read.evtx;

import java.io.ByteArrayOutputStream;
import java.util.BitSet;

/**
 * A template definition of a chunk, decoded once and shared by every record of the chunk that
 * instantiates it. Besides its nodes it keeps what the record filter needs: the template's constant
 * text in UTF-16LE, whether every value it renders is made of one piece, and which substitutions it
 * uses inside attributes.
 */
final class Template {

    private final Node[] nodes;
    private final int depth;
    private final byte[] constantText;
    private final boolean singlePieceValues;
    private final BitSet attributeSubstitutions;

    private Template(
            Node[] nodes,
            int depth,
            byte[] constantText,
            boolean singlePieceValues,
            BitSet attributeSubstitutions) {
        this.nodes = nodes;
        this.depth = depth;
        this.constantText = constantText;
        this.singlePieceValues = singlePieceValues;
        this.attributeSubstitutions = attributeSubstitutions;
    }

    Node[] nodes() {
        return nodes;
    }

    /**
     * How deep an instance of this template nests template instances, itself included: 1 for a
     * template that uses no other, else 1 more than the deepest template it uses. An instance met
     * under {@code d} enclosing instances nests {@code d + depth()} deep.
     */
    int depth() {
        return depth;
    }

    /** The constant text pieces in UTF-16LE, each followed by a NUL character. */
    byte[] constantText() {
        return constantText;
    }

    /**
     * Whether every element text and attribute value is a single piece (one constant text or one
     * substitution) and no template instance is nested: only then can the record filter see each
     * value whole.
     */
    boolean filterable() {
        return singlePieceValues;
    }

    boolean usedInAttribute(int index) {
        return attributeSubstitutions.get(index);
    }

    /** Builds a template from its decoded nodes. */
    static Template of(Node[] nodes) {
        Survey survey = new Survey();
        for (Node node : nodes) {
            survey.content(new Node[] {node});
        }
        return new Template(
                nodes,
                1 + survey.nestedDepth,
                survey.text.toByteArray(),
                survey.singlePiece,
                survey.inAttributes);
    }

    /** Walks the nodes once, gathering constant text and the filter's preconditions. */
    private static final class Survey {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final BitSet inAttributes = new BitSet();
        boolean singlePiece = true;
        int nestedDepth;

        void content(Node[] content) {
            int pieces = 0;
            for (Node node : content) {
                if (node instanceof Node.Element element) {
                    element(element);
                } else if (node instanceof Node.Instance instance) {
                    singlePiece = false;
                    nestedDepth = Math.max(nestedDepth, instance.template().depth());
                } else if (node instanceof Node.Pi) {
                    singlePiece = false;
                } else {
                    pieces++;
                    piece(node);
                }
            }
            if (pieces > 1) {
                singlePiece = false;
            }
        }

        void element(Node.Element element) {
            for (Node.Attribute attribute : element.attributes()) {
                if (attribute.value().length > 1) {
                    singlePiece = false;
                }
                for (Node piece : attribute.value()) {
                    if (piece instanceof Node.Substitution s) {
                        inAttributes.set(s.index());
                    }
                    piece(piece);
                }
            }
            content(element.content());
        }

        void piece(Node node) {
            String constant = null;
            if (node instanceof Node.Text t) {
                constant = t.text();
            } else if (node instanceof Node.CData c) {
                constant = c.text();
            } else if (node instanceof Node.CharRef r) {
                constant = Character.toString(r.code());
            } else if (node instanceof Node.EntityRef e) {
                constant = EventRenderer.entityText(e.name());
            }
            if (constant != null) {
                for (int i = 0; i < constant.length(); i++) {
                    char c = constant.charAt(i);
                    text.write(c & 0xff);
                    text.write(c >>> 8);
                }
                text.write(0);
                text.write(0);
            }
        }
    }
}
