package dev.atwatch.spl.lex;

/** SPL tokenizes differently by command, so the parser says which rules apply to each token. */
public enum LexMode {
    /** Search terms: words end at blanks, parentheses, quotes, pipes and comparison operators. */
    SEARCH,
    /** The value after a search comparison: ends only at blanks, parentheses, quotes, pipes. */
    VALUE,
    /** Command arguments (table, sort, stats, ...): like SEARCH, and commas are tokens. */
    ARGS,
    /** Eval and where expressions. */
    EXPR
}
