package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --help}, {@code atwatch help} and the completion script. */
class HelpTest {

    /** The width picocli lays help out in, and the narrowest usual terminal. */
    private static final int HELP_WIDTH = 80;

    @TempDir Path dir;

    @Test
    void everyExampleFitsOnOneLineOfAnEightyColumnHelp() {
        for (CommandLine command : commands(Main.commandLine(Terminal.NONE))) {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                assertThat(line.length()).as(line).isLessThan(HELP_WIDTH);
                assertThat(usage).as(command.getCommandName()).contains(line + "\n");
            }
        }
    }

    @Test
    void huntHelpShowsTheReportExplainAndCollectorExamples() {
        String help = CommandRun.of("hunt", "--help").out();

        assertThat(help)
                .contains("  atwatch hunt --format html -o report.html case-42/")
                .contains("  atwatch hunt --explain examples/windows/")
                .contains("  atwatch hunt --hec-url https://splunk.example:8088 case-42/");
    }

    @Test
    void helpCommandShowsTheCommandsAndEachCommandsHelp() {
        CommandRun top = CommandRun.of("help");
        CommandRun hunt = CommandRun.of("help", "hunt");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: atwatch").contains("  hunt ").contains("  lint ");
        assertThat(hunt.exitCode()).isZero();
        assertThat(hunt.out()).isEqualTo(CommandRun.of("hunt", "--help").out());
    }

    @Test
    void completionOffersTheValuesOfFormatSemanticsAndProfile() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "bash is not available");
        Path script = dir.resolve("atwatch.bash");
        Files.writeString(script, CommandRun.of("completion").out(), StandardCharsets.UTF_8);

        assertThat(complete(script, "hunt", "--format", ""))
                .isEqualTo("table csv json jsonl html run-json");
        assertThat(complete(script, "query", "--semantics", "")).isEqualTo("splunk portable");
        assertThat(complete(script, "hunt", "--profile", "ta-windows-"))
                .isEqualTo("ta-windows-legacy ta-windows-8");
        assertThat(complete(script, "convert", "--format", "")).isEqualTo("jsonl xml csv");
        assertThat(complete(script, "lint", "--format", "")).isEqualTo("text json");
        assertThat(complete(script, "validate", "--format", "")).isEqualTo("table json");
    }

    /** What bash offers for the last of {@code words} after {@code atwatch}. */
    private static String complete(Path script, String... words) throws Exception {
        String line = "atwatch " + String.join(" ", words);
        String program =
                "source '"
                        + script
                        + "' 2>/dev/null; COMP_WORDS=(atwatch "
                        + quoted(words)
                        + "); COMP_CWORD="
                        + words.length
                        + "; COMP_LINE='"
                        + line
                        + "'; COMP_POINT=${#COMP_LINE}; _complete_atwatch 2>/dev/null;"
                        + " echo \"${COMPREPLY[*]}\"";
        Process bash =
                new ProcessBuilder("/bin/bash", "-c", program)
                        .redirectInput(new File("/dev/null"))
                        .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }

    private static String quoted(String... words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add("'" + word + "'");
        }
        return String.join(" ", quoted);
    }

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            all.addAll(commands(sub));
        }
        return all;
    }
}
