package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format table} on a terminal: fitted, coloured, and whole when it goes to a file. */
class TableDisplayTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();

    private static final Terminal NARROW = Terminal.of(true, true, 100);

    @TempDir Path dir;

    @AfterEach
    void restoreEnvironment() {
        RunOptions.environment = System::getenv;
    }

    @Test
    void narrowTerminalKeepsTheUsefulColumnsAndSaysHowManyAreHidden() {
        List<String> all = columns(CommandRun.of("hunt", "-q", "--format", "csv", SYSMON));

        CommandRun run = CommandRun.on(NARROW, "hunt", SYSMON);

        List<String> lines = visibleLines(run.out());
        assertThat(lines).allMatch(line -> line.length() <= 100);
        assertThat(words(lines.get(0)))
                .containsExactly("rule", "_time", "host", "CommandLine", "SuspicionScore");
        assertThat(run.out()).contains("\u2026");
        assertThat(run.err())
                .contains(
                        "note: "
                                + (all.size() - 5)
                                + " of "
                                + all.size()
                                + " columns hidden to fit 100 columns;"
                                + " --wide or --format csv/json shows them all");
    }

    @Test
    void wideTerminalAlsoShowsTheImageUserAndSource() {
        CommandRun run = CommandRun.on(Terminal.of(true, true, 200), "hunt", "-q", SYSMON);

        assertThat(words(visibleLines(run.out()).get(0)))
                .startsWith("rule", "_time", "host", "User", "Image", "CommandLine")
                .contains("SuspicionScore", "source");
    }

    @Test
    void wideOptionShowsEveryColumnWithoutANote() {
        List<String> all = columns(CommandRun.of("hunt", "-q", "--format", "csv", SYSMON));

        CommandRun run = CommandRun.on(NARROW, "hunt", "--wide", SYSMON);

        assertThat(words(visibleLines(run.out()).get(0))).containsExactlyElementsOf(all);
        assertThat(run.err()).doesNotContain("hidden");
    }

    @Test
    void outputFileGetsTheWholeTableWithoutColourOrNote() throws Exception {
        List<String> all = columns(CommandRun.of("hunt", "-q", "--format", "csv", SYSMON));
        Path file = dir.resolve("table.txt");

        CommandRun run = CommandRun.on(NARROW, "hunt", "-o", file.toString(), SYSMON);

        String table = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(table).doesNotContain("\u001b").doesNotContain("\u2026");
        assertThat(words(table.lines().findFirst().orElseThrow())).containsExactlyElementsOf(all);
        assertThat(run.err()).doesNotContain("hidden");
    }

    @Test
    void rowsAreColouredOnATerminalUnlessNoColorIsSet() {
        RunOptions.environment = Map.of("NO_COLOR", "")::get;
        CommandRun empty = CommandRun.on(NARROW, "hunt", "-q", SYSMON);
        RunOptions.environment = Map.of("NO_COLOR", "1")::get;
        CommandRun set = CommandRun.on(NARROW, "hunt", "-q", SYSMON);

        assertThat(empty.out()).contains("\u001b[33m");
        assertThat(set.out()).doesNotContain("\u001b");
        assertThat(CommandRun.of("hunt", "-q", SYSMON).out()).doesNotContain("\u001b");
    }

    @Test
    void quietLeavesTheNoteOut() {
        CommandRun run = CommandRun.on(NARROW, "hunt", "-q", SYSMON);

        assertThat(run.err()).isEmpty();
    }

    private static List<String> columns(CommandRun csv) {
        return Arrays.asList(csv.out().lines().findFirst().orElseThrow().split(","));
    }

    private static List<String> visibleLines(String out) {
        return out.lines().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    private static List<String> words(String header) {
        return Arrays.asList(header.strip().split("\\s+"));
    }
}
