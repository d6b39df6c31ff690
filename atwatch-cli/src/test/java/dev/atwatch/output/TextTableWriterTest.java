package dev.atwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fitting to a width, score colours of rows, and cells that cannot drive the terminal. */
class TextTableWriterTest {

    private static final ResultTable TABLE =
            new ResultTable(
                    List.of("host", "SuspicionScore"),
                    List.of(
                            Map.of("host", FieldValue.of("a"), "SuspicionScore", FieldValue.of(0)),
                            Map.of("host", FieldValue.of("b"), "SuspicionScore", FieldValue.of(1)),
                            Map.of("host", FieldValue.of("c"), "SuspicionScore", FieldValue.of(2)),
                            Map.of(
                                    "host",
                                    FieldValue.of("d"),
                                    "SuspicionScore",
                                    FieldValue.of(4))));

    @Test
    void rowsAreColouredByScoreWhenColourIsOn() throws IOException {
        String[] lines =
                write(new TextTableWriter(0, true, TextTableWriter.HiddenColumns.IGNORE), TABLE)
                        .split("\n");

        assertThat(lines[0]).doesNotContain("\u001b");
        assertThat(lines[2]).isEqualTo("a     0");
        assertThat(lines[3]).isEqualTo("\u001b[33mb     1\u001b[0m");
        assertThat(lines[4]).isEqualTo("\u001b[38;5;208mc     2\u001b[0m");
        assertThat(lines[5]).isEqualTo("\u001b[31;1md     4\u001b[0m");
    }

    @Test
    void noEscapesWhenColourIsOff() throws IOException {
        assertThat(write(new TextTableWriter(0), TABLE)).doesNotContain("\u001b");
    }

    @Test
    void controlCharactersOfCellsAreShownAsSpaces() throws IOException {
        ResultTable hostile =
                new ResultTable(
                        List.of("CommandLine"),
                        List.of(
                                Map.of(
                                        "CommandLine",
                                        FieldValue.of("at\u001b[2J 10:00\u0007\r\nx"))));

        String text = write(new TextTableWriter(0), hostile);

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(text).contains("at [2J 10:00  x");
    }

    /** One row: extra columns around the useful ones, each value as wide as given. */
    private static ResultTable wideRow() {
        Map<String, FieldValue> row = new LinkedHashMap<>();
        row.put("rule", FieldValue.of("win-at-exe-execution"));
        row.put("EventCode", FieldValue.of("1"));
        row.put("_time", FieldValue.of("2026-03-10T13:05:10.000+00:00"));
        row.put("host", FieldValue.of("WS-FIN-014.kestrel.lan"));
        row.put(
                "CommandLine",
                FieldValue.of("at 13:20 /interactive cmd.exe /c whoami > c:\\o.txt"));
        row.put("IsRemote", FieldValue.of("0"));
        row.put("SuspicionScore", FieldValue.of("2"));
        row.put("ParentImage", FieldValue.of("C:\\Windows\\System32\\cmd.exe"));
        return new ResultTable(List.copyOf(row.keySet()), List.of(row));
    }

    @Test
    void narrowTableKeepsTheUsefulColumnsInTableOrderAndTellsWhatIsHidden() throws IOException {
        List<String> told = new ArrayList<>();
        TextTableWriter writer =
                new TextTableWriter(96, false, (shown, total) -> told.add(shown + "/" + total));

        String[] lines = write(writer, wideRow()).split("\n");

        assertThat(lines[0].split("\\s+"))
                .containsExactly("rule", "_time", "host", "CommandLine", "SuspicionScore");
        assertThat(lines).allMatch(line -> line.length() <= 96);
        assertThat(lines[2]).contains("\u2026");
        assertThat(told).containsExactly("5/8");
    }

    @Test
    void otherColumnsJoinOnlyWhenEveryKeptCellIsWhole() throws IOException {
        List<String> told = new ArrayList<>();
        ResultTable table = wideRow();
        int whole = write(new TextTableWriter(0), table).split("\n")[0].length();

        String[] lines =
                write(
                                new TextTableWriter(
                                        whole - 1,
                                        false,
                                        (shown, total) -> told.add(shown + "/" + total)),
                                table)
                        .split("\n");

        // ParentImage (the widest other column) is left out; the short ones fit whole
        assertThat(lines[0].split("\\s+"))
                .containsExactly(
                        "rule",
                        "EventCode",
                        "_time",
                        "host",
                        "CommandLine",
                        "IsRemote",
                        "SuspicionScore");
        assertThat(lines[2]).doesNotContain("\u2026");
        assertThat(told).containsExactly("7/8");
    }

    @Test
    void tableThatFitsIsWrittenWholeAndNothingIsTold() throws IOException {
        List<String> told = new ArrayList<>();

        write(new TextTableWriter(200, false, (shown, total) -> told.add("told")), wideRow());

        assertThat(told).isEmpty();
    }

    @Test
    void veryNarrowTableStillShowsItsFirstUsefulColumnCut() throws IOException {
        String[] lines =
                write(
                                new TextTableWriter(
                                        12, false, TextTableWriter.HiddenColumns.IGNORE),
                                wideRow())
                        .split("\n");

        assertThat(lines[0]).isEqualTo("_time");
        assertThat(lines[2]).isEqualTo("2026-03-10T\u2026");
    }

    @Test
    void cutNeverSplitsACharacterOutsideTheBasicPlane() throws IOException {
        String cat = "\uD83D\uDC08";
        ResultTable table =
                new ResultTable(
                        List.of("CommandLine"),
                        List.of(Map.of("CommandLine", FieldValue.of("ab" + cat + cat + "cdefgh"))));

        String[] lines =
                write(new TextTableWriter(4, false, TextTableWriter.HiddenColumns.IGNORE), table)
                        .split("\n");

        assertThat(lines[2]).isEqualTo("ab" + cat + "\u2026");
    }

    private static String write(TextTableWriter writer, ResultTable table) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(table, out);
        return out.toString();
    }
}
