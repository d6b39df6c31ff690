package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What atwatch sees of its streams when they are, or are not, a terminal: each case runs a JVM on a
 * pseudo-terminal made by util-linux {@code script}, with some streams redirected to files.
 */
class TerminalTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toAbsolutePath().toString();

    private static final String REFERENCE =
            Path.of("..", "rules", "windows", "reference.yaml").toAbsolutePath().toString();

    @TempDir Path dir;

    @BeforeAll
    static void needsScript() {
        assumeTrue(scriptWorks(), "util-linux script is not available");
    }

    @Test
    void terminalDevicesAreRecognisedByName() {
        assertThat(Terminal.isTerminal(Path.of("/dev/pts/3"))).isTrue();
        assertThat(Terminal.isTerminal(Path.of("/dev/tty1"))).isTrue();
        assertThat(Terminal.isTerminal(Path.of("/dev/ttyS0"))).isTrue();
        assertThat(Terminal.isTerminal(Path.of("/dev/null"))).isFalse();
        assertThat(Terminal.isTerminal(Path.of("pipe:[4242]"))).isFalse();
        assertThat(Terminal.isTerminal(Path.of("/home/u/dev/pts/3"))).isFalse();
    }

    @Test
    void eachStreamIsJudgedOnItsOwn() throws Exception {
        String probe = java(TerminalProbe.class.getName());
        script(
                "stty cols 123 rows 40; "
                        + (probe + " plain.txt; ")
                        + (probe + " stdout.txt > out.log; ")
                        + (probe + " stderr.txt 2> err.log; ")
                        + (probe + " stdin.txt < /dev/null"));

        assertThat(read("plain.txt")).isEqualTo("output=true errors=true width=123");
        assertThat(read("stdout.txt")).isEqualTo("output=false errors=true width=0");
        assertThat(read("stderr.txt")).isEqualTo("output=true errors=false width=123");
        assertThat(read("stdin.txt")).isEqualTo("output=true errors=true width=123");
    }

    @Test
    void widthFallsBackToColumnsThenEighty() throws Exception {
        String probe = java(TerminalProbe.class.getName());
        // a pseudo-terminal nobody sized reports 0 columns
        script(
                "stty cols 0 rows 0; COLUMNS=97 "
                        + (probe + " columns.txt; ")
                        + ("unset COLUMNS; " + probe + " none.txt"));

        assertThat(read("columns.txt")).endsWith("width=97");
        assertThat(read("none.txt")).endsWith("width=" + Terminal.FALLBACK_WIDTH);
    }

    @Test
    void tableFitsTheTerminalAndAFileGetsItWhole() throws Exception {
        String hunt = java(Main.class.getName()) + " hunt -q " + SYSMON;
        String screen = script("stty cols 100 rows 40; " + hunt + "; " + hunt + " > table.txt");

        List<String> shown = screen.lines().map(TerminalTest::visible).toList();
        assertThat(shown).anyMatch(line -> line.startsWith("rule "));
        assertThat(shown).allMatch(line -> line.length() <= 100);
        assertThat(screen).contains("\u001b[33m");
        String file = read("table.txt");
        assertThat(file).doesNotContain("\u001b").contains("JobCommandKind");
        assertThat(file.lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(100);
    }

    @Test
    void progressIsDrawnOnlyWhenStandardErrorIsATerminal() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        byte[] events = Files.readAllBytes(Path.of(SYSMON));
        for (int i = 0; i < 150; i++) {
            Files.write(big.resolve("sysmon-" + i + ".xml"), events);
        }
        String hunt =
                java(Main.class.getName()) + " hunt --threads 1 --rules " + REFERENCE + " " + big;
        String screen = script(hunt + " > out.txt; " + hunt + " > /dev/null 2> run.log");

        assertThat(screen).contains("\rreading ");
        String log = read("run.log");
        assertThat(log).contains("atwatch: 150 input(s)").doesNotContain("\r");
    }

    /** A line as the terminal shows it: colour escapes and carriage returns removed. */
    private static String visible(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "").replace("\r", "");
    }

    private static String java(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return java + " -cp " + System.getProperty("java.class.path") + " " + mainClass;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** Runs {@code commands} in {@code dir} on a new pseudo-terminal; returns what it showed. */
    private String script(String commands) throws Exception {
        Process script =
                new ProcessBuilder("script", "-qec", commands, "/dev/null")
                        .directory(dir.toFile())
                        .redirectInput(new File("/dev/null"))
                        .redirectErrorStream(true)
                        .start();
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(screen).isZero();
        return screen;
    }

    private static boolean scriptWorks() {
        try {
            Process script =
                    new ProcessBuilder("script", "-qec", "true", "/dev/null")
                            .redirectInput(new File("/dev/null"))
                            .redirectErrorStream(true)
                            .start();
            script.getInputStream().readAllBytes();
            return script.waitFor(20, TimeUnit.SECONDS) && script.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
