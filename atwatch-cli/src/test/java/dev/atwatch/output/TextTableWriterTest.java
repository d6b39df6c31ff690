package dev.atwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Score colours of table rows, and cells that cannot drive the terminal. */
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
        String[] lines = write(new TextTableWriter(0, true), TABLE).split("\n");

        assertThat(lines[0]).doesNotContain("\u001b");
        assertThat(lines[2]).isEqualTo("a     0");
        assertThat(lines[3]).isEqualTo("\u001b[33mb     1\u001b[0m");
        assertThat(lines[4]).isEqualTo("\u001b[38;5;208mc     2\u001b[0m");
        assertThat(lines[5]).isEqualTo("\u001b[31;1md     4\u001b[0m");
    }

    @Test
    void noEscapesWhenColourIsOff() throws IOException {
        assertThat(write(new TextTableWriter(0, false), TABLE)).doesNotContain("\u001b");
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

        String text = write(new TextTableWriter(0, false), hostile);

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(text).contains("at [2J 10:00  x");
    }

    private static String write(TextTableWriter writer, ResultTable table) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(table, out);
        return out.toString();
    }
}
