package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.eval;
import static dev.atwatch.spl.Runs.event;
import static dev.atwatch.spl.Runs.matches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of SPEC.md "eval and where: expressions", one test or row each. */
class EvalSemanticsTest {

    private static final Event E =
            event(
                    "t",
                    "1",
                    "f",
                    "0",
                    "s",
                    "abc",
                    "n",
                    "4",
                    "m",
                    "2",
                    "name",
                    "C:\\Windows\\at.exe");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                // a AND b OR c  is  (a AND b) OR c
                "t=0 AND t=1 OR t=1; true",
                "t=1 OR t=1 AND t=0; true",
                "(t=1 OR t=1) AND t=0; false",
                // NOT binds looser than comparisons, tighter than AND
                "NOT t=0 AND t=1; true",
                "NOT t=1 OR t=1; true",
                // XOR is loosest
                "t=1 OR t=0 XOR t=1; false",
                // arithmetic binds tighter than comparison
                "n + 1 * 2 = 6; true",
                "(n + 1) * 2 = 10; true",
                "-n + 5 = 1; true",
                "n - m - 1 = 1; true",
                "n / m * 2 = 4; true",
                "n % 3 = 1; true",
                "s . n = \"abc4\"; true",
            })
    void expressionPrecedence(String condition, boolean expected) {
        assertThat(matches("| where " + condition, E)).isEqualTo(expected);
    }

    @Test
    void quotedTextIsALiteralUnquotedIsAFieldSingleQuotedIsAFieldName() {
        Event event = event("s", "abc", "odd name", "v");
        assertThat(eval("\"s\"", event)).isEqualTo("s");
        assertThat(eval("s", event)).isEqualTo("abc");
        assertThat(eval("'odd name'", event)).isEqualTo("v");
        assertThat(matches("| where s=\"abc\"", event)).isTrue();
        assertThat(matches("| where s=abc", event)).isFalse();
    }

    @Test
    void stringLiteralsUnescapeLikeSearch() {
        Event event = event("x", "1");
        assertThat(eval("\"a\\\\b\"", event)).isEqualTo("a\\b");
        assertThat(eval("\"a\\\"b\"", event)).isEqualTo("a\"b");
        assertThat(eval("\"a\\|b\"", event)).isEqualTo("a|b");
        assertThat(eval("\"a\\.b\"", event)).isEqualTo("a\\.b");
    }

    @Test
    void plusAddsNumbersAndConcatenatesStrings() {
        Event event = event("a", "1", "b", "2", "s", "x", "t", "y");
        assertThat(eval("1 + 2", event)).isEqualTo("3");
        assertThat(eval("a + b", event)).isEqualTo("3");
        assertThat(eval("s + t", event)).isEqualTo("xy");
        assertThat(eval("\"x\" + \"y\"", event)).isEqualTo("xy");
        assertThat(eval("s + 1", event)).isNull();
    }

    @Test
    void dotConcatenatesAndPrintsIntegersWithoutDecimalPoint() {
        Event event = event("a", "1");
        assertThat(eval("a . 2", event)).isEqualTo("12");
        assertThat(eval("2.0 . \"x\"", event)).isEqualTo("2x");
        assertThat(eval("1.5 . \"\"", event)).isEqualTo("1.5");
        assertThat(eval("10 / 4", event)).isEqualTo("2.5");
        assertThat(eval("4 / 2", event)).isEqualTo("2");
    }

    @Test
    void numbersAreDoubles() {
        Results results = Runs.run("| eval x=7/2, y=3", event("a", "1"));
        assertThat(results.rows().get(0).get("x")).isEqualTo(new FieldValue.Number(3.5));
        assertThat(results.rows().get(0).get("y")).isEqualTo(new FieldValue.Number(3));
    }

    @Test
    void anyNullOperandGivesNull() {
        Event event = event("a", "1");
        for (String op : List.of("+", "-", "*", "/", "%", ".")) {
            assertThat(eval("a " + op + " missing", event)).as(op).isNull();
            assertThat(eval("missing " + op + " a", event)).as(op).isNull();
        }
        assertThat(eval("-missing", event)).isNull();
        assertThat(matches("| where missing = 1 OR NOT missing = 1", event)).isFalse();
    }

    @Test
    void divisionByZeroGivesNull() {
        Event event = event("a", "1", "z", "0");
        assertThat(eval("a / 0", event)).isNull();
        assertThat(eval("a / z", event)).isNull();
        assertThat(eval("a % 0", event)).isNull();
    }

    @Test
    void comparisonsAreCaseSensitive() {
        Event event = event("s", "Abc");
        assertThat(matches("| where s=\"Abc\"", event)).isTrue();
        assertThat(matches("| where s=\"abc\"", event)).isFalse();
        assertThat(matches("| where s!=\"abc\"", event)).isTrue();
        assertThat(matches("| where s==\"Abc\"", event)).isTrue();
        assertThat(matches("| where s < \"a\"", event)).isTrue();
    }

    @Test
    void comparisonsAreNumericWhenBothSidesAreNumbers() {
        Event event = event("n", "10", "code", "4688");
        assertThat(matches("| where n > 9", event)).isTrue();
        assertThat(matches("| where n > \"9\"", event)).isTrue();
        assertThat(matches("| where code=4688", event)).isTrue();
        assertThat(matches("| where n = 10.0", event)).isTrue();
    }

    @ParameterizedTest(name = "{1} LIKE {0} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "\"%\\\\at.exe\"; C:\\Windows\\at.exe; true",
                "\"%\\\\at.exe\"; C:\\WINDOWS\\AT.EXE; false",
                "\"%\\\\at.exe\"; C:\\Windows\\at.exe.old; false",
                "\"a_c\"; abc; true",
                "\"a_c\"; abbc; false",
                "\"a%c\"; abbc; true",
                "\"a%\"; xa; false",
                "\"a.c\"; abc; false",
                "\"a.c\"; a.c; true",
                "\"100%\"; 100 percent; true",
            })
    void likeIsWholeStringCaseSensitiveWithPercentAndUnderscore(
            String pattern, String value, boolean expected) {
        Event event = event("v", value);
        assertThat(matches("| where v LIKE " + pattern, event)).isEqualTo(expected);
        assertThat(matches("| where like(v, " + pattern + ")", event)).isEqualTo(expected);
    }

    @Test
    void likeTakesBackslashLiterally() {
        // were the backslash an escape, "a\\_b" would mean the three characters a_b
        assertThat(matches("| where v LIKE \"a\\\\_b\"", event("v", "a\\xb"))).isTrue();
        assertThat(matches("| where v LIKE \"a\\\\_b\"", event("v", "a_b"))).isFalse();
    }

    @Test
    void likeWithNullInputIsNull() {
        Event event = event("v", "x");
        assertThat(eval("if(isnull(missing LIKE \"%\"), \"null\", \"not\")", event))
                .isEqualTo("null");
        assertThat(matches("| where NOT missing LIKE \"%\"", event)).isFalse();
    }

    @Test
    void nullConditionIsNotTrue() {
        Event event = event("v", "x");
        assertThat(matches("| where missing > 0", event)).isFalse();
        assertThat(eval("if(missing > 0, \"a\", \"b\")", event)).isEqualTo("b");
        assertThat(eval("if(missing, \"a\", \"b\")", event)).isEqualTo("b");
        assertThat(eval("case(missing > 0, \"a\")", event)).isNull();
    }

    @Test
    void logicUsesThreeValuedNull() {
        Event event = event("v", "1");
        assertThat(matches("| where missing > 0 OR v = 1", event)).isTrue();
        assertThat(matches("| where isnull(missing > 0 AND v = 1)", event)).isTrue();
        assertThat(matches("| where NOT (missing > 0 AND v = 2)", event)).isTrue();
        assertThat(matches("| where isnull(missing > 0 XOR v = 1)", event)).isTrue();
    }

    @Test
    void assigningReplacesAnExistingField() {
        Results results = Runs.run("| eval a=\"new\"", event("a", "old", "b", "x"));
        assertThat(results.rows().get(0).text("a")).isEqualTo("new");
        assertThat(results.rows().get(0).asMap().keySet()).containsExactly("a", "b");
    }

    @Test
    void assigningNullRemovesTheField() {
        Results results =
                Runs.run("| eval a=null(), b=missing", event("a", "old", "b", "x", "c", "y"));
        assertThat(results.rows().get(0).asMap().keySet()).containsExactly("c");
    }

    @Test
    void assignmentsApplyLeftToRight() {
        assertThat(eval("1 | eval x=x+1, x=x*10", event("a", "1"))).isEqualTo("20");
    }

    @Test
    void multivalueComparisonHoldsWhenAnyValueDoes() {
        Event event = event("mv", List.of("a", "b"));
        assertThat(matches("| where mv=\"b\"", event)).isTrue();
        assertThat(matches("| where mv=\"c\"", event)).isFalse();
    }
}
