package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compiler never throws: any text gives a result with diagnostics, never an internal error. */
class ParserPropertiesTest {

    private static final List<String> VALID =
            List.of(
                    "index=wineventlog (sourcetype=\"A:B\" OR sourcetype=\"C\")"
                            + " EventCode=1 Image=\"*\\\\at.exe\"",
                    "a=1 NOT b=2 | eval x=if(match(lower(c), \"(x|y)\"), 1, 0),"
                            + " y=coalesce(a, b) . \"z\" | where x > 0 OR y LIKE \"%\\\\q\"",
                    "| table _time, host, a* | sort - _time | head 5",
                    "x | stats count AS n, dc(u), values(v) by h | rename n AS total | fields - h",
                    "| dedup 2 a b keepempty=true | tail 3 | sort 0 +a, num(b)",
                    "`m(1, \"x\")` | eval t=strftime(_time, \"%Y\") | search t>2000");

    private static final String TOKENS =
            "|()\"'`=!<>,.+-*/%\\ \tANDORNOTXORLIKE"
                    + "eval where table sort head stats by AS abc 123 \n";

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(VALID);
        return base.flatMap(
                text ->
                        Arbitraries.integers()
                                .between(0, text.length())
                                .list()
                                .ofMaxSize(6)
                                .flatMap(
                                        cuts ->
                                                Arbitraries.strings()
                                                        .withChars(TOKENS.toCharArray())
                                                        .ofMaxLength(4)
                                                        .list()
                                                        .ofSize(cuts.size())
                                                        .map(
                                                                inserts ->
                                                                        mutate(
                                                                                text, cuts,
                                                                                inserts))));
    }

    private static String mutate(String text, List<Integer> cuts, List<String> inserts) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < cuts.size(); i++) {
            int at = Math.min(cuts.get(i), out.length());
            if (i % 2 == 0 && at < out.length()) {
                out.deleteCharAt(at);
            }
            out.insert(at, inserts.get(i));
        }
        return out.toString();
    }

    @Property(tries = 3000)
    void mutatedQueriesNeverThrow(@ForAll("mutated") String text) {
        assertNoInternalError(text);
    }

    @Property(tries = 3000)
    void randomTextNeverThrows(@ForAll String text) {
        assertNoInternalError(text);
    }

    @Property(tries = 2000)
    void randomTokenSoupNeverThrows(@ForAll("soup") String text) {
        assertNoInternalError(text);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.strings().withChars(TOKENS.toCharArray()).ofMaxLength(80);
    }

    private static void assertNoInternalError(String text) {
        CompileResult result = Spl.compile(text);
        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain("SPL099");
        assertThat(result.ok()).isEqualTo(result.errors().isEmpty() && result.query().isPresent());
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.line()).isPositive();
            assertThat(d.column()).isPositive();
            assertThat(d.length()).isPositive();
            assertThat(d.render(text)).startsWith(d.line() + ":" + d.column() + ": " + d.code());
        }
        if (result.ok()) {
            result.query().orElseThrow().start(ExecutionOptions.splunk()).finish();
        }
    }
}
