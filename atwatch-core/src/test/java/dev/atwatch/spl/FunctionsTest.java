package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.eval;
import static dev.atwatch.spl.Runs.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.func.FunctionLibrary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each eval function of SPEC.md, with ordinary and NULL input. */
class FunctionsTest {

    private static final Event E =
            event(
                    "s",
                    " Hello World ",
                    "u",
                    "C:\\WINDOWS\\AT.EXE",
                    "n",
                    "-2.5",
                    "ip",
                    "10.1.2.3",
                    "csv",
                    "a,b,c",
                    "mv",
                    List.of("x", "y", "z"),
                    "enc",
                    "a%20b%2Fc",
                    "t",
                    "2019-07-19T14:57:46.123Z");

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = ';',
            nullValues = "NULL",
            value = {
                "coalesce(missing, u, s); C:\\WINDOWS\\AT.EXE",
                "coalesce(missing, null()); NULL",
                "if(1=1, \"y\", \"n\"); y",
                "if(1=2, \"y\", \"n\"); n",
                "case(n>0, \"pos\", n<0, \"neg\"); neg",
                "case(n>0, \"pos\"); NULL",
                "case(n>0, \"pos\", true(), \"other\"); other",
                "if(false(), 1, 0); 0",
                "if(match(u, \"(?i)at\\.exe$\"), 1, 0); 1",
                "if(match(u, \"at\\.exe\"), 1, 0); 0",
                "if(match(u, \"WINDOWS\"), 1, 0); 1",
                "if(like(u, \"%AT.EXE\"), 1, 0); 1",
                "lower(u); c:\\windows\\at.exe",
                "upper(\"aBc\"); ABC",
                "len(s); 13",
                "substr(\"abcdef\", 2, 3); bcd",
                "substr(\"abcdef\", 3); cdef",
                "substr(\"abcdef\", -2); ef",
                "substr(\"abcdef\", 10); ''",
                "replace(u, \"\\\\\\\\\", \"/\"); C:/WINDOWS/AT.EXE",
                "replace(\"2019-07-19\", \"(\\d+)-(\\d+)-(\\d+)\", \"\\3/\\2/\\1\"); 19/07/2019",
                "trim(s); Hello World",
                "ltrim(s); 'Hello World '",
                "rtrim(s); ' Hello World'",
                "trim(\"xxaxx\", \"x\"); a",
                "mvjoin(split(csv, \",\"), \"|\"); a|b|c",
                "mvcount(split(csv, \",\")); 3",
                "mvindex(mv, 1); y",
                "mvindex(mv, -1); z",
                "mvjoin(mvindex(mv, 0, 1), \"+\"); x+y",
                "mvindex(mv, 5); NULL",
                "mvcount(mv); 3",
                "mvcount(s); 1",
                "if(isnull(missing), 1, 0); 1",
                "if(isnull(s), 1, 0); 0",
                "if(isnotnull(s), 1, 0); 1",
                "null(); NULL",
                "tonumber(\"42\") + 1; 43",
                "tonumber(\"0x1F\", 16); 31",
                "tonumber(\"101\", 2); 5",
                "tonumber(\"abc\"); NULL",
                "tostring(3) . \"x\"; 3x",
                "tostring(255, \"hex\"); 0xFF",
                "tostring(1234567, \"commas\"); 1,234,567",
                "tostring(3725, \"duration\"); 01:02:05",
                "tostring(1=1); True",
                "round(n); -3",
                "round(2.5); 3",
                "round(3.14159, 2); 3.14",
                "abs(n); 2.5",
                "if(in(u, \"x\", \"C:\\\\WINDOWS\\\\AT.EXE\"), 1, 0); 1",
                "if(in(u, \"x\"), 1, 0); 0",
                "if(cidrmatch(\"10.0.0.0/8\", ip), 1, 0); 1",
                "if(cidrmatch(\"10.1.2.0/24\", ip), 1, 0); 1",
                "if(cidrmatch(\"192.168.0.0/16\", ip), 1, 0); 0",
                "if(cidrmatch(\"10.0.0.0/8\", \"not-an-ip\"), 1, 0); 0",
                "strftime(1563548266.123, \"%Y-%m-%dT%H:%M:%S.%3N%z\");"
                        + " 2019-07-19T14:57:46.123+0000",
                "strftime(1563548266.123, \"%FT%T.%3N%:z\"); 2019-07-19T14:57:46.123+00:00",
                "strftime(0, \"%d %b %Y %a %j %p %I\"); 01 Jan 1970 Thu 001 AM 12",
                "strptime(\"2019-07-19 14:57:46\", \"%Y-%m-%d %H:%M:%S\"); 1563548266",
                "strptime(\"2019-07-19T14:57:46.5+0200\", \"%Y-%m-%dT%H:%M:%S.%N%z\");"
                        + " 1563541066.5",
                "strptime(\"19/Jul/2019\", \"%d/%b/%Y\"); 1563494400",
                "strptime(\"garbage\", \"%Y-%m-%d\"); NULL",
                "now(); 1704164645",
                "urldecode(enc); a b/c",
                "urldecode(\"100%\"); 100%",
                "if(searchmatch(\"u=*at.exe\"), 1, 0); 1",
                "if(searchmatch(\"u=*cmd.exe\"), 1, 0); 0",
            })
    void functionGivesItsValue(String expression, String expected) {
        assertThat(eval(expression, E)).isEqualTo(expected);
    }

    /** Each function given a NULL argument: NULL for most, a defined answer for the others. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = ';',
            nullValues = "NULL",
            value = {
                "coalesce(missing); NULL",
                "if(missing, 1, 0); 0",
                "case(missing, 1); NULL",
                "match(missing, \"x\"); NULL",
                "like(missing, \"x\"); NULL",
                "lower(missing); NULL",
                "upper(missing); NULL",
                "len(missing); NULL",
                "substr(missing, 1); NULL",
                "replace(missing, \"a\", \"b\"); NULL",
                "trim(missing); NULL",
                "ltrim(missing); NULL",
                "rtrim(missing); NULL",
                "split(missing, \",\"); NULL",
                "mvindex(missing, 0); NULL",
                "mvcount(missing); NULL",
                "mvjoin(missing, \",\"); NULL",
                "isnull(missing); true",
                "isnotnull(missing); false",
                "null(); NULL",
                "tonumber(missing); NULL",
                "tostring(missing); NULL",
                "round(missing); NULL",
                "abs(missing); NULL",
                "in(missing, \"a\"); NULL",
                "cidrmatch(\"10.0.0.0/8\", missing); NULL",
                "strftime(missing, \"%Y\"); NULL",
                "strptime(missing, \"%Y\"); NULL",
                "urldecode(missing); NULL",
            })
    void functionWithNullInput(String expression, String expected) {
        // booleans are shown through if(), since eval cannot store them
        String shown =
                expected == null || !(expected.equals("true") || expected.equals("false"))
                        ? expression
                        : "if(" + expression + ", \"true\", \"false\")";
        String value =
                eval(
                        isBoolean(expression) && expected == null
                                ? "if(isnull(" + expression + "), null(), 1)"
                                : shown,
                        E);
        assertThat(value).isEqualTo(expected);
    }

    private static boolean isBoolean(String expression) {
        String name = expression.substring(0, expression.indexOf('('));
        return FunctionLibrary.find(name).orElseThrow().returns()
                == dev.atwatch.spl.func.FunctionSpec.Returns.BOOLEAN;
    }

    @Test
    void everyFunctionOfTheSpecIsKnown() {
        List<String> spec =
                List.of(
                        "coalesce",
                        "if",
                        "case",
                        "match",
                        "like",
                        "lower",
                        "upper",
                        "len",
                        "substr",
                        "replace",
                        "trim",
                        "ltrim",
                        "rtrim",
                        "split",
                        "mvindex",
                        "mvcount",
                        "mvjoin",
                        "isnull",
                        "isnotnull",
                        "null",
                        "tonumber",
                        "tostring",
                        "round",
                        "abs",
                        "in",
                        "searchmatch",
                        "cidrmatch",
                        "strftime",
                        "strptime",
                        "now",
                        "urldecode");
        assertThat(FunctionLibrary.all().keySet()).containsAll(spec);
        // beyond the list: true() and false(), for the usual default branch of case()
        assertThat(FunctionLibrary.all()).hasSize(spec.size() + 2);
    }

    @Test
    void splitMakesAMultivalueField() {
        Results results = Runs.run("| eval parts=split(\"a;b\", \";\")", event("x", "1"));
        assertThat(results.rows().get(0).get("parts"))
                .isEqualTo(new FieldValue.MultiValue(List.of("a", "b")));
    }

    @Test
    void lowerMapsOverEveryValueOfAMultivalue() {
        Results results = Runs.run("| eval l=lower(mv)", event("mv", List.of("A", "B")));
        assertThat(results.rows().get(0).get("l"))
                .isEqualTo(new FieldValue.MultiValue(List.of("a", "b")));
    }

    @Test
    void matchOnMultivalueHoldsWhenAnyValueMatches() {
        assertThat(eval("if(match(mv, \"^y$\"), 1, 0)", E)).isEqualTo("1");
    }

    @Test
    void regexFromAFieldIsCompiledOnUseAndBadOnesGiveNull() {
        Event event = event("v", "abc", "good", "b.", "bad", "(");
        assertThat(eval("if(match(v, good), 1, 0)", event)).isEqualTo("1");
        assertThat(eval("if(isnull(match(v, bad)), 1, 0)", event)).isEqualTo("1");
    }

    @Test
    void unknownFunctionListsTheNearest() {
        CompileResult result = Spl.compile("| eval x=lowr(a)");
        assertThat(result.ok()).isFalse();
        assertThat(result.errors())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.code()).isEqualTo("SPL005");
                            assertThat(d.message())
                                    .contains("lowr")
                                    .contains("did you mean lower()");
                        });
    }

    @Test
    void wrongArgumentCountIsReported() {
        Map<String, String> calls =
                Map.of(
                        "if(a, b)",
                        "if() takes 3 arguments, not 2",
                        "case(a)",
                        "case() takes pairs of arguments",
                        "null(1)",
                        "null() takes 0 arguments",
                        "substr(a)",
                        "substr() takes 2 to 3 arguments");
        calls.forEach(
                (call, message) -> {
                    CompileResult result = Spl.compile("| eval x=" + call);
                    assertThat(result.errors())
                            .as(call)
                            .singleElement()
                            .satisfies(
                                    d -> {
                                        assertThat(d.code()).isEqualTo("SPL006");
                                        assertThat(d.message()).contains(message);
                                    });
                });
    }

    @Test
    void runawayRegexOnEventTextGivesNullInsteadOfHanging() {
        // cubic backtracking: about 10^11 steps without the read budget
        Event hostile = event("v", "a".repeat(5000));
        long start = System.nanoTime();
        assertThat(eval("if(isnull(match(v, \".*.*.*=\")), \"null\", \"answered\")", hostile))
                .isEqualTo("null");
        assertThat(
                        eval(
                                "if(isnull(replace(v, \".*.*.*=\", \"x\")), \"null\","
                                        + " \"answered\")",
                                hostile))
                .isEqualTo("null");
        assertThat(eval("if(isnull(like(v, \"%%%=\")), \"null\", \"answered\")", hostile))
                .isEqualTo("null");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        assertThat(eval("if(match(v, \"^a+$\"), 1, 0)", hostile)).isEqualTo("1");
    }
}
