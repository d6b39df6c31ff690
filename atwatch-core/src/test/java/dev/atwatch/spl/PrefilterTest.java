package dev.atwatch.spl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.read.RecordFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The byte-level prefilter derived from the first search. */
class PrefilterTest {

    private static Prefilter of(String query) {
        return Runs.compile(query).prefilter();
    }

    private static boolean passes(Prefilter prefilter, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return prefilter.mayMatch(bytes, 0, bytes.length);
    }

    private static boolean passesAs(
            Prefilter prefilter, RecordFilter.Encoding encoding, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return prefilter.mayMatch(encoding, bytes, 0, bytes.length);
    }

    private static boolean passesUtf16(Prefilter prefilter, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_16LE);
        return prefilter.mayMatchUtf16le(bytes, 0, bytes.length);
    }

    @Test
    void valueLiteralIsCutAtEscapableCharactersAndKeepsTheLongestPiece() {
        assertThat(of("Image=\"*\\\\schtasks.exe\"").alternatives())
                .containsExactly(Set.of("schtasks.exe"));
        assertThat(of("CommandLine=\"*Win32_ScheduledJob*\"").alternatives())
                .containsExactly(Set.of("win32_scheduledjob"));
        assertThat(of("a=\"x&quot;rundll32<y\"").alternatives())
                .containsExactly(Set.of("quot;rundll32"));
    }

    @Test
    void conjunctionsRequireAllAndDisjunctionsAny() {
        Prefilter prefilter =
                of("Image=*wmic.exe CommandLine=*ScheduledJob* OR Image=*powershell*");
        assertThat(prefilter.alternatives())
                .containsExactlyInAnyOrder(
                        Set.of("wmic.exe", "scheduledjob"), Set.of("wmic.exe", "powershell"));
        assertThat(
                        passes(
                                prefilter,
                                "{\"Image\":\"C:\\\\WMIC.EXE\","
                                        + "\"CommandLine\":\"Win32_ScheduledJob\"}"))
                .isTrue();
        assertThat(passes(prefilter, "{\"Image\":\"C:\\\\WMIC.EXE\"}")).isFalse();
        assertThat(passes(prefilter, "<Data>powershell</Data>")).isFalse();
    }

    @Test
    void anAlternativeImpliedByAnotherIsNotTestedAgain() {
        assertThat(of("Image=*cmd.exe* OR Image=*cmd* OR Image=*cmd*").alternatives())
                .containsExactly(Set.of("cmd"));
        assertThat(
                        of("(Image=*wmic.exe* CommandLine=*ScheduledJob*) OR Image=*wmic*")
                                .alternatives())
                .containsExactly(Set.of("wmic"));
        assertThat(of("(Image=*wmic* CommandLine=*job*) OR Image=*wmic.exe*").alternatives())
                .containsExactlyInAnyOrder(Set.of("wmic", "job"), Set.of("wmic.exe"));
    }

    @Test
    void anAlternativeWithoutLiteralAcceptsEverything() {
        assertThat(of("Image=*at OR Image=*schtasks*").acceptsEverything()).isTrue();
        assertThat(of("NOT Image=*schtasks*").acceptsEverything()).isTrue();
        assertThat(of("Image!=schtasks.exe").acceptsEverything()).isTrue();
        assertThat(of("n>100").acceptsEverything()).isTrue();
        assertThat(of("| eval a=1").acceptsEverything()).isTrue();
        assertThat(passes(of("| eval a=1"), "")).isTrue();
    }

    @Test
    void metadataNumbersAndTypedValuesGiveNoLiteral() {
        assertThat(
                        of("index=wineventlog sourcetype=XmlWinEventLog:Security"
                                        + " host=dc01 source=x")
                                .acceptsEverything())
                .isTrue();
        assertThat(of("EventCode=4688").acceptsEverything()).isTrue();
        assertThat(of("ProcessGuid=\"{54849625-5478-4994-a5ba-3e3b0328c30d}\"").acceptsEverything())
                .isTrue();
        assertThat(of("SubjectUserSid=S-1-5-18").acceptsEverything()).isTrue();
        assertThat(of("UtcTime=2019-07-19T14:57:46Z").acceptsEverything()).isTrue();
        assertThat(of("Keywords=0x8020000000000000").acceptsEverything()).isTrue();
    }

    @Test
    void starBackslashAtKeepsItsBackslashWhereTheEncodingAllowsIt() {
        // Cut at the backslash, `*\\at` leaves "at", too short to require: the neutral test
        // passes everything. JSON writes the backslash doubled and XML as it is, so there the
        // literal stays whole and selective.
        Prefilter prefilter = of("(Image=\"*\\\\at.exe\" OR Image=\"*\\\\at\")");
        byte[] json = "{\"Image\":\"C:\\\\Windows\\\\System32\\\\AT\"}".getBytes(UTF_8);
        byte[] xml = "<Data Name='Image'>C:\\Windows\\System32\\at</Data>".getBytes(UTF_8);
        byte[] other = "{\"Image\":\"C:\\\\Windows\\\\System32\\\\cat.exe\"}".getBytes(UTF_8);
        byte[] utf16 = "C:\\Windows\\at.exe".getBytes(StandardCharsets.UTF_16LE);

        assertThat(prefilter.acceptsEverything()).isFalse();
        assertThat(prefilter.alternatives()).isEmpty();
        assertThat(prefilter.mayMatch(RecordFilter.Encoding.JSON, json, 0, json.length)).isTrue();
        assertThat(prefilter.mayMatch(RecordFilter.Encoding.XML, xml, 0, xml.length)).isTrue();
        assertThat(prefilter.mayMatch(RecordFilter.Encoding.JSON, other, 0, other.length))
                .isFalse();
        assertThat(prefilter.mayMatch(RecordFilter.Encoding.UTF16LE, utf16, 0, utf16.length))
                .isTrue();
    }

    @Test
    void recordsSpellingCharactersByCodePassWhole() {
        Prefilter prefilter = of("Image=\"*\\\\at.exe\"");
        for (String xml :
                List.of(
                        "<Data Name='Image'>C:\\Windows\\System32&#x5C;at.exe</Data>",
                        "<Data Name='Image'>C:\\Windows\\System32\\&#97;t.exe</Data>",
                        "<Data Name='Image'>C:\\Windows\\System32\\at&#46;exe</Data>",
                        "<Data Name='Image'><![CDATA[C:\\System32\\a]]>t.exe</Data>")) {
            assertThat(passesAs(prefilter, RecordFilter.Encoding.XML, xml)).as(xml).isTrue();
            assertThat(passes(prefilter, xml)).as(xml).isTrue();
        }
        for (String json :
                List.of(
                        "{\"Image\":\"C:\\\\System32\\\\at\\u002eexe\"}",
                        "{\"Image\":\"C:\\\\System32\\u005cat.exe\"}",
                        "{\"_raw\":\"<Data Name='Image'>C:\\\\System32&#x5C;at.exe</Data>\"}")) {
            assertThat(passesAs(prefilter, RecordFilter.Encoding.JSON, json)).as(json).isTrue();
        }
    }

    @Test
    void escapedBackslashesAndPredefinedEntitiesDoNotPassRecordsWhole() {
        Prefilter prefilter = of("Image=\"*\\\\at.exe\"");
        String json = "{\"Image\":\"C:\\\\Users\\\\u1\\\\cat.exe\",\"a\":\"\\\\\\\\u\"}";
        String xml = "<Data Name='Image'>C:\\Users\\u1\\cat.exe &amp; &lt;&gt;&quot;&apos;</Data>";
        assertThat(passesAs(prefilter, RecordFilter.Encoding.JSON, json)).isFalse();
        assertThat(passesAs(prefilter, RecordFilter.Encoding.XML, xml)).isFalse();
        assertThat(passesAs(prefilter, RecordFilter.Encoding.XML, xml.replace("&amp;", "&nbsp;")))
                .isTrue();
    }

    @Test
    void referencesToCharactersNoLiteralHoldsDoNotPassRecordsWhole() {
        Prefilter prefilter = of("Image=\"*\\\\at.exe\"");
        String xml = "<Data Name='PrivilegeList'>SeBackup&#13;&#10;&#9;Se&#xE9;&#233;</Data>";
        String json = "{\"PrivilegeList\":\"SeBackup\\u000d\\u000A\\t\\u00e9\\ud83d\\ude00\"}";
        assertThat(passesAs(prefilter, RecordFilter.Encoding.XML, xml)).isFalse();
        assertThat(passesAs(prefilter, RecordFilter.Encoding.JSON, json)).isFalse();
        assertThat(passesAs(prefilter, RecordFilter.Encoding.XML, xml.replace("&#13;", "&#1")))
                .as("malformed reference")
                .isTrue();
        assertThat(passesAs(prefilter, RecordFilter.Encoding.JSON, json.replace("u00e9", "u0e")))
                .as("malformed escape")
                .isTrue();
    }

    @Test
    void bareTermsCountForBytesButNotForUtf16() {
        Prefilter prefilter = of("rundll32 Image=*cmd.exe");
        assertThat(prefilter.alternatives()).containsExactly(Set.of("rundll32", "cmd.exe"));
        assertThat(prefilter.utf16Alternatives()).containsExactly(Set.of("cmd.exe"));
    }

    @Test
    void matchingIgnoresAsciiCaseInBothEncodings() {
        Prefilter prefilter = of("Image=*Cmd.Exe");
        assertThat(passes(prefilter, "C:\\WINDOWS\\CMD.EXE")).isTrue();
        assertThat(passesUtf16(prefilter, "C:\\WINDOWS\\CMD.EXE")).isTrue();
        assertThat(passesUtf16(prefilter, "C:\\WINDOWS\\notepad.exe")).isFalse();
        assertThat(passes(prefilter, "C:\\WINDOWS\\notepad.exe")).isFalse();
    }

    @Test
    void utf16MatchIsFoundAtAnyByteOffset() {
        Prefilter prefilter = of("Image=*cmd.exe");
        byte[] text = "cmd.exe".getBytes(StandardCharsets.UTF_16LE);
        byte[] shifted = new byte[text.length + 3];
        System.arraycopy(text, 0, shifted, 3, text.length);
        assertThat(prefilter.mayMatchUtf16le(shifted, 0, shifted.length)).isTrue();
        assertThat(prefilter.mayMatchUtf16le(shifted, 3, text.length)).isTrue();
        assertThat(prefilter.mayMatchUtf16le(shifted, 3, text.length - 1)).isFalse();
    }

    @Test
    void rangeLimitsTheSearchedBytes() {
        Prefilter prefilter = of("Image=*cmd.exe");
        byte[] bytes = "xx cmd.exe yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(prefilter.mayMatch(bytes, 3, 7)).isTrue();
        assertThat(prefilter.mayMatch(bytes, 4, 9)).isFalse();
    }

    @Test
    void tooManyAlternativesFallBackSoundly() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            query.append(i == 0 ? "" : " OR ")
                    .append("Image=*prog")
                    .append((char) ('a' + i % 26))
                    .append(i)
                    .append(".exe");
        }
        assertThat(of(query.toString()).acceptsEverything()).isTrue();
        List<Set<String>> product =
                of("(a=*xxa* OR a=*xxb* OR a=*xxc*) (b=*yya* OR b=*yyb*)").alternatives();
        assertThat(product).hasSize(6);
    }
}
