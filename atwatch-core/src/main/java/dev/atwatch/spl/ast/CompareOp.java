package dev.atwatch.spl.ast;

/** The comparisons of a search term {@code field OP value}. */
public enum CompareOp {
    EQ("="),
    NE("!="),
    LT("<"),
    GT(">"),
    LE("<="),
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator spelled {@code symbol}, or {@code null}. */
    public static CompareOp of(String symbol) {
        for (CompareOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
