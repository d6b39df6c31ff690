package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String MANIFEST =
            Path.of("..", "examples", "atomic", "manifest.yaml").toString();
    private static final Path RULES = Path.of("..", "rules");

    @Test
    void bundledPackCoversTheBundledReplayAndExitsZero() {
        CommandRun run = CommandRun.of("validate", "--manifest", MANIFEST);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("t1-at-cmd", "security-4688-no-cmdline", "win-at-exe-execution")
                .contains("detected (score ", "blind")
                .doesNotContain("MISSED")
                .containsPattern("(\\d+) of \\1 expected detections found, 0 missed");
    }

    @Test
    void aPackWithoutARuleShowsMissedAndExitsOne(@TempDir Path dir) throws IOException {
        copyRulesExcept(dir, "win_at_job_registration.yaml");

        CommandRun run =
                CommandRun.of("validate", "--rules", dir.toString(), "--manifest", MANIFEST);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("t1-at-cmd +task-scheduler +win-at-job-registration +MISSED");
    }

    @Test
    void jsonListsEveryCellWithItsVerdict() throws IOException {
        CommandRun run = CommandRun.of("validate", "--manifest", MANIFEST, "--format", "json");

        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(doc.get("complete").asBoolean()).isTrue();
        assertThat(doc.get("cells")).isNotEmpty();
        assertThat(doc.get("cells").findValuesAsText("verdict"))
                .contains("detected", "blind")
                .doesNotContain("missed");
    }

    @Test
    void aMissingManifestIsAnInputError() {
        CommandRun run = CommandRun.of("validate", "--manifest", "no-such-manifest.yaml");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no-such-manifest.yaml");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CommandRun run = CommandRun.of("validate", "--manifest", MANIFEST, "--format", "csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }

    @Test
    void ruleTestsOfTheBundledPackAllPass() {
        CommandRun run = CommandRun.of("validate", "--rule-tests", "--root", "..");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("ok    win-atsvc-pipe-access  examples/atomic/remote-atexec/security.xml")
                .containsPattern("(\\d+) of \\1 rule tests passed")
                .doesNotContain("FAIL");
    }

    @Test
    void aRuleTestWhoseDataIsMissingFailsWithExitOne() {
        CommandRun run = CommandRun.of("validate", "--rule-tests", "--root", "no-such-root");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL");
    }

    private static void copyRulesExcept(Path target, String left) throws IOException {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().equals(left)) {
                    continue;
                }
                Path copy = target.resolve(RULES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
