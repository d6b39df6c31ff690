package dev.atwatch.spl.lex;

/** The kinds of token the SPL lexer produces. */
public enum TokenKind {
    /** An unquoted run of characters in a search or an argument list. */
    WORD,
    /** A double-quoted string; its value is unescaped. */
    STRING,
    /** A single-quoted field name in an eval expression. */
    QUOTED_FIELD,
    /** A number literal in an eval expression. */
    NUMBER,
    /** A name in an eval expression: a field, a function or an operator word. */
    IDENT,
    /** A comparison or arithmetic operator. */
    OPERATOR,
    LPAREN,
    RPAREN,
    COMMA,
    PIPE,
    EOF,
    /** A character that starts no token. */
    ERROR
}
