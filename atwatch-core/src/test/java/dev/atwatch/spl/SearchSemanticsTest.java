package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.event;
import static dev.atwatch.spl.Runs.matches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of SPEC.md "search: how terms match", one test or row each. */
class SearchSemanticsTest {

    private static final Event ABC = event("_raw", "alpha beta", "a", "1", "b", "2", "c", "3");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                // a b OR c  is  a AND (b OR c)
                "a=1 b=9 OR c=3; true",
                "a=9 b=2 OR c=3; false",
                "a=1 b=9 OR c=9; false",
                // NOT binds tighter than OR
                "NOT a=9 OR b=9; true",
                "NOT a=1 OR b=9; false",
                // explicit AND is the same as juxtaposition
                "a=1 AND b=2; true",
                "a=1 AND (b=9 OR c=3); true",
                "(a=9 OR b=2) c=3; true",
                "a=9 OR b=9 c=3; false",
            })
    void searchPrecedenceIsParenthesesNotOrThenAnd(String query, boolean expected) {
        assertThat(matches(query, ABC)).isEqualTo(expected);
    }

    @Test
    void operatorsAreCapitalsOnlyLowercaseOrIsATerm() {
        Event withOr = event("_raw", "x or y", "a", "1");
        Event withoutOr = event("_raw", "x y", "a", "1");
        assertThat(matches("a=9 or a=1", withOr)).isFalse();
        assertThat(matches("a=1 or", withOr)).isTrue();
        assertThat(matches("a=1 or", withoutOr)).isFalse();
        assertThat(matches("a=9 OR a=1", withoutOr)).isTrue();
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        Event event = event("Image", "x");
        assertThat(matches("Image=x", event)).isTrue();
        assertThat(matches("image=x", event)).isFalse();
    }

    @Test
    void fieldValuesMatchIgnoringCase() {
        assertThat(
                        matches(
                                "Image=\"C:\\\\WINDOWS\\\\AT.EXE\"",
                                event("Image", "c:\\windows\\at.exe")))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Image=\"*\\\\at.exe\"; C:\\Windows\\System32\\at.exe; true",
                "Image=\"*\\\\at.exe\"; C:\\WINDOWS\\system32\\AT.EXE; true",
                "Image=\"*\\\\at.exe\"; C:\\Windows\\System32\\what.exe; false",
                "Image=\"*\\\\at.exe\"; C:\\Windows\\System32\\at.exe.bak; false",
                "Image=\"*\\\\at\"; /usr/bin\\at; true",
                "Image=\"*\\\\at\"; C:\\at.exe; false",
                "Image=at.exe; C:\\at.exe; false",
                "Image=*at*; C:\\cat.exe; true",
                "Image=C:*exe; c:\\x.EXE; true",
                "Image=*; anything; true",
                "Image=a?c; abc; false",
                "Image=a?c; a?c; true",
            })
    void starIsAGlobOverTheWholeValueIgnoringCase(String query, String value, boolean expected) {
        assertThat(matches(query, event("Image", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "v=\"a\\\\b\"; a\\b; true",
                "v=\"a\\\"b\"; a\"b; true",
                "v=\"a\\|b\"; a|b; true",
                "v=\"a\\.b\"; a\\.b; true",
                "v=\"a\\.b\"; a.b; false",
                "v=a\\\\b; a\\b; true",
                "v=a\\.b; a\\.b; true",
                "v=a\\|b; a|b; true",
            })
    void backslashUnescapesOnlyBackslashQuoteAndPipe(String query, String value, boolean expected) {
        assertThat(matches(query, event("v", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "EventCode={0} on {1} -> {2}")
    @CsvSource({"1, 1, true", "1, 01, false", "1, 1.0, false", "01, 1, false", "4688, 4688, true"})
    void equalsComparesAsStrings(String query, String value, boolean expected) {
        assertThat(matches("EventCode=" + query, event("EventCode", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "n>9; 10; true",
                "n<9; 10; false",
                "n>=10; 10.0; true",
                "n<=10; 010; true",
                "n>abc; abd; true",
                "n<abc; ABB; true",
                "n>10; abc; true",
                "n!=1; 01; true",
                "n!=1; 1; false",
            })
    void orderingComparesNumbersAsNumbersElseStrings(String query, String value, boolean expected) {
        assertThat(matches(query, event("n", value))).isEqualTo(expected);
    }

    @Test
    void absentFieldFailsEqualsAndNotEqualsButPassesNot() {
        Event event = event("other", "x");
        assertThat(matches("f=x", event)).isFalse();
        assertThat(matches("f!=x", event)).isFalse();
        assertThat(matches("NOT f=x", event)).isTrue();
        assertThat(matches("f<5", event)).isFalse();
    }

    @Test
    void multivalueMatchesWhenAnyValueMatches() {
        Event event = event("Account_Name", List.of("alice", "SYSTEM"));
        assertThat(matches("Account_Name=system", event)).isTrue();
        assertThat(matches("Account_Name=bob", event)).isFalse();
        assertThat(matches("Account_Name!=bob", event)).isTrue();
        assertThat(matches("Account_Name!=alice", event)).isFalse();
    }

    @Test
    void metadataComparesIgnoringCaseWithGlobs() {
        Event event =
                event(
                        "index",
                        "wineventlog",
                        "sourcetype",
                        "XmlWinEventLog:Security",
                        "source",
                        "XmlWinEventLog:Security",
                        "host",
                        "WS01");
        assertThat(matches("index=WinEventLog", event)).isTrue();
        assertThat(matches("sourcetype=xmlwineventlog:*", event)).isTrue();
        assertThat(matches("sourcetype=WinEventLog:Security", event)).isFalse();
        assertThat(matches("source=*security host=ws0*", event)).isTrue();
    }

    @Test
    void bareTermIsACaseInsensitiveSubstringOfRaw() {
        Event event = event("_raw", "<Data Name='Image'>C:\\Windows\\AT.exe</Data>");
        assertThat(matches("at.exe", event)).isTrue();
        assertThat(matches("\"windows\\\\at\"", event)).isTrue();
        assertThat(matches("Name*Image", event)).isTrue();
        assertThat(matches("schtasks", event)).isFalse();
        assertThat(matches("at.exe", event("Image", "at.exe"))).isFalse();
    }

    @Test
    void emptySearchMatchesEverything() {
        assertThat(Runs.count("| eval a=1", event("x", "1"), event("y", "2"))).isEqualTo(2);
        assertThat(Runs.count("search", event("x", "1"))).isEqualTo(1);
    }

    @Test
    void laterSearchUsesTheSameMatcher() {
        Event at = event("Image", "C:\\AT.EXE", "n", "5");
        assertThat(matches("| eval m=n*2 | search m>9 Image=*\\\\at.exe", at)).isTrue();
        assertThat(matches("| search NOT Image=*at*", at)).isFalse();
    }

    @Test
    void numbersStoredByEvalCompareByTheirPrintedForm() {
        assertThat(matches("| eval m=2/2 | search m=1", event("x", "1"))).isTrue();
        assertThat(matches("| eval m=1.5 | search m=1.5", event("x", "1"))).isTrue();
    }

    @Test
    void nonAsciiLettersNeverFoldToAscii() {
        // Kelvin sign folds to 'k' in Unicode; search values keep it apart (chosen)
        assertThat(matches("v=key", event("v", "\u212Aey"))).isFalse();
        assertThat(matches("v=ÉTÉ", event("v", "été"))).isTrue();
    }
}
