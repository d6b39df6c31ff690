package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search syntax the README lists as unsupported is a compile error with its own code, never a text
 * search that silently finds nothing.
 */
class UnsupportedSyntaxTest {

    private static Diagnostic only(String query) {
        CompileResult result = Spl.compile(query);
        assertThat(result.ok()).as(query).isFalse();
        assertThat(result.errors()).as(query).hasSize(1);
        return result.errors().get(0);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}+{3}")
    @CsvSource(
            delimiter = ';',
            textBlock =
                    """
                    id IN (e1, e2)                    ; SPL014; 1;  14
                    EventCode=1 Image IN ("*\\\\at.exe", x) ; SPL014; 13; 25
                    a=1 | search id IN(e1)            ; SPL014; 14; 9
                    TERM(e1)                          ; SPL015; 1;  8
                    EventCode=1 TERM (10.0.0.1) b     ; SPL015; 13; 15
                    CASE(At.exe)                      ; SPL015; 1;  12
                    [search a=1]                      ; SPL016; 1;  12
                    index=x [search a=1 | head 2] b=2 ; SPL016; 9;  21
                    x [ | inputlookup "hosts]" ]      ; SPL016; 3;  26
                    NOT [search [search a=1] b]       ; SPL016; 5;  23
                    """)
    void unsupportedSyntaxIsAnErrorWithItsCodeAndSpan(
            String query, String code, int column, int length) {
        Diagnostic d = only(query.strip());

        assertThat(d.code()).isEqualTo(code);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.column()).isEqualTo(column);
        assertThat(d.length()).isEqualTo(length);
    }

    @Test
    void inSuggestsTheEquivalentOrWithACaretUnderTheWholeList() {
        String query = "EventCode=4688\n  id IN (e1, \"e 2\") host=a";

        Diagnostic d = only(query);

        assertThat(d.render(query))
                .isEqualTo(
                        String.join(
                                "\n",
                                "2:3: SPL014: IN is not supported: write (id=e1 OR id=\"e 2\")"
                                        + " (expected field=value terms joined by OR,"
                                        + " found 'IN')",
                                "  id IN (e1, \"e 2\") host=a",
                                "  ^^^^^^^^^^^^^^^^^"));
    }

    @Test
    void aLongInListIsShortenedInTheSuggestion() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            list.append(i == 0 ? "" : ", ").append("host").append(i);
        }
        Diagnostic d = only("Computer IN (" + list + ")");

        assertThat(d.message())
                .startsWith("IN is not supported: write (Computer=host0 OR Computer=host1 OR")
                .endsWith(" OR ...)")
                .hasSizeLessThan(130);
    }

    @Test
    void termAndCaseSayWhatToWriteInstead() {
        assertThat(only("TERM(10.0.0.1)").message())
                .isEqualTo(
                        "TERM() is not supported: write 10.0.0.1 alone, which atwatch matches as a"
                                + " substring of _raw");
        assertThat(only("CASE(At.exe)").message())
                .isEqualTo(
                        "CASE() is not supported: write At.exe alone (matched ignoring case), or"
                                + " compare a field with == in where (case-sensitive)");
    }

    @Test
    void parsingGoesOnAfterTheUnsupportedPartSoLaterErrorsAreReported() {
        List<String> codes =
                Spl.compile("id IN (a, b) [search x] TERM(y) | bogus").errors().stream()
                        .map(Diagnostic::code)
                        .toList();

        assertThat(codes).containsExactly("SPL014", "SPL016", "SPL015", "SPL001");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            textBlock =
                    """
                    id in (e1, e2)
                    IN
                    x IN y
                    term(e1)
                    TERM e1
                    a[1]
                    "[search a=1]"
                    id="IN (e1)"
                    """)
    void lookalikesStaySearchTerms(String query) {
        assertThat(Spl.compile(query.strip()).errors()).isEmpty();
    }

    @Test
    void inListOfAFieldIsNotMistakenForTextSearchWhenRunning() {
        // before this was an error, "id IN (e1, e2)" matched events containing the words only
        assertThat(Spl.compile("id IN (e1, e2)").query()).isEmpty();
    }
}
