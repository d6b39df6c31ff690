package dev.atwatch.spl.parse;

import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.ast.BinaryOp;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.lex.LexMode;
import dev.atwatch.spl.lex.Lexer;
import dev.atwatch.spl.lex.Token;
import dev.atwatch.spl.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses eval and where expressions. Precedence, tightest first: parentheses, unary minus, {@code *
 * / %}, {@code + - .}, comparisons and {@code LIKE}, {@code NOT}, {@code AND}, {@code OR}, {@code
 * XOR}; so {@code a AND b OR c} is {@code (a AND b) OR c}.
 */
final class ExpressionParser {

    /** Deepest nesting of parentheses, calls and unary operators. */
    static final int MAX_DEPTH = 200;

    private final Lexer lexer;
    private final Reporter reporter;

    /**
     * Most binary operators in one expression: a chain of them nests as deep as it is long, and
     * checking and evaluating recurse that deep.
     */
    static final int MAX_OPERATORS = 1000;

    private int depth;
    private int operators;

    ExpressionParser(Lexer lexer, Reporter reporter) {
        this.lexer = lexer;
        this.reporter = reporter;
    }

    /** Parses one whole expression (of an assignment or a where). */
    Expr expression() {
        depth = 0;
        operators = 0;
        return xor();
    }

    private Expr xor() {
        Expr left = or();
        while (lexer.peek(LexMode.EXPR).isWord("XOR")) {
            lexer.next(LexMode.EXPR);
            left = binary(BinaryOp.XOR, left, or());
        }
        return left;
    }

    private Expr or() {
        Expr left = and();
        while (lexer.peek(LexMode.EXPR).isWord("OR")) {
            lexer.next(LexMode.EXPR);
            left = binary(BinaryOp.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (lexer.peek(LexMode.EXPR).isWord("AND")) {
            lexer.next(LexMode.EXPR);
            left = binary(BinaryOp.AND, left, not());
        }
        return left;
    }

    private Expr not() {
        Token token = lexer.peek(LexMode.EXPR);
        if (!token.isWord("NOT")) {
            return comparison();
        }
        lexer.next(LexMode.EXPR);
        Expr operand = nested(this::not, token);
        return new Expr.Not(operand, Span.cover(SearchParser.span(token), operand.span()));
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            BinaryOp op = comparisonOp(lexer.peek(LexMode.EXPR));
            if (op == null) {
                return left;
            }
            lexer.next(LexMode.EXPR);
            left = binary(op, left, additive());
        }
    }

    private static BinaryOp comparisonOp(Token token) {
        if (token.isWord("LIKE")) {
            return BinaryOp.LIKE;
        }
        if (token.kind() != TokenKind.OPERATOR) {
            return null;
        }
        switch (token.text()) {
            case "=":
            case "==":
                return BinaryOp.EQ;
            case "!=":
                return BinaryOp.NE;
            case "<":
                return BinaryOp.LT;
            case ">":
                return BinaryOp.GT;
            case "<=":
                return BinaryOp.LE;
            case ">=":
                return BinaryOp.GE;
            default:
                return null;
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            Token token = lexer.peek(LexMode.EXPR);
            BinaryOp op =
                    token.kind() != TokenKind.OPERATOR
                            ? null
                            : switch (token.text()) {
                                case "+" -> BinaryOp.ADD;
                                case "-" -> BinaryOp.SUB;
                                case "." -> BinaryOp.CONCAT;
                                default -> null;
                            };
            if (op == null) {
                return left;
            }
            lexer.next(LexMode.EXPR);
            left = binary(op, left, multiplicative());
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            Token token = lexer.peek(LexMode.EXPR);
            BinaryOp op =
                    token.kind() != TokenKind.OPERATOR
                            ? null
                            : switch (token.text()) {
                                case "*" -> BinaryOp.MUL;
                                case "/" -> BinaryOp.DIV;
                                case "%" -> BinaryOp.MOD;
                                default -> null;
                            };
            if (op == null) {
                return left;
            }
            lexer.next(LexMode.EXPR);
            left = binary(op, left, unary());
        }
    }

    private Expr unary() {
        Token token = lexer.peek(LexMode.EXPR);
        if (token.is(TokenKind.OPERATOR, "-")) {
            lexer.next(LexMode.EXPR);
            Expr operand = nested(this::unary, token);
            return new Expr.Negate(operand, Span.cover(SearchParser.span(token), operand.span()));
        }
        if (token.is(TokenKind.OPERATOR, "+")) {
            lexer.next(LexMode.EXPR);
            return nested(this::unary, token);
        }
        return primary();
    }

    private Expr primary() {
        Token peeked = lexer.peek(LexMode.EXPR);
        if (peeked.endsCommand()) {
            unexpected(peeked, "a value, a field or a function call");
            throw new ParseAbort();
        }
        Token token = lexer.next(LexMode.EXPR);
        Span span = SearchParser.span(token);
        switch (token.kind()) {
            case NUMBER:
                return new Expr.Num(Double.parseDouble(token.text()), span);
            case STRING:
                closed(token);
                return new Expr.Str(token.value(), span);
            case QUOTED_FIELD:
                closed(token);
                return new Expr.Field(token.value(), span);
            case IDENT:
                return identifier(token);
            case LPAREN:
                return parenthesized(token);
            default:
                unexpected(token, "a value, a field or a function call");
                throw new ParseAbort();
        }
    }

    private Expr identifier(Token token) {
        if (isOperatorWord(token.text())) {
            unexpected(token, "a value, a field or a function call");
            throw new ParseAbort();
        }
        Token next = lexer.peek(LexMode.EXPR);
        if (next.kind() != TokenKind.LPAREN) {
            return new Expr.Field(token.text(), SearchParser.span(token));
        }
        lexer.next(LexMode.EXPR);
        List<Expr> args = new ArrayList<>();
        if (lexer.peek(LexMode.EXPR).kind() != TokenKind.RPAREN) {
            args.add(nested(this::xor, token));
            while (lexer.peek(LexMode.EXPR).kind() == TokenKind.COMMA) {
                lexer.next(LexMode.EXPR);
                args.add(nested(this::xor, token));
            }
        }
        Token close = expectClose(next);
        return new Expr.Call(
                token.text(), args, SearchParser.span(token), new Span(token.start(), close.end()));
    }

    private Expr parenthesized(Token open) {
        Expr inner = nested(this::xor, open);
        expectClose(open);
        return inner;
    }

    private Token expectClose(Token open) {
        Token close = lexer.peek(LexMode.EXPR);
        if (close.kind() == TokenKind.RPAREN) {
            return lexer.next(LexMode.EXPR);
        }
        if (close.endsCommand()) {
            reporter.report(
                    DiagnosticCode.UNCLOSED_PAREN,
                    SearchParser.span(open),
                    "parenthesis is never closed",
                    "')'",
                    close.quoted());
        } else {
            unexpected(close, "')' or ','");
        }
        throw new ParseAbort();
    }

    private Expr nested(java.util.function.Supplier<Expr> parse, Token at) {
        if (++depth > MAX_DEPTH) {
            reporter.report(
                    DiagnosticCode.TOO_DEEP,
                    SearchParser.span(at),
                    "expression nests deeper than " + MAX_DEPTH + " levels");
            throw new ParseAbort();
        }
        Expr result = parse.get();
        depth--;
        return result;
    }

    private Expr binary(BinaryOp op, Expr left, Expr right) {
        if (++operators > MAX_OPERATORS) {
            reporter.report(
                    DiagnosticCode.TOO_DEEP,
                    right.span(),
                    "expression has more than " + MAX_OPERATORS + " operators");
            throw new ParseAbort();
        }
        return new Expr.Binary(op, left, right, Span.cover(left.span(), right.span()));
    }

    static boolean isOperatorWord(String text) {
        return text.equals("AND")
                || text.equals("OR")
                || text.equals("NOT")
                || text.equals("XOR")
                || text.equals("LIKE");
    }

    private void closed(Token token) {
        if (token.unclosed()) {
            reporter.report(
                    DiagnosticCode.UNCLOSED_QUOTE,
                    new Span(token.start(), token.start() + 1),
                    "quoted text is never closed",
                    token.text().startsWith("'") ? "\"'\"" : "'\"'",
                    "end of query");
            throw new ParseAbort();
        }
    }

    void unexpected(Token token, String expected) {
        if (token.endsCommand()) {
            // point just after the last token, where the missing part belongs
            Span end = new Span(lexer.lastEnd(), lexer.lastEnd() + 1);
            reporter.report(
                    DiagnosticCode.UNEXPECTED_TOKEN,
                    end,
                    "expression ends too early",
                    expected,
                    token.quoted());
            return;
        }
        reporter.report(
                DiagnosticCode.UNEXPECTED_TOKEN,
                SearchParser.span(token),
                "unexpected " + token.quoted(),
                expected,
                token.quoted());
    }
}
