package dev.atwatch.spl.lex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> tokens(String text, LexMode mode) {
        Lexer lexer = new Lexer(text);
        List<String> out = new ArrayList<>();
        for (Token token = lexer.next(mode);
                token.kind() != TokenKind.EOF;
                token = lexer.next(mode)) {
            out.add(token.kind() + ":" + token.value());
        }
        return out;
    }

    @Test
    void searchWordsEndAtOperatorsParenthesesQuotesAndPipes() {
        assertThat(tokens("Image=\"*\\\\at.exe\" (a!=b)|x", LexMode.SEARCH))
                .containsExactly(
                        "WORD:Image",
                        "OPERATOR:=",
                        "STRING:*\\at.exe",
                        "LPAREN:(",
                        "WORD:a",
                        "OPERATOR:!=",
                        "WORD:b",
                        "RPAREN:)",
                        "PIPE:|",
                        "WORD:x");
    }

    @Test
    void backslashKeepsAPipeInsideAnUnquotedWord() {
        assertThat(tokens("a\\|b c", LexMode.SEARCH)).containsExactly("WORD:a|b", "WORD:c");
    }

    @Test
    void valueModeKeepsOperatorsInsideTheValue() {
        Lexer lexer = new Lexer("x=a=b<c rest");
        lexer.next(LexMode.SEARCH);
        lexer.next(LexMode.SEARCH);
        assertThat(lexer.next(LexMode.VALUE).value()).isEqualTo("a=b<c");
    }

    @Test
    void argsModeSplitsAtCommas() {
        assertThat(tokens("a,b c*", LexMode.ARGS))
                .containsExactly("WORD:a", "COMMA:,", "WORD:b", "WORD:c*");
    }

    @Test
    void expressionTokens() {
        assertThat(tokens("x=1.5e2+'odd name'.\"s\"==y", LexMode.EXPR))
                .containsExactly(
                        "IDENT:x",
                        "OPERATOR:=",
                        "NUMBER:1.5e2",
                        "OPERATOR:+",
                        "QUOTED_FIELD:odd name",
                        "OPERATOR:.",
                        "STRING:s",
                        "OPERATOR:==",
                        "IDENT:y");
    }

    @Test
    void unclosedStringRunsToTheEndAndSaysSo() {
        Token token = new Lexer("\"abc | def").next(LexMode.SEARCH);
        assertThat(token.unclosed()).isTrue();
        assertThat(token.value()).isEqualTo("abc | def");
    }

    @Test
    void unknownCharacterIsAnErrorToken() {
        assertThat(tokens("a # b", LexMode.EXPR)).containsExactly("IDENT:a", "ERROR:#", "IDENT:b");
    }

    @Test
    void skipToPipeIgnoresPipesInQuotes() {
        Lexer lexer = new Lexer("a \"x|y\" b | c");
        assertThat(lexer.skipToPipe()).isEqualTo(10);
    }

    @Test
    void unescapeRules() {
        assertThat(Escapes.unescape("a\\\\b\\\"c\\|d\\.e\\")).isEqualTo("a\\b\"c|d\\.e\\");
    }
}
