package dev.atwatch.spl.ast;

/** The binary operators of eval expressions. */
public enum BinaryOp {
    MUL("*"),
    DIV("/"),
    MOD("%"),
    ADD("+"),
    SUB("-"),
    CONCAT("."),
    EQ("="),
    NE("!="),
    LT("<"),
    GT(">"),
    LE("<="),
    GE(">="),
    LIKE("LIKE"),
    AND("AND"),
    OR("OR"),
    XOR("XOR");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the result is a boolean. */
    public boolean isBoolean() {
        return ordinal() >= EQ.ordinal();
    }
}
