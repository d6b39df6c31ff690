package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.ast.CompareOp;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Values;
import java.util.List;

/** Compiles search expressions into {@link SearchPredicate}s. */
public final class SearchCompiler {

    private final FieldAliases aliases;

    /**
     * @param aliases the aliases portable semantics may use; {@link FieldAliases#NONE} for none
     */
    public SearchCompiler(FieldAliases aliases) {
        this.aliases = aliases;
    }

    public SearchPredicate compile(SearchNode node) {
        if (node instanceof SearchNode.And and) {
            SearchPredicate[] parts = compileAll(and.children());
            return (fields, scope) -> {
                for (SearchPredicate part : parts) {
                    if (!part.test(fields, scope)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (node instanceof SearchNode.Or or) {
            SearchPredicate[] parts = compileAll(or.children());
            return (fields, scope) -> {
                for (SearchPredicate part : parts) {
                    if (part.test(fields, scope)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (node instanceof SearchNode.Not not) {
            SearchPredicate inner = compile(not.child());
            return (fields, scope) -> !inner.test(fields, scope);
        }
        if (node instanceof SearchNode.Term term) {
            return new TermTest(term.value());
        }
        if (node instanceof SearchNode.Compare compare) {
            return compare(compare);
        }
        return (fields, scope) -> true;
    }

    private SearchPredicate[] compileAll(List<SearchNode> nodes) {
        SearchPredicate[] parts = new SearchPredicate[nodes.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = compile(nodes.get(i));
        }
        return parts;
    }

    private SearchPredicate compare(SearchNode.Compare compare) {
        List<FieldAliases.Alias> fieldAliases = aliases.aliasesOf(compare.field());
        if (compare.field().equals(Event.SOURCETYPE)
                && (compare.op() == CompareOp.EQ || compare.op() == CompareOp.NE)
                && !aliases.isEmpty()) {
            return new SourcetypeTest(compare, aliases);
        }
        return new CompareTest(compare, fieldAliases.toArray(new FieldAliases.Alias[0]));
    }

    /** A bare term: {@code _raw} contains it, ignoring case (chosen: substring match). */
    private static final class TermTest implements SearchPredicate {
        private final Glob glob;

        TermTest(String term) {
            this.glob = Glob.contains(term);
        }

        @Override
        public boolean test(Fields fields, MatchScope scope) {
            FieldValue raw = fields.get(Event.RAW);
            return raw != null && anyMatch(raw, glob);
        }
    }

    /** {@code field OP value}. */
    private static final class CompareTest implements SearchPredicate {
        private final String field;
        private final CompareOp op;
        private final String value;
        private final Glob glob;
        private final Double number;
        private final FieldAliases.Alias[] aliases;
        private final Span span;

        CompareTest(SearchNode.Compare compare, FieldAliases.Alias[] aliases) {
            this.span = compare.span();
            this.field = compare.field();
            this.op = compare.op();
            this.value = compare.value();
            this.glob = Glob.whole(value);
            this.number = Values.parseNumber(value);
            this.aliases = aliases;
        }

        @Override
        public boolean test(Fields fields, MatchScope scope) {
            FieldValue present = fields.get(field);
            if (present == null && aliases.length > 0 && scope.aliasesOn()) {
                present = viaAlias(fields, scope);
            }
            if (present == null) {
                return false;
            }
            return switch (op) {
                case EQ -> anyMatch(present, glob);
                case NE -> !anyMatch(present, glob);
                default -> anyOrdered(present);
            };
        }

        private FieldValue viaAlias(Fields fields, MatchScope scope) {
            for (FieldAliases.Alias alias : aliases) {
                FieldValue value = alias.read(fields);
                if (value != null) {
                    scope.aliasUsed(alias.description(), span);
                    return value;
                }
            }
            return null;
        }

        private boolean anyOrdered(FieldValue present) {
            if (present instanceof FieldValue.Text text) {
                return ordered(text.value());
            }
            for (String item : present.strings()) {
                if (ordered(item)) {
                    return true;
                }
            }
            return false;
        }

        /** Numbers compare as numbers when both sides are numbers, else as strings. */
        private boolean ordered(String actual) {
            Double left = number == null ? null : Values.parseNumber(actual);
            int cmp =
                    left != null
                            ? Double.compare(left, number)
                            : String.CASE_INSENSITIVE_ORDER.compare(actual, value);
            return switch (op) {
                case LT -> cmp < 0;
                case GT -> cmp > 0;
                case LE -> cmp <= 0;
                default -> cmp >= 0;
            };
        }
    }

    /**
     * {@code sourcetype=X} under portable semantics: X also matches the sourcetype names of the
     * same data, and {@code source} of sourcetypes that carry their channel there.
     */
    private static final class SourcetypeTest implements SearchPredicate {
        private final String value;
        private final boolean negated;
        private final Glob glob;
        private final FieldAliases aliases;
        private final Span span;

        SourcetypeTest(SearchNode.Compare compare, FieldAliases aliases) {
            this.span = compare.span();
            this.value = compare.value();
            this.negated = compare.op() == CompareOp.NE;
            this.glob = Glob.whole(value);
            this.aliases = aliases;
        }

        @Override
        public boolean test(Fields fields, MatchScope scope) {
            FieldValue sourcetype = fields.get(Event.SOURCETYPE);
            if (sourcetype == null) {
                return false;
            }
            boolean direct = anyMatch(sourcetype, glob);
            boolean matched =
                    direct
                            || (scope.aliasesOn()
                                    && viaEquivalent(fields, sourcetype.asString(), scope));
            return negated != matched;
        }

        private boolean viaEquivalent(Fields fields, String actual, MatchScope scope) {
            if (matchesAny(aliases.sourcetypeEquivalents(actual))) {
                scope.aliasUsed("sourcetype " + value + "<-" + actual, span);
                return true;
            }
            FieldValue source = fields.get(Event.SOURCE);
            if (source == null || !aliases.carriesChannelInSource(actual)) {
                return false;
            }
            String channel = source.asString();
            if (glob.matches(channel) || matchesAny(aliases.sourcetypeEquivalents(channel))) {
                scope.aliasUsed("sourcetype " + value + "<-" + actual, span);
                return true;
            }
            return false;
        }

        private boolean matchesAny(List<String> names) {
            for (String name : names) {
                if (glob.matches(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether any value of {@code value} matches {@code glob}. */
    static boolean anyMatch(FieldValue value, Glob glob) {
        if (value instanceof FieldValue.Text text) {
            return glob.matches(text.value());
        }
        for (String item : value.strings()) {
            if (glob.matches(item)) {
                return true;
            }
        }
        return false;
    }
}
