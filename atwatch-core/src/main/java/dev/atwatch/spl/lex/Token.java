package dev.atwatch.spl.lex;

/**
 * One token.
 *
 * @param kind what it is
 * @param text the characters as written
 * @param value the meaning: unescaped text for strings and words, the text otherwise
 * @param start offset of the first character in the lexed text
 * @param end offset after the last character
 * @param unclosed true for a quoted string that runs to the end of the text
 */
public record Token(
        TokenKind kind, String text, String value, int start, int end, boolean unclosed) {

    /** Whether this is a {@code kind} token whose text is exactly {@code text}. */
    public boolean is(TokenKind kind, String text) {
        return this.kind == kind && this.text.equals(text);
    }

    /** Whether this is an unquoted word or identifier spelled exactly {@code text}. */
    public boolean isWord(String text) {
        return (kind == TokenKind.WORD || kind == TokenKind.IDENT) && this.text.equals(text);
    }

    /** Whether this ends a command: a pipe or the end of the text. */
    public boolean endsCommand() {
        return kind == TokenKind.PIPE || kind == TokenKind.EOF;
    }

    /** A short quotation of the token for messages. */
    public String quoted() {
        if (kind == TokenKind.EOF) {
            return "end of query";
        }
        String shown = text.length() > 30 ? text.substring(0, 27) + "..." : text;
        return "'" + shown + "'";
    }
}
