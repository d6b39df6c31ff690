package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.ast.SortKey;
import dev.atwatch.spl.func.Values;

/**
 * How sort and stats order values: numbers before strings and numerically, strings ignoring case
 * then exactly; an absent value is the smallest (so a descending sort puts it last).
 */
final class ValueOrder {

    private ValueOrder() {}

    static int compare(FieldValue a, FieldValue b, SortKey.Kind kind) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(first(a), first(b), kind);
    }

    static int compare(String a, String b, SortKey.Kind kind) {
        Double x = kind == SortKey.Kind.STR ? null : Values.parseNumber(a);
        Double y = kind == SortKey.Kind.STR ? null : Values.parseNumber(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (kind == SortKey.Kind.AUTO && (x != null || y != null)) {
            return x != null ? -1 : 1;
        }
        int folded = String.CASE_INSENSITIVE_ORDER.compare(a, b);
        return folded != 0 ? folded : a.compareTo(b);
    }

    private static String first(FieldValue value) {
        return value instanceof FieldValue.Number n
                ? FieldValue.formatNumber(n.value())
                : value.asString();
    }
}
