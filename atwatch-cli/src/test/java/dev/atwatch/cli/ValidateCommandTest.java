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
    void withoutAManifestTheInstallationsReplayIsRunFromAnyFolder() {
        // the tests run in atwatch-cli/, which has no examples/ of its own
        CommandRun run = CommandRun.of("validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("variants", "sysmon-classic")
                .containsPattern("(\\d+) of \\1 expected detections found, 0 missed");
    }

    @Test
    void theChainsSectionShowsEachLinkPerSourceAndTheExpectedChains() {
        CommandRun run = CommandRun.of("validate", "--manifest", MANIFEST);

        assertThat(run.out())
                .contains("test                 source                    created  registered")
                .containsPattern(
                        "t1-at-cmd +security-4688-no-cmdline +no +yes +no +partial +the input")
                .containsPattern("t1-at-cmd +sysmon +yes +yes +yes +complete\n")
                .containsPattern(
                        "t4-linux-at +\\(all sources\\) +yes +yes +yes +complete, as expected")
                .containsPattern("remote-atexec +\\(all sources\\) +no +no +no +no chain")
                .contains("; 5 of 5 expected chains linked");
    }

    @Test
    void aChainThatNoLongerLinksIsMissedAndExitsOne(@TempDir Path dir) throws IOException {
        Path atomic = Path.of("..", "examples", "atomic").toAbsolutePath().normalize();
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(
                manifest,
                "tests:\n"
                        + "  - id: creation-only\n"
                        + "    name: at.exe seen, nothing else\n"
                        + "    chain: complete\n"
                        + "    sources:\n"
                        + "      - source: security-classic\n"
                        + "        files: ["
                        + atomic.resolve("variants").resolve("security-classic.log")
                        + "]\n"
                        + "        expect: [win-at-exe-execution]\n");

        CommandRun run = CommandRun.of("validate", "--manifest", manifest.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("creation-only +\\(all sources\\) +yes +no +no +MISSED \\(partial")
                .contains("1 of 1 expected detections found, 0 missed")
                .contains("0 of 1 expected chains linked");
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
        JsonNode chain = doc.get("chains").get(0);
        assertThat(chain.get("test").asText()).isEqualTo("t1-at-cmd");
        assertThat(chain.get("source").asText()).isEqualTo("sysmon");
        assertThat(chain.get("created").asBoolean()).isTrue();
        assertThat(chain.get("registered").asBoolean()).isTrue();
        assertThat(chain.get("executed").asBoolean()).isTrue();
        assertThat(chain.get("status").asText()).isEqualTo("complete");
        assertThat(doc.get("chains").findValuesAsText("missed")).containsOnly("false");
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
    void ruleTestPathsAreResolvedAgainstTheInstallationByDefault() {
        CommandRun run = CommandRun.of("validate", "--rule-tests");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("ok    win-at-exe-execution  examples/windows/sysmon-classic.log")
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
