package dev.atwatch.spl;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.read.FieldLiterals;
import dev.atwatch.spl.ast.CompareOp;
import dev.atwatch.spl.ast.SearchNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Derives the literal alternatives of a search. {@code null} stands for "no requirement": the
 * search may match an event containing none of the literals.
 */
final class PrefilterLiterals {

    /** Shortest literal worth looking for. */
    static final int MIN_LENGTH = 3;

    /** Most alternatives kept; beyond this a conjunction keeps fewer requirements. */
    static final int MAX_ALTERNATIVES = 32;

    private static final Set<String> METADATA =
            Set.of(
                    Event.INDEX,
                    Event.SOURCETYPE,
                    Event.SOURCE,
                    Event.HOST,
                    Event.TIME,
                    "_indextime",
                    "splunk_server",
                    "linecount",
                    "eventtype",
                    "tag",
                    "punct");

    /** Values a binary format may store typed, so their text may not be in the record. */
    private static final Pattern TYPED =
            Pattern.compile(
                    "(?i)[0-9a-f{}\\-:., ]*|0x[0-9a-f]+|s-[0-9-]*|[0-9tz:.\\-+ ]*|true|false");

    private PrefilterLiterals() {}

    /**
     * How field values appear in a record's bytes, which decides the characters a literal may hold:
     * {@code ANY} is safe for every encoding (the literal is cut at every character some encoding
     * escapes); {@code JSON} keeps backslashes, doubled as JSON writes them; {@code XML} keeps
     * backslashes and slashes; {@code UTF16} holds values unescaped and gives no literal for bare
     * terms, since the rendered {@code _raw} holds markup the binary record does not.
     */
    enum Form {
        ANY("*\\\"'&<>/+`", true),
        JSON("*\"'&<>/+`", true),
        XML("*\"'&<>`", true),
        UTF16("*\"'&<>", false),
        /**
         * For {@link FieldLiterals}: cut where a reader may add or remove characters while deriving
         * a value, such as the spaces and quotes of a command line joined from arguments.
         */
        FIELD("*\\\"' ,", true);

        private final String cuts;
        private final boolean withTerms;

        Form(String cuts, boolean withTerms) {
            this.cuts = cuts;
            this.withTerms = withTerms;
        }
    }

    /** The alternatives of {@code node}, or {@code null} when it requires nothing. */
    static List<Set<String>> alternatives(SearchNode node, Form form) {
        return combine(node, leaf -> literals(leaf, form));
    }

    /**
     * The alternatives of {@code node} in terms of fields, for readers of {@code key=value} text
     * formats; {@code null} when it requires nothing. A comparison's literal names its field and
     * the sources {@code aliases} reads it from when it is absent; a term's literal, and a
     * comparison on a field pattern, may be anywhere.
     */
    static List<Set<FieldLiterals.Literal>> fieldAlternatives(
            SearchNode node, FieldAliases aliases) {
        return combine(node, leaf -> fieldLiterals(leaf, aliases));
    }

    private static List<Set<String>> literals(SearchNode node, Form form) {
        if (node instanceof SearchNode.Term term) {
            // _raw holds the record as encoded, so a term's text is cut as for any encoding.
            return form.withTerms ? literal(term.value(), Form.ANY) : null;
        }
        if (node instanceof SearchNode.Compare compare && usable(compare)) {
            return literal(compare.value(), form);
        }
        return null;
    }

    private static List<Set<FieldLiterals.Literal>> fieldLiterals(
            SearchNode node, FieldAliases aliases) {
        if (node instanceof SearchNode.Term term) {
            return fieldLiteral(literal(term.value(), Form.ANY), Set.of());
        }
        if (!(node instanceof SearchNode.Compare compare) || !usable(compare)) {
            return null;
        }
        String field = compare.field();
        if (field.indexOf('*') >= 0) {
            return fieldLiteral(literal(compare.value(), Form.FIELD), Set.of());
        }
        Set<String> fields = new LinkedHashSet<>();
        fields.add(field);
        aliases.aliasesOf(field).forEach(alias -> fields.add(alias.source()));
        return fieldLiteral(keyedLiteral(compare.value()), fields);
    }

    private static boolean usable(SearchNode.Compare compare) {
        return compare.op() == CompareOp.EQ
                && !METADATA.contains(compare.field())
                && !compare.field().startsWith("date_");
    }

    private static List<Set<FieldLiterals.Literal>> fieldLiteral(
            List<Set<String>> literal, Set<String> fields) {
        if (literal == null) {
            return null;
        }
        String text = literal.get(0).iterator().next();
        return List.of(Set.of(new FieldLiterals.Literal(fields, text)));
    }

    /**
     * The longest fragment of {@code value} for a literal looked for in one field's value, where
     * short text is selective enough: any length, numbers included, as text formats write them.
     */
    private static List<Set<String>> keyedLiteral(String value) {
        String best = "";
        for (String fragment : fragments(value, Form.FIELD)) {
            if (fragment.length() > best.length()) {
                best = fragment;
            }
        }
        return best.isEmpty() ? null : List.of(Set.of(best.toLowerCase(Locale.ROOT)));
    }

    /** Combines the requirements {@code leaf} gives terms and comparisons through the search. */
    private static <T> List<Set<T>> combine(
            SearchNode node, Function<SearchNode, List<Set<T>>> leaf) {
        if (node instanceof SearchNode.And and) {
            return conjunction(and.children(), leaf);
        }
        if (node instanceof SearchNode.Or or) {
            return disjunction(or.children(), leaf);
        }
        return leaf.apply(node);
    }

    private static <T> List<Set<T>> conjunction(
            List<SearchNode> children, Function<SearchNode, List<Set<T>>> leaf) {
        List<Set<T>> result = null;
        for (SearchNode child : children) {
            List<Set<T>> next = combine(child, leaf);
            if (next == null) {
                continue;
            }
            if (result == null) {
                result = next;
            } else if ((long) result.size() * next.size() <= MAX_ALTERNATIVES) {
                result = product(result, next);
            } else if (next.size() < result.size()) {
                result = next;
            }
        }
        return result;
    }

    private static <T> List<Set<T>> product(List<Set<T>> a, List<Set<T>> b) {
        List<Set<T>> result = new ArrayList<>();
        for (Set<T> left : a) {
            for (Set<T> right : b) {
                Set<T> both = new LinkedHashSet<>(left);
                both.addAll(right);
                result.add(both);
            }
        }
        return result;
    }

    private static <T> List<Set<T>> disjunction(
            List<SearchNode> children, Function<SearchNode, List<Set<T>>> leaf) {
        List<Set<T>> result = new ArrayList<>();
        for (SearchNode child : children) {
            List<Set<T>> next = combine(child, leaf);
            if (next == null) {
                return null;
            }
            result.addAll(next);
            if (result.size() > MAX_ALTERNATIVES) {
                return null;
            }
        }
        return result;
    }

    /** One alternative with the longest safe fragment of {@code value}, or {@code null}. */
    private static List<Set<String>> literal(String value, Form form) {
        String best = null;
        for (String fragment : fragments(value, form)) {
            if (fragment.length() >= MIN_LENGTH
                    && !TYPED.matcher(fragment).matches()
                    && (best == null || fragment.length() > best.length())) {
                best = fragment;
            }
        }
        if (best == null) {
            return null;
        }
        String encoded = form == Form.JSON ? best.replace("\\", "\\\\") : best;
        return List.of(Set.of(encoded.toLowerCase(Locale.ROOT)));
    }

    /** The pieces of {@code value} between wildcards and characters an encoding may escape. */
    static List<String> fragments(String value) {
        return fragments(value, Form.ANY);
    }

    /** The pieces of {@code value} between wildcards and the characters {@code form} cuts at. */
    static List<String> fragments(String value, Form form) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || form.cuts.indexOf(c) >= 0) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }
}
