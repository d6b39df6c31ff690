package dev.atwatch.spl.parse;

import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.ast.CompareOp;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.lex.LexMode;
import dev.atwatch.spl.lex.Lexer;
import dev.atwatch.spl.lex.Token;
import dev.atwatch.spl.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses search expressions. Precedence, tightest first: parentheses, {@code NOT}, {@code OR}, then
 * {@code AND} (explicit or implied by juxtaposition), so {@code a b OR c} is {@code a AND (b OR
 * c)}. Operators are words in capitals only. {@code field IN (...)}, {@code TERM()}, {@code CASE()}
 * and subsearches are reported as unsupported, each with its own code.
 */
final class SearchParser {

    /** Deepest nesting of parentheses and NOTs. */
    static final int MAX_DEPTH = 200;

    private final Lexer lexer;
    private final Reporter reporter;
    private int depth;

    SearchParser(Lexer lexer, Reporter reporter) {
        this.lexer = lexer;
        this.reporter = reporter;
    }

    /** Parses up to a pipe, the end, or (when {@code nested}) a closing parenthesis. */
    SearchNode parse(boolean nested) {
        int start = lexer.position();
        List<SearchNode> terms = new ArrayList<>();
        while (true) {
            Token token = lexer.peek(LexMode.SEARCH);
            if (token.endsCommand() || token.kind() == TokenKind.RPAREN) {
                if (nested || token.kind() != TokenKind.RPAREN) {
                    break;
                }
                lexer.next(LexMode.SEARCH);
                unexpected(token, "a search term", "unmatched ')'");
                continue;
            }
            if (token.isWord("AND")) {
                lexer.next(LexMode.SEARCH);
                requireOperand(token);
                continue;
            }
            terms.add(or());
        }
        return combine(terms, start);
    }

    private SearchNode combine(List<SearchNode> terms, int start) {
        if (terms.isEmpty()) {
            return new SearchNode.MatchAll(new Span(start, start));
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        Span span = Span.cover(terms.get(0).span(), terms.get(terms.size() - 1).span());
        return new SearchNode.And(terms, span);
    }

    private SearchNode or() {
        List<SearchNode> alternatives = new ArrayList<>();
        alternatives.add(not());
        while (lexer.peek(LexMode.SEARCH).isWord("OR")) {
            Token or = lexer.next(LexMode.SEARCH);
            requireOperand(or);
            alternatives.add(not());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        Span span =
                Span.cover(
                        alternatives.get(0).span(),
                        alternatives.get(alternatives.size() - 1).span());
        return new SearchNode.Or(alternatives, span);
    }

    private SearchNode not() {
        Token token = lexer.peek(LexMode.SEARCH);
        if (!token.isWord("NOT")) {
            return primary();
        }
        lexer.next(LexMode.SEARCH);
        requireOperand(token);
        enter(token);
        SearchNode operand = not();
        depth--;
        return new SearchNode.Not(operand, Span.cover(span(token), operand.span()));
    }

    private SearchNode primary() {
        Token token = lexer.next(LexMode.SEARCH);
        switch (token.kind()) {
            case LPAREN:
                return group(token);
            case STRING:
                checkClosed(token);
                return comparisonOr(token, new SearchNode.Term(token.value(), true, span(token)));
            case WORD:
                return word(token);
            default:
                unexpected(token, "a search term", null);
                throw new ParseAbort();
        }
    }

    private SearchNode group(Token open) {
        enter(open);
        SearchNode inner = parse(true);
        depth--;
        Token close = lexer.peek(LexMode.SEARCH);
        if (close.kind() != TokenKind.RPAREN) {
            reporter.report(
                    DiagnosticCode.UNCLOSED_PAREN,
                    span(open),
                    "parenthesis is never closed",
                    "')'",
                    close.quoted());
            return inner;
        }
        lexer.next(LexMode.SEARCH);
        if (inner instanceof SearchNode.MatchAll) {
            reporter.report(
                    DiagnosticCode.MISSING_ARGUMENT,
                    new Span(open.start(), close.end()),
                    "empty parentheses",
                    "a search term",
                    "')'");
        }
        return inner;
    }

    private SearchNode word(Token token) {
        if (token.isWord("OR")) {
            unexpected(token, "a search term before OR", null);
            throw new ParseAbort();
        }
        String text = token.text();
        if (text.startsWith("[")) {
            return subsearch(token);
        }
        if ((text.equals("TERM") || text.equals("CASE"))
                && UnsupportedSyntax.follows(lexer.text(), token.end(), '(')) {
            return directive(token);
        }
        if (text.equals("or") || text.equals("and") || text.equals("not")) {
            reporter.report(
                    DiagnosticCode.LOWERCASE_OPERATOR,
                    span(token),
                    "'" + text + "' is searched as a literal term; operators are capitals only",
                    "'" + text.toUpperCase(java.util.Locale.ROOT) + "' for the operator",
                    token.quoted());
        }
        return comparisonOr(token, new SearchNode.Term(token.value(), false, span(token)));
    }

    /** A {@code field OP value} when an operator follows {@code field}, else {@code term}. */
    private SearchNode comparisonOr(Token field, SearchNode term) {
        Token op = lexer.peek(LexMode.SEARCH);
        if (field.kind() == TokenKind.WORD
                && op.isWord("IN")
                && UnsupportedSyntax.follows(lexer.text(), op.end(), '(')) {
            return in(field, op);
        }
        if (op.kind() != TokenKind.OPERATOR) {
            return term;
        }
        lexer.next(LexMode.SEARCH);
        CompareOp compare = CompareOp.of(op.text());
        if (compare == null) {
            unexpected(op, "one of = != < > <= >=", null);
            throw new ParseAbort();
        }
        Token value = lexer.next(LexMode.VALUE);
        if (value.kind() != TokenKind.WORD && value.kind() != TokenKind.STRING) {
            unexpected(value, "a value after '" + op.text() + "'", null);
            throw new ParseAbort();
        }
        checkClosed(value);
        return new SearchNode.Compare(
                field.value(), compare, value.value(), new Span(field.start(), value.end()));
    }

    /** {@code field IN (a, b)}: an error suggesting the equivalent OR, then skipped whole. */
    private SearchNode in(Token field, Token in) {
        String text = lexer.text();
        int open = UnsupportedSyntax.skipBlanks(text, in.end());
        int end = UnsupportedSyntax.closingEnd(text, open, '(', ')');
        String list = UnsupportedSyntax.inside(text, open, end);
        Span span = new Span(field.start(), end);
        reporter.report(
                DiagnosticCode.UNSUPPORTED_IN,
                span,
                "IN is not supported: write " + UnsupportedSyntax.inRewrite(field.text(), list),
                "field=value terms joined by OR",
                in.quoted());
        return skip(span);
    }

    /** {@code TERM(x)} or {@code CASE(x)}: an error, then skipped whole. */
    private SearchNode directive(Token name) {
        String text = lexer.text();
        int open = UnsupportedSyntax.skipBlanks(text, name.end());
        int end = UnsupportedSyntax.closingEnd(text, open, '(', ')');
        String term = UnsupportedSyntax.shorten(UnsupportedSyntax.inside(text, open, end), 30);
        String how =
                name.text().equals("TERM")
                        ? "write " + term + " alone, which atwatch matches as a substring of _raw"
                        : "write "
                                + term
                                + " alone (matched ignoring case), or compare a field with =="
                                + " in where (case-sensitive)";
        Span span = new Span(name.start(), end);
        reporter.report(
                DiagnosticCode.UNSUPPORTED_DIRECTIVE,
                span,
                name.text() + "() is not supported: " + how,
                "a search term",
                "'" + UnsupportedSyntax.shorten(text.substring(name.start(), end), 30) + "'");
        return skip(span);
    }

    /** {@code [subsearch]}: an error, then skipped up to its closing bracket. */
    private SearchNode subsearch(Token open) {
        String text = lexer.text();
        int end = UnsupportedSyntax.closingEnd(text, open.start(), '[', ']');
        Span span = new Span(open.start(), end);
        reporter.report(
                DiagnosticCode.UNSUPPORTED_SUBSEARCH,
                span,
                "subsearches are not supported: run the inner search on its own and write what"
                        + " it finds into this search",
                "a search term",
                "'" + UnsupportedSyntax.shorten(text.substring(open.start(), end), 30) + "'");
        return skip(span);
    }

    /** Moves past {@code span}; the node stands for nothing, since the query has an error. */
    private SearchNode skip(Span span) {
        lexer.skipTo(span.end());
        return new SearchNode.MatchAll(span);
    }

    private void requireOperand(Token operator) {
        Token next = lexer.peek(LexMode.SEARCH);
        if (next.endsCommand()
                || next.kind() == TokenKind.RPAREN
                || next.isWord("OR")
                || next.isWord("AND")) {
            unexpected(next, "a search term after " + operator.text(), null);
            throw new ParseAbort();
        }
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            reporter.report(
                    DiagnosticCode.TOO_DEEP,
                    span(token),
                    "search nests deeper than " + MAX_DEPTH + " levels");
            throw new ParseAbort();
        }
    }

    private void checkClosed(Token token) {
        if (token.unclosed()) {
            reporter.report(
                    DiagnosticCode.UNCLOSED_QUOTE,
                    new Span(token.start(), token.start() + 1),
                    "quoted string is never closed",
                    "'\"'",
                    "end of query");
        }
    }

    private void unexpected(Token token, String expected, String message) {
        String text = message != null ? message : "unexpected " + token.quoted();
        reporter.report(
                DiagnosticCode.UNEXPECTED_TOKEN, span(token), text, expected, token.quoted());
    }

    static Span span(Token token) {
        return new Span(token.start(), Math.max(token.end(), token.start() + 1));
    }
}
