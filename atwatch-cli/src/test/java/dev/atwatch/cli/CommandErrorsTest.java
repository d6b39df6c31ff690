package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Errors a user meets: one line naming the problem, the right exit code, no stack trace. */
class CommandErrorsTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();

    private final Function<String, String> environment = RunOptions.environment;

    @AfterEach
    void restoreEnvironment() {
        RunOptions.environment = environment;
    }

    private static void assertNoStackTrace(CommandRun run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void macrosFileOfNameEqualsDefinitionLinesExpandsInTheSearch(@TempDir Path dir)
            throws IOException {
        Path macros = dir.resolve("macros.txt");
        Files.writeString(
                macros,
                "# as --help shows them\n"
                        + "windows = index=wineventlog\n"
                        + "at_image = `windows` Image=\"*\\\\at.exe\"\n",
                StandardCharsets.UTF_8);

        CommandRun run =
                CommandRun.of(
                        "query",
                        "-q",
                        "--format",
                        "csv",
                        "--macros",
                        macros.toString(),
                        "--spl",
                        "`at_image` | table Image",
                        SYSMON);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().skip(1))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).endsWith("\\at.exe"));
    }

    @Test
    void macrosFileWithABadLineIsAUsageErrorNamingFileAndLine(@TempDir Path dir)
            throws IOException {
        Path macros = dir.resolve("macros.conf");
        Files.writeString(macros, "windows = index=wineventlog\nnot a macro\n");

        CommandRun run =
                CommandRun.of("query", "--macros", macros.toString(), "--spl", "`windows`", SYSMON);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "error: macros file "
                                + macros
                                + ", line 2: not a macro definition: 'not a macro'; expected name"
                                + " = definition, name(a, b) = definition or a [name] stanza"
                                + System.lineSeparator());
    }

    @Test
    void searchFileThatIsADirectoryIsAnInputError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("query", "--spl-file", dir.toString(), SYSMON);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("search file " + dir + " is a directory, not a file");
        assertNoStackTrace(run);
    }

    @Test
    void missingSearchOrMacrosFileIsAnInputErrorNamingIt(@TempDir Path dir) {
        String missing = dir.resolve("none.spl").toString();

        CommandRun search = CommandRun.of("query", "--spl-file", missing, SYSMON);
        CommandRun macros = CommandRun.of("query", "--macros", missing, "--spl", "x", SYSMON);

        assertThat(search.exitCode()).isEqualTo(3);
        assertThat(search.err()).contains("search file " + missing + " does not exist");
        assertThat(macros.exitCode()).isEqualTo(3);
        assertThat(macros.err()).contains("macros file " + missing + " does not exist");
    }

    @Test
    void lintOfADirectoryIsAnInputError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("lint", dir.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertNoStackTrace(run);
    }

    @Test
    void anUnexpectedFailureIsOneLineWithExitCodeTwo() {
        StringWriter err = new StringWriter();
        Exception failure =
                new IllegalStateException(
                        "a reader failed", new ArrayIndexOutOfBoundsException("Index 7"));

        int code = Main.failure(failure, false, new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "error: unexpected failure: a reader failed:"
                                + " ArrayIndexOutOfBoundsException: Index 7"
                                + " (--debug or ATWATCH_DEBUG=1: stack trace)"
                                + System.lineSeparator());
    }

    @Test
    void aFailureCausedByAnIoErrorExitsWithThree() {
        StringWriter err = new StringWriter();
        Exception failure =
                new UncheckedIOException(
                        "reading events.json", new IOException("Input/output error"));

        int code = Main.failure(failure, false, new PrintWriter(err, true));

        assertThat(code).isEqualTo(3);
        assertThat(err.toString())
                .startsWith(
                        "error: input could not be read: reading events.json: IOException:"
                                + " Input/output error")
                .hasLineCount(1);
    }

    @Test
    void debugPrintsTheStackTrace() {
        StringWriter err = new StringWriter();

        int code = Main.failure(new NullPointerException("x"), true, new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error: unexpected failure: NullPointerException: x\n")
                .contains("\tat dev.atwatch.cli.CommandErrorsTest");
    }

    private static CommandLine.ParseResult parse(String... args) {
        return Main.commandLine(Terminal.NONE).parseArgs(args);
    }

    @Test
    void debugIsAnOptionOfEveryCommandOrTheVariable() {
        RunOptions.environment = name -> null;
        assertThat(Main.debug(parse("query", "--debug", "--spl", "x", SYSMON))).isTrue();
        assertThat(Main.debug(parse("--debug", "hunt", SYSMON))).isTrue();
        assertThat(Main.debug(parse("lint", "--debug", "q.spl"))).isTrue();
        assertThat(Main.debug(parse("query", "--spl", "x", SYSMON))).isFalse();

        RunOptions.environment = name -> name.equals("ATWATCH_DEBUG") ? "1" : null;
        assertThat(Main.debug(parse("query", "--spl", "x", SYSMON))).isTrue();
        RunOptions.environment = name -> name.equals("ATWATCH_DEBUG") ? "0" : null;
        assertThat(Main.debug(parse("query", "--spl", "x", SYSMON))).isFalse();
    }

    @Test
    void debugDoesNotChangeASuccessfulRun() {
        CommandRun run = CommandRun.of("query", "--debug", "-q", "--spl", "EventCode=1", SYSMON);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
