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
import java.util.function.Function;
import java.util.function.Supplier;

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
        return leftAssociative(this::or, token -> token.isWord("XOR") ? BinaryOp.XOR : null);
    }

    private Expr or() {
        return leftAssociative(this::and, token -> token.isWord("OR") ? BinaryOp.OR : null);
    }

    private Expr and() {
        return leftAssociative(this::not, token -> token.isWord("AND") ? BinaryOp.AND : null);
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
        return leftAssociative(this::additive, ExpressionParser::comparisonOp);
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
        return leftAssociative(
                this::multiplicative,
                token ->
                        token.kind() != TokenKind.OPERATOR
                                ? null
                                : switch (token.text()) {
                                    case "+" -> BinaryOp.ADD;
                                    case "-" -> BinaryOp.SUB;
                                    case "." -> BinaryOp.CONCAT;
                                    default -> null;
                                });
    }

    private Expr multiplicative() {
        return leftAssociative(
                this::unary,
                token ->
                        token.kind() != TokenKind.OPERATOR
                                ? null
                                : switch (token.text()) {
                                    case "*" -> BinaryOp.MUL;
                                    case "/" -> BinaryOp.DIV;
                                    case "%" -> BinaryOp.MOD;
                                    default -> null;
                                });
    }

    /**
     * Parses a left-associative chain {@code operand (op operand)*}: while {@code operatorOf} maps
     * the next token to an operator (non-null), consumes it and folds the next operand in.
     */
    private Expr leftAssociative(Supplier<Expr> operand, Function<Token, BinaryOp> operatorOf) {
        Expr left = operand.get();
        while (true) {
            BinaryOp op = operatorOf.apply(lexer.peek(LexMode.EXPR));
            if (op == null) {
                return left;
            }
            lexer.next(LexMode.EXPR);
            left = binary(op, left, operand.get());
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

    private Expr nested(Supplier<Expr> parse, Token at) {
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
