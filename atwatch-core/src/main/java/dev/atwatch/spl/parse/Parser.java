package dev.atwatch.spl.parse;

import dev.atwatch.spl.DiagnosticCode;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.ast.Aggregation;
import dev.atwatch.spl.ast.Assignment;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Expr;
import dev.atwatch.spl.ast.Pipeline;
import dev.atwatch.spl.ast.Renaming;
import dev.atwatch.spl.ast.SearchNode;
import dev.atwatch.spl.ast.SortKey;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.lex.LexMode;
import dev.atwatch.spl.lex.Lexer;
import dev.atwatch.spl.lex.Token;
import dev.atwatch.spl.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a query into a {@link Pipeline}. Never throws: every problem becomes a diagnostic, and
 * after an error the parser resumes at the next pipe so that all errors are reported together.
 */
public final class Parser {

    /** The commands this engine runs, in the order messages list them. */
    public static final List<String> COMMANDS =
            List.of(
                    "search", "eval", "where", "table", "fields", "sort", "head", "tail", "rename",
                    "dedup", "stats");

    /** The aggregation functions of {@code stats}. */
    public static final Set<String> STATS_FUNCTIONS =
            Set.of("count", "dc", "distinct_count", "values", "min", "max", "earliest", "latest");

    /** Default row count of {@code head} and {@code tail}. */
    public static final int DEFAULT_HEAD = 10;

    /** Default row limit of {@code sort}, as in Splunk. */
    public static final int DEFAULT_SORT_LIMIT = 10_000;

    private final Lexer lexer;
    private final Reporter reporter;
    private final SearchParser search;
    private final ExpressionParser expressions;

    private Parser(SourceText source, Reporter reporter) {
        this.lexer = new Lexer(source.expanded());
        this.reporter = reporter;
        this.search = new SearchParser(lexer, reporter);
        this.expressions = new ExpressionParser(lexer, reporter);
    }

    /** Expands macros and parses {@code text}. */
    public static ParseResult parse(String text, Macros macros) {
        MacroExpander.Expansion expansion = MacroExpander.expand(text, macros);
        Reporter reporter = new Reporter(expansion.source());
        reporter.addAll(expansion.problems());
        Parser parser = new Parser(expansion.source(), reporter);
        return new ParseResult(new Pipeline(parser.pipeline()), reporter);
    }

    /**
     * Parses a search expression alone, as {@code searchmatch} takes it; {@code offset} places it
     * in the query text for diagnostics.
     */
    public static SearchNode parseSearch(String text, Reporter reporter, int offset) {
        Lexer lexer = new Lexer(" ".repeat(Math.max(0, offset)) + text);
        try {
            SearchNode node = new SearchParser(lexer, reporter).parse(false);
            Token rest = lexer.peek(LexMode.SEARCH);
            if (rest.kind() != TokenKind.EOF) {
                reporter.report(
                        DiagnosticCode.UNEXPECTED_TOKEN,
                        SearchParser.span(rest),
                        "searchmatch takes a search expression without pipes",
                        "end of the search",
                        rest.quoted());
            }
            return node;
        } catch (ParseAbort e) {
            return new SearchNode.MatchAll(new Span(offset, offset));
        }
    }

    private List<Command> pipeline() {
        List<Command> commands = new ArrayList<>();
        Token first = lexer.peek(LexMode.SEARCH);
        if (first.kind() == TokenKind.PIPE) {
            lexer.next(LexMode.SEARCH);
            command(commands);
        } else {
            if (first.isWord("search")) {
                lexer.next(LexMode.SEARCH);
            }
            guarded(commands, () -> searchCommand(first));
        }
        while (lexer.peek(LexMode.ARGS).kind() != TokenKind.EOF) {
            lexer.next(LexMode.ARGS);
            command(commands);
        }
        return commands;
    }

    private void command(List<Command> commands) {
        Token name = lexer.next(LexMode.ARGS);
        if (name.kind() != TokenKind.WORD) {
            reporter.report(
                    DiagnosticCode.UNEXPECTED_TOKEN,
                    SearchParser.span(name),
                    name.kind() == TokenKind.EOF || name.kind() == TokenKind.PIPE
                            ? "a pipe must be followed by a command"
                            : "unexpected " + name.quoted(),
                    "a command name",
                    name.quoted());
            lexer.skipToPipe();
            return;
        }
        String lower = name.text().toLowerCase(Locale.ROOT);
        if (!COMMANDS.contains(lower)) {
            reporter.report(
                    DiagnosticCode.UNKNOWN_COMMAND,
                    SearchParser.span(name),
                    "unknown command '"
                            + name.text()
                            + "'; supported commands: "
                            + String.join(", ", COMMANDS),
                    "a supported command",
                    name.quoted());
            lexer.skipToPipe();
            return;
        }
        guarded(commands, () -> parseCommand(lower, name));
    }

    /** Runs one command parser; on abort or leftovers, resumes at the next pipe. */
    private void guarded(List<Command> commands, java.util.function.Supplier<Command> parse) {
        try {
            Command command = parse.get();
            commands.add(command);
            Token rest = lexer.peek(LexMode.ARGS);
            if (!rest.endsCommand()) {
                reporter.report(
                        DiagnosticCode.UNEXPECTED_TOKEN,
                        SearchParser.span(rest),
                        "unexpected " + rest.quoted() + " in " + command.name(),
                        "'|' or the end of the query",
                        rest.quoted());
                lexer.skipToPipe();
            }
        } catch (ParseAbort e) {
            lexer.skipToPipe();
        }
    }

    private Command parseCommand(String name, Token at) {
        return switch (name) {
            case "search" -> searchCommand(at);
            case "eval" -> eval(at);
            case "where" -> where(at);
            case "table" -> new Command.Table(fieldList(at, "table"), spanFrom(at));
            case "fields" -> fields(at);
            case "sort" -> sort(at);
            case "head" -> new Command.Head(count(at, "head"), spanFrom(at));
            case "tail" -> new Command.Tail(count(at, "tail"), spanFrom(at));
            case "rename" -> rename(at);
            case "dedup" -> dedup(at);
            default -> stats(at);
        };
    }

    private Command searchCommand(Token at) {
        SearchNode node = search.parse(false);
        return new Command.Search(node, spanFrom(at));
    }

    private Command eval(Token at) {
        List<Assignment> assignments = new ArrayList<>();
        assignments.add(assignment());
        while (lexer.peek(LexMode.EXPR).kind() == TokenKind.COMMA) {
            lexer.next(LexMode.EXPR);
            assignments.add(assignment());
        }
        expectEnd(LexMode.EXPR, "',' or '|'");
        return new Command.Eval(assignments, spanFrom(at));
    }

    private Assignment assignment() {
        Token target = lexer.next(LexMode.EXPR);
        if (target.kind() != TokenKind.IDENT && target.kind() != TokenKind.QUOTED_FIELD) {
            expressions.unexpected(target, "a field name to assign");
            throw new ParseAbort();
        }
        Token eq = lexer.next(LexMode.EXPR);
        if (!eq.is(TokenKind.OPERATOR, "=")) {
            expressions.unexpected(eq, "'=' after " + target.quoted());
            throw new ParseAbort();
        }
        Expr value = expressions.expression();
        return new Assignment(
                target.value(), value, Span.cover(SearchParser.span(target), value.span()));
    }

    private Command where(Token at) {
        if (lexer.peek(LexMode.EXPR).endsCommand()) {
            missing(at, "where needs an expression", "a condition such as x > 1");
        }
        Expr condition = expressions.expression();
        expectEnd(LexMode.EXPR, "an operator or '|'");
        return new Command.Where(condition, spanFrom(at));
    }

    private Command fields(Token at) {
        Token sign = lexer.peek(LexMode.ARGS);
        boolean remove = sign.isWord("-");
        if (remove || sign.isWord("+")) {
            lexer.next(LexMode.ARGS);
        }
        return new Command.FieldList(remove, fieldList(at, "fields"), spanFrom(at));
    }

    private List<String> fieldList(Token at, String command) {
        List<String> names = new ArrayList<>();
        while (true) {
            Token token = lexer.peek(LexMode.ARGS);
            if (token.endsCommand()) {
                break;
            }
            lexer.next(LexMode.ARGS);
            if (token.kind() == TokenKind.COMMA) {
                continue;
            }
            names.add(fieldName(token, "a field name"));
        }
        if (names.isEmpty()) {
            missing(at, command + " needs at least one field", "a field name");
        }
        return names;
    }

    private String fieldName(Token token, String expected) {
        if (token.kind() == TokenKind.WORD
                || (token.kind() == TokenKind.STRING && !token.unclosed())) {
            return token.value();
        }
        reporter.report(
                DiagnosticCode.UNEXPECTED_TOKEN,
                SearchParser.span(token),
                "unexpected " + token.quoted(),
                expected,
                token.quoted());
        throw new ParseAbort();
    }

    private Command sort(Token at) {
        int limit = DEFAULT_SORT_LIMIT;
        Token first = lexer.peek(LexMode.ARGS);
        if (first.kind() == TokenKind.WORD && isInteger(first.text())) {
            limit = integer(lexer.next(LexMode.ARGS), 0);
        } else if (first.isWord("limit")) {
            limit = option(0);
        }
        List<SortKey> keys = sortKeys();
        if (keys.isEmpty()) {
            missing(at, "sort needs at least one field", "a field name, such as - _time");
        }
        return new Command.Sort(limit, keys, spanFrom(at));
    }

    private List<SortKey> sortKeys() {
        List<SortKey> keys = new ArrayList<>();
        boolean descending = false;
        while (!lexer.peek(LexMode.ARGS).endsCommand()) {
            Token token = lexer.next(LexMode.ARGS);
            String text = token.kind() == TokenKind.WORD ? token.text() : "";
            if (token.kind() == TokenKind.COMMA) {
                continue;
            } else if (text.equals("-") || text.equals("+")) {
                descending = text.equals("-");
                continue;
            } else if ((text.equals("d") || text.equals("desc")) && !keys.isEmpty()) {
                keys = reversed(keys);
                continue;
            }
            keys.add(sortKey(token, descending));
            descending = false;
        }
        return keys;
    }

    private SortKey sortKey(Token token, boolean descending) {
        String text = fieldName(token, "a field to sort by");
        if ((text.startsWith("-") || text.startsWith("+")) && text.length() > 1) {
            descending = text.startsWith("-");
            text = text.substring(1);
        }
        SortKey.Kind kind = sortKind(text);
        if (kind == SortKey.Kind.AUTO && !text.equals("auto")
                || lexer.peek(LexMode.ARGS).kind() != TokenKind.LPAREN) {
            return new SortKey(text, descending, SortKey.Kind.AUTO, SearchParser.span(token));
        }
        lexer.next(LexMode.ARGS);
        String field = fieldName(lexer.next(LexMode.ARGS), "a field name");
        Token close = lexer.next(LexMode.ARGS);
        if (close.kind() != TokenKind.RPAREN) {
            reporter.report(
                    DiagnosticCode.UNCLOSED_PAREN,
                    SearchParser.span(token),
                    "parenthesis is never closed",
                    "')'",
                    close.quoted());
            throw new ParseAbort();
        }
        return new SortKey(field, descending, kind, new Span(token.start(), close.end()));
    }

    private static SortKey.Kind sortKind(String text) {
        return switch (text) {
            case "num" -> SortKey.Kind.NUM;
            case "str" -> SortKey.Kind.STR;
            default -> SortKey.Kind.AUTO;
        };
    }

    private static List<SortKey> reversed(List<SortKey> keys) {
        List<SortKey> flipped = new ArrayList<>();
        for (SortKey key : keys) {
            flipped.add(new SortKey(key.field(), !key.descending(), key.kind(), key.span()));
        }
        return flipped;
    }

    private int count(Token at, String command) {
        Token token = lexer.peek(LexMode.ARGS);
        if (token.endsCommand()) {
            return DEFAULT_HEAD;
        }
        if (token.isWord("limit")) {
            return option(1);
        }
        lexer.next(LexMode.ARGS);
        if (token.kind() != TokenKind.WORD || !isInteger(token.text())) {
            reporter.report(
                    DiagnosticCode.BAD_ARGUMENT,
                    SearchParser.span(token),
                    command + " takes a count of rows",
                    "a whole number",
                    token.quoted());
            throw new ParseAbort();
        }
        return integer(token, 1);
    }

    private Command rename(Token at) {
        List<Renaming> renamings = new ArrayList<>();
        while (!lexer.peek(LexMode.ARGS).endsCommand()) {
            Token from = lexer.next(LexMode.ARGS);
            if (from.kind() == TokenKind.COMMA) {
                continue;
            }
            String source = fieldName(from, "a field to rename");
            Token as = lexer.next(LexMode.ARGS);
            if (!as.text().equalsIgnoreCase("as") || as.kind() != TokenKind.WORD) {
                reporter.report(
                        DiagnosticCode.UNEXPECTED_TOKEN,
                        SearchParser.span(as),
                        "rename needs 'AS' between names",
                        "'AS'",
                        as.quoted());
                throw new ParseAbort();
            }
            Token to = lexer.next(LexMode.ARGS);
            String target = fieldName(to, "a new field name");
            renamings.add(new Renaming(source, target, new Span(from.start(), to.end())));
        }
        if (renamings.isEmpty()) {
            missing(at, "rename needs 'field AS newname'", "field AS newname");
        }
        return new Command.Rename(renamings, spanFrom(at));
    }

    private Command dedup(Token at) {
        int count = 1;
        boolean keepEmpty = false;
        Token first = lexer.peek(LexMode.ARGS);
        if (first.kind() == TokenKind.WORD && isInteger(first.text())) {
            count = integer(lexer.next(LexMode.ARGS), 1);
        }
        List<String> fields = new ArrayList<>();
        while (!lexer.peek(LexMode.ARGS).endsCommand()) {
            Token token = lexer.peek(LexMode.ARGS);
            if (token.kind() == TokenKind.COMMA) {
                lexer.next(LexMode.ARGS);
            } else if (token.isWord("keepempty")) {
                keepEmpty = booleanOption();
            } else if (token.isWord("sortby") || token.isWord("consecutive")) {
                reporter.report(
                        DiagnosticCode.BAD_ARGUMENT,
                        SearchParser.span(token),
                        "dedup option '" + token.text() + "' is not supported",
                        "field names or keepempty=true",
                        token.quoted());
                throw new ParseAbort();
            } else {
                fields.add(fieldName(lexer.next(LexMode.ARGS), "a field name"));
            }
        }
        if (fields.isEmpty()) {
            missing(at, "dedup needs at least one field", "a field name");
        }
        return new Command.Dedup(count, fields, keepEmpty, spanFrom(at));
    }

    private Command stats(Token at) {
        List<Aggregation> aggregations = new ArrayList<>();
        List<String> by = new ArrayList<>();
        while (!lexer.peek(LexMode.ARGS).endsCommand()) {
            Token token = lexer.next(LexMode.ARGS);
            if (token.kind() == TokenKind.COMMA) {
                continue;
            }
            if (token.kind() == TokenKind.WORD && token.text().equalsIgnoreCase("by")) {
                by.addAll(fieldList(token, "stats ... by"));
                break;
            }
            aggregations.add(aggregation(token));
        }
        if (aggregations.isEmpty()) {
            missing(at, "stats needs an aggregation", "an aggregation such as count or dc(field)");
        }
        return new Command.Stats(aggregations, by, spanFrom(at));
    }

    private Aggregation aggregation(Token name) {
        String function =
                fieldName(name, "an aggregation such as count or values(field)")
                        .toLowerCase(Locale.ROOT);
        if (!STATS_FUNCTIONS.contains(function)) {
            reporter.report(
                    DiagnosticCode.UNKNOWN_FUNCTION,
                    SearchParser.span(name),
                    "unknown stats function '"
                            + name.text()
                            + "'; supported: count, dc, values, min, max, earliest, latest",
                    "a stats function",
                    name.quoted());
            throw new ParseAbort();
        }
        String field = null;
        int end = name.end();
        if (lexer.peek(LexMode.ARGS).kind() == TokenKind.LPAREN) {
            lexer.next(LexMode.ARGS);
            field = fieldName(lexer.next(LexMode.ARGS), "a field name");
            Token close = lexer.next(LexMode.ARGS);
            if (close.kind() != TokenKind.RPAREN) {
                reporter.report(
                        DiagnosticCode.UNCLOSED_PAREN,
                        SearchParser.span(name),
                        "parenthesis is never closed",
                        "')'",
                        close.quoted());
                throw new ParseAbort();
            }
            end = close.end();
        } else if (!function.equals("count")) {
            reporter.report(
                    DiagnosticCode.MISSING_ARGUMENT,
                    SearchParser.span(name),
                    function + " needs a field: " + function + "(field)",
                    "'('",
                    lexer.peek(LexMode.ARGS).quoted());
            throw new ParseAbort();
        }
        String alias = null;
        if (lexer.peek(LexMode.ARGS).kind() == TokenKind.WORD
                && lexer.peek(LexMode.ARGS).text().equalsIgnoreCase("as")) {
            lexer.next(LexMode.ARGS);
            Token aliasToken = lexer.next(LexMode.ARGS);
            alias = fieldName(aliasToken, "a name after AS");
            end = aliasToken.end();
        }
        function = function.equals("distinct_count") ? "dc" : function;
        return new Aggregation(function, field, alias, new Span(name.start(), end));
    }

    /** Reads {@code name=value} with a whole-number value of at least {@code min}. */
    private int option(int min) {
        Token name = lexer.next(LexMode.ARGS);
        Token eq = lexer.next(LexMode.ARGS);
        Token value = lexer.next(LexMode.VALUE);
        if (!eq.is(TokenKind.OPERATOR, "=")
                || value.kind() != TokenKind.WORD
                || !isInteger(value.text())) {
            reporter.report(
                    DiagnosticCode.BAD_ARGUMENT,
                    new Span(name.start(), value.end()),
                    name.text() + " takes a whole number",
                    name.text() + "=N",
                    value.quoted());
            throw new ParseAbort();
        }
        return integer(value, min);
    }

    private boolean booleanOption() {
        Token name = lexer.next(LexMode.ARGS);
        Token eq = lexer.next(LexMode.ARGS);
        Token value = lexer.next(LexMode.VALUE);
        String text = value.text().toLowerCase(Locale.ROOT);
        boolean known =
                text.equals("true") || text.equals("false") || text.equals("t") || text.equals("f");
        if (!eq.is(TokenKind.OPERATOR, "=") || !known) {
            reporter.report(
                    DiagnosticCode.BAD_ARGUMENT,
                    new Span(name.start(), value.end()),
                    name.text() + " takes true or false",
                    name.text() + "=true",
                    value.quoted());
            throw new ParseAbort();
        }
        return text.startsWith("t");
    }

    private int integer(Token token, int min) {
        try {
            int value = Integer.parseInt(token.text());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reporter.report(
                DiagnosticCode.BAD_ARGUMENT,
                SearchParser.span(token),
                "count out of range",
                "a whole number from " + min + " to " + Integer.MAX_VALUE,
                token.quoted());
        throw new ParseAbort();
    }

    private static boolean isInteger(String text) {
        return !text.isEmpty()
                && text.length() <= 10
                && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private void expectEnd(LexMode mode, String expected) {
        Token rest = lexer.peek(mode);
        if (!rest.endsCommand()) {
            if (rest.kind() == TokenKind.RPAREN) {
                reporter.report(
                        DiagnosticCode.UNEXPECTED_TOKEN,
                        SearchParser.span(rest),
                        "unmatched ')'",
                        expected,
                        rest.quoted());
            } else {
                expressions.unexpected(rest, expected);
            }
            throw new ParseAbort();
        }
    }

    private void missing(Token at, String message, String expected) {
        Token next = lexer.peek(LexMode.ARGS);
        reporter.report(
                DiagnosticCode.MISSING_ARGUMENT,
                SearchParser.span(at),
                message,
                expected,
                next.quoted());
        throw new ParseAbort();
    }

    private Span spanFrom(Token at) {
        return new Span(at.start(), Math.max(at.end(), lexer.position()));
    }
}
