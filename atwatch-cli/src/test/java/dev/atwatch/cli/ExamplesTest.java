package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.RulePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference query, in Splunk semantics with the legacy add-on profile, returns on each bundled
 * Windows example exactly the table worked out by hand in {@code expected-windows/}.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "windows");
    private static final Path EXPECTED =
            Path.of("src", "test", "resources", "dev", "atwatch", "cli", "expected-windows");

    static Stream<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXPECTED)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".expected.csv"))
                            .map(n -> n.substring(0, n.length() - ".expected.csv".length()))
                            .sorted()
                            .toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void referenceQueryGivesTheExpectedTable(String file) throws Exception {
        String search = RulePack.bundled().rule("t1053-002-reference").search();

        CommandRun run =
                CommandRun.of(
                        "query",
                        "--quiet",
                        "--semantics",
                        "splunk",
                        "--profile",
                        "ta-windows-legacy",
                        "--format",
                        "csv",
                        "--spl",
                        search,
                        EXAMPLES.resolve(file).toString());

        String expected =
                Files.readString(EXPECTED.resolve(file + ".expected.csv"), StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run.out())).isEqualTo(lines(expected));
    }

    /**
     * Under the modern add-on's naming the reference query finds nothing in the logs, whose
     * sourcetypes the profile renames, but the same rows in a Splunk export, which keeps the
     * sourcetypes Splunk gave it.
     */
    @ParameterizedTest
    @MethodSource("exampleFiles")
    void modernAddOnNamingLeavesTheReferenceQueryBlindExceptOnSplunkExports(String file)
            throws Exception {
        String search = RulePack.bundled().rule("t1053-002-reference").search();

        CommandRun run =
                CommandRun.of(
                        "query",
                        "--quiet",
                        "--semantics",
                        "splunk",
                        "--profile",
                        "ta-windows-8",
                        "--format",
                        "csv",
                        "--spl",
                        search,
                        EXAMPLES.resolve(file).toString());

        String expected =
                Files.readString(EXPECTED.resolve(file + ".expected.csv"), StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isZero();
        if (file.startsWith("splunk-export-")) {
            assertThat(lines(run.out())).isEqualTo(lines(expected));
        } else {
            assertThat(lines(run.out())).containsExactly(lines(expected).get(0));
        }
    }

    private static List<String> lines(String text) {
        return text.lines().filter(line -> !line.isEmpty()).toList();
    }
}
