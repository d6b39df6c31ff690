package dev.atwatch.spl.lex;

/**
 * A pull lexer over query text. SPL has no single token grammar, so each call names the {@link
 * LexMode} that applies at that point; the parser drives it.
 */
public final class Lexer {

    private final String text;
    private int pos;
    private Token peeked;
    private int lastEnd;
    private LexMode peekedMode;

    public Lexer(String text) {
        this.text = text;
    }

    /** The text being lexed. */
    public String text() {
        return text;
    }

    /** The offset of the next unread character. */
    public int position() {
        return peeked != null ? peeked.start() : pos;
    }

    /** The offset after the last consumed token. */
    public int lastEnd() {
        return lastEnd;
    }

    /** The next token under {@code mode}, without consuming it. */
    public Token peek(LexMode mode) {
        if (peeked == null || peekedMode != mode) {
            int start = peeked != null ? peeked.start() : pos;
            pos = start;
            peeked = scan(mode);
            peekedMode = mode;
        }
        return peeked;
    }

    /** Consumes and returns the next token under {@code mode}. */
    public Token next(LexMode mode) {
        Token token = peek(mode);
        pos = token.end();
        lastEnd = token.end();
        peeked = null;
        return token;
    }

    /**
     * Moves on to {@code offset}, dropping a peeked token, for a construct the parser skips whole;
     * an offset before the next unread character is ignored.
     */
    public void skipTo(int offset) {
        int target = Math.min(Math.max(offset, position()), text.length());
        peeked = null;
        pos = target;
        lastEnd = target;
    }

    /**
     * Skips to the next pipe that is outside quotes (or to the end), for error recovery, and
     * returns the offset reached.
     */
    public int skipToPipe() {
        int i = peeked != null ? peeked.start() : pos;
        peeked = null;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '|') {
                break;
            }
            i = c == '"' ? quotedEnd(i) : i + 1;
        }
        pos = i;
        return i;
    }

    private Token scan(LexMode mode) {
        skipBlanks();
        if (pos >= text.length()) {
            return new Token(TokenKind.EOF, "", "", pos, pos, false);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '|':
                return single(TokenKind.PIPE);
            case '(':
                return single(TokenKind.LPAREN);
            case ')':
                return single(TokenKind.RPAREN);
            case '"':
                return quoted();
            default:
                break;
        }
        if (c == ',' && (mode == LexMode.ARGS || mode == LexMode.EXPR)) {
            return single(TokenKind.COMMA);
        }
        return mode == LexMode.EXPR ? expression(c) : word(mode);
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token single(TokenKind kind) {
        String s = text.substring(pos, pos + 1);
        return new Token(kind, s, s, pos, pos + 1, false);
    }

    private Token quoted() {
        int end = quotedEnd(pos);
        boolean unclosed = end > text.length();
        end = Math.min(end, text.length());
        String raw = text.substring(pos, end);
        String inner = raw.substring(1, unclosed ? raw.length() : raw.length() - 1);
        return new Token(TokenKind.STRING, raw, Escapes.unescape(inner), pos, end, unclosed);
    }

    /** The offset after the closing quote of the string opening at {@code start}. */
    private int quotedEnd(int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length() + 1;
    }

    private Token word(LexMode mode) {
        int start = pos;
        if (mode != LexMode.VALUE && operatorLength(pos) > 0) {
            int len = operatorLength(pos);
            String op = text.substring(pos, pos + len);
            return new Token(TokenKind.OPERATOR, op, op, pos, pos + len, false);
        }
        int i = pos;
        while (i < text.length() && !endsWord(i, mode)) {
            i += text.charAt(i) == '\\' && i + 1 < text.length() ? 2 : 1;
        }
        String raw = text.substring(start, i);
        return new Token(TokenKind.WORD, raw, Escapes.unescape(raw), start, i, false);
    }

    private boolean endsWord(int i, LexMode mode) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '|' || c == '"') {
            return true;
        }
        if (mode == LexMode.VALUE) {
            return false;
        }
        return (mode == LexMode.ARGS && c == ',') || operatorLength(i) > 0;
    }

    /** Length of a search comparison operator at {@code i}, or 0. */
    private int operatorLength(int i) {
        char c = text.charAt(i);
        boolean eqNext = i + 1 < text.length() && text.charAt(i + 1) == '=';
        if (c == '!') {
            return eqNext ? 2 : 0;
        }
        if (c == '<' || c == '>') {
            return eqNext ? 2 : 1;
        }
        if (c == '=') {
            return eqNext ? 2 : 1;
        }
        return 0;
    }

    private Token expression(char c) {
        int start = pos;
        if (c == '\'') {
            return fieldName();
        }
        if (Character.isDigit(c)
                || (c == '.'
                        && pos + 1 < text.length()
                        && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            int i = pos + 1;
            while (i < text.length() && isNamePart(text.charAt(i))) {
                i++;
            }
            String name = text.substring(start, i);
            return new Token(TokenKind.IDENT, name, name, start, i, false);
        }
        int len = expressionOperatorLength();
        if (len > 0) {
            String op = text.substring(start, start + len);
            return new Token(TokenKind.OPERATOR, op, op, start, start + len, false);
        }
        int width = Character.charCount(text.codePointAt(start));
        String bad = text.substring(start, start + width);
        return new Token(TokenKind.ERROR, bad, bad, start, start + width, false);
    }

    private int expressionOperatorLength() {
        char c = text.charAt(pos);
        boolean eqNext = pos + 1 < text.length() && text.charAt(pos + 1) == '=';
        switch (c) {
            case '=':
            case '<':
            case '>':
                return eqNext ? 2 : 1;
            case '!':
                return eqNext ? 2 : 0;
            case '+':
            case '-':
            case '*':
            case '/':
            case '%':
            case '.':
                return 1;
            default:
                return 0;
        }
    }

    private Token fieldName() {
        int start = pos;
        int i = pos + 1;
        while (i < text.length() && text.charAt(i) != '\'') {
            i += text.charAt(i) == '\\' && i + 1 < text.length() ? 2 : 1;
        }
        boolean unclosed = i >= text.length();
        int end = unclosed ? text.length() : i + 1;
        String inner = text.substring(start + 1, unclosed ? end : end - 1);
        String value = inner.replace("\\'", "'");
        return new Token(
                TokenKind.QUOTED_FIELD, text.substring(start, end), value, start, end, unclosed);
    }

    private Token number() {
        int start = pos;
        int i = pos;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        i = exponent(i);
        String digits = text.substring(start, i);
        return new Token(TokenKind.NUMBER, digits, digits, start, i, false);
    }

    private int exponent(int i) {
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                return j;
            }
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@';
    }
}
