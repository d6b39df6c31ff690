package dev.atwatch.spl.ast;

import java.util.List;

/** A node of an eval or where expression. */
public sealed interface Expr {

    Span span();

    /** A string literal, unescaped. */
    record Str(String value, Span span) implements Expr {}

    /** A number literal. */
    record Num(double value, Span span) implements Expr {}

    /** A field read by name. */
    record Field(String name, Span span) implements Expr {}

    /** Unary minus. */
    record Negate(Expr operand, Span span) implements Expr {}

    /** Logical {@code NOT}. */
    record Not(Expr operand, Span span) implements Expr {}

    /** {@code left op right}. */
    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

    /** A function call; {@code nameSpan} covers the name alone. */
    record Call(String name, List<Expr> args, Span nameSpan, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
