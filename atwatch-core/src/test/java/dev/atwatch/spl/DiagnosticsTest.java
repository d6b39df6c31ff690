package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors and warnings: stable codes, positions, expected/found, recovery, rendering. */
class DiagnosticsTest {

    private static List<String> codes(String query) {
        return Spl.compile(query).diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static Diagnostic only(String query) {
        CompileResult result = Spl.compile(query);
        assertThat(result.errors()).as(query).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void unknownCommandIsNamedWithTheSupportedOnes() {
        Diagnostic d = only("a=1 | stast count");
        assertThat(d.code()).isEqualTo("SPL001");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.message())
                .isEqualTo(
                        "unknown command 'stast'; supported commands: search, eval, where, table,"
                                + " fields, sort, head, tail, rename, dedup, stats");
        assertThat(d.found()).isEqualTo("'stast'");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.length()).isEqualTo(5);
    }

    @Test
    void renderPrintsLocationCodeMessageLineAndCaret() {
        String query = "index=x\n| eval a=1 +\n| table a";
        Diagnostic d = only(query);
        assertThat(d.render(query))
                .isEqualTo(
                        String.join(
                                "\n",
                                "2:13: SPL002: expression ends too early"
                                        + " (expected a value, a field or a function call,"
                                        + " found '|')",
                                "| eval a=1 +",
                                "            ^"));
    }

    @ParameterizedTest(name = "{0} -> expected {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "| where; a condition such as x > 1",
                "| table; a field name",
                "| fields; a field name",
                "| sort; a field name, such as - _time",
                "| rename; field AS newname",
                "| dedup; a field name",
                "| stats; an aggregation such as count or dc(field)",
            })
    void aMissingArgumentSaysWhatWasExpected(String query, String expected) {
        Diagnostic d = only(query);

        assertThat(d.code()).isEqualTo("SPL011");
        assertThat(d.expected()).isEqualTo(expected);
        assertThat(d.render(query)).contains("(expected " + expected + ", found end of query)");
    }

    @Test
    void renderKeepsTabsSoTheCaretLinesUp() {
        String query = "\t| bogus";
        assertThat(only(query).render(query)).endsWith("\t| bogus\n\t  ^^^^^");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "a=\"unclosed; SPL003",
                "| eval x=\"unclosed; SPL003",
                "| eval x='field; SPL003",
                "(a=1 OR b=2; SPL004",
                "| eval x=if(a, 1, 0; SPL004",
                "| eval x=nosuch(a); SPL005",
                "| eval x=if(a, 1); SPL006",
                "`nomacro`; SPL007",
                "| eval x=match(a, \"(\"); SPL008",
                "| head -1; SPL009",
                "| head x; SPL009",
                "| eval x=1>2; SPL010",
                "| where 1+2; SPL010",
                "| table; SPL011",
                "| stats; SPL011",
                "| sort; SPL011",
                "| rename a; SPL002",
                "a= ; SPL002",
                "OR a=1; SPL002",
                "a=1 AND; SPL002",
                "NOT; SPL002",
                "a=1 ); SPL002",
                "| eval = 1; SPL002",
                "| eval x 1; SPL002",
                "| eval x=1 2; SPL002",
                "| eval x=(1; SPL004",
                "| where x=1 |; SPL002",
                "| stats avg(x); SPL005",
                "| stats values; SPL011",
                "| eval x=searchmatch(a); SPL009",
                "index=x earliest=-24h; SPL009",
                "| dedup host sortby -_time; SPL009",
                "| search latest=now; SPL009",
            })
    void eachErrorHasItsStableCode(String query, String code) {
        assertThat(codes(query)).as(query).contains(code);
        assertThat(Spl.compile(query).ok()).isFalse();
        assertThat(Spl.compile(query).query()).isEmpty();
    }

    @Test
    void allErrorsAreReportedTogether() {
        String query = "a=\"x\" | bogus 1 | eval y=nosuch(1) | eval z=if(1) | head q | table";
        assertThat(codes(query)).containsExactly("SPL001", "SPL005", "SPL006", "SPL009", "SPL011");
    }

    @Test
    void errorsOnSeveralLinesKeepTheirLines() {
        String query = "a=1\n| bogus\n| eval x=nosuch(1)";
        List<Diagnostic> errors = Spl.compile(query).errors();
        assertThat(errors).extracting(Diagnostic::line).containsExactly(2, 3);
        assertThat(errors).extracting(Diagnostic::column).containsExactly(3, 10);
    }

    @Test
    void unclosedParenthesisPointsAtTheOpeningOne() {
        Diagnostic d = only("a=1 (b=2 OR c=3");
        assertThat(d.code()).isEqualTo("SPL004");
        assertThat(d.column()).isEqualTo(5);
        assertThat(d.expected()).isEqualTo("')'");
    }

    @Test
    void unexpectedTokenSaysWhatWasExpectedAndFound() {
        Diagnostic d = only("| eval x=1 +* 2");
        assertThat(d.code()).isEqualTo("SPL002");
        assertThat(d.expected()).isEqualTo("a value, a field or a function call");
        assertThat(d.found()).isEqualTo("'*'");
        assertThat(d.column()).isEqualTo(13);
    }

    @Test
    void warningsMarkTheChosenBehaviours() {
        Map<String, String> queries =
                Map.of(
                        "at.exe", "SPL101",
                        "| where a LIKE \"%\\\\x\"", "SPL102",
                        "| where a > 1", "SPL103",
                        "| eval b=if(a=1, 1, 0)", "SPL103",
                        "a=1 or b=2", "SPL104");
        queries.forEach(
                (query, code) -> {
                    CompileResult result = Spl.compile(query);
                    assertThat(result.ok()).as(query).isTrue();
                    assertThat(result.warnings())
                            .as(query)
                            .extracting(Diagnostic::code)
                            .contains(code);
                    assertThat(result.warnings())
                            .allSatisfy(w -> assertThat(w.severity()).isEqualTo(Severity.WARNING));
                });
    }

    @Test
    void nullSafeConditionsDoNotWarn() {
        assertThat(Spl.compile("| where isnotnull(a) | eval b=if(isnull(c), 1, 0)").diagnostics())
                .isEmpty();
    }

    @Test
    void macrosExpandFromAMacrosFile() {
        Macros macros =
                Macros.parse(
                        String.join(
                                "\n",
                                "# site macros",
                                "[windows]",
                                "definition = index=wineventlog",
                                "",
                                "[proc(1)]",
                                "args = name",
                                "definition = (Image=\"*\\\\$name$\""
                                        + " OR NewProcessName=\"*\\\\$name$\")",
                                "[both]",
                                "definition = `windows` \\",
                                "  `proc(at.exe)`"));
        CompileResult result = Spl.compile("`both` | table Image", macros);
        assertThat(result.errors()).isEmpty();
        Query query = result.query().orElseThrow();
        assertThat(query.text()).isEqualTo("`both` | table Image");
        assertThat(
                        Runs.run(
                                        query,
                                        ExecutionOptions.splunk(),
                                        Runs.event("index", "wineventlog", "Image", "C:\\at.exe"))
                                .rows())
                .hasSize(1);
        assertThat(
                        Runs.run(
                                        query,
                                        ExecutionOptions.splunk(),
                                        Runs.event("index", "wineventlog", "Image", "C:\\cat.exe"))
                                .rows())
                .isEmpty();
    }

    @Test
    void undefinedMacroIsAnErrorAtItsCall() {
        Diagnostic d = only("index=x `missing(1)` | table a");
        assertThat(d.code()).isEqualTo("SPL007");
        assertThat(d.column()).isEqualTo(9);
        assertThat(d.length()).isEqualTo(12);
        assertThat(d.message()).contains("no macros file was given");
    }

    @Test
    void errorInsideAMacroPointsAtTheCall() {
        Macros macros = Macros.of(Map.of("bad", "| eval x=nosuch(1)"));
        CompileResult result = Spl.compile("a=1 `bad`", macros);
        assertThat(result.errors())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.code()).isEqualTo("SPL005");
                            assertThat(d.column()).isEqualTo(5);
                        });
    }

    @Test
    void recursiveMacroIsStopped() {
        Macros macros = Macros.of(Map.of("loop", "a `loop`"));
        assertThat(Spl.compile("`loop`", macros).diagnostics())
                .extracting(Diagnostic::code)
                .contains("SPL012")
                .doesNotContain("SPL007");
    }

    @Test
    void backticksInsideQuotesAreText() {
        CompileResult result = Spl.compile("a=\"`x`\"");
        assertThat(result.ok()).isTrue();
        assertThat(Runs.matches("a=\"`x`\"", Runs.event("a", "`x`"))).isTrue();
    }

    @Test
    void malformedMacrosFileIsRejectedWithItsLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Macros.parse("[a]\ndefinition = x\nnot a setting"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "(".repeat(5000) + "a=1" + ")".repeat(5000);
        assertThat(codes(deep)).contains("SPL013");
        String deepEval = "| eval x=" + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThat(codes(deepEval)).contains("SPL013");
        String longChain =
                "| eval x=" + "1+".repeat(5000) + "1 | where y=" + "a.".repeat(900) + "a";
        assertThat(Spl.compile(longChain).errors())
                .extracting(Diagnostic::code)
                .containsExactly("SPL013");
    }

    @Test
    void diagnosticsComeInTextOrder() {
        List<Diagnostic> all = Spl.compile("at.exe | eval x=nosuch(1) | where a > 1").diagnostics();
        assertThat(all).extracting(Diagnostic::column).isSorted();
    }
}
