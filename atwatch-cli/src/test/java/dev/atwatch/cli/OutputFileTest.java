package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE}: written as a shell redirection writes, and checked before any input. */
class OutputFileTest {

    private static final String SYSMON =
            Path.of("..", "examples", "windows", "sysmon-at-cmd.xml").toString();

    @TempDir Path dir;

    @Test
    void newFileGetsTheDefaultPermissionsOfANewFile() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("alerts.csv");

        CommandRun run =
                CommandRun.of("hunt", "-q", "--format", "csv", "-o", out.toString(), SYSMON);

        assertThat(run.exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(out))
                .isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void existingFileKeepsItsPermissions() throws Exception {
        Path out = Files.writeString(dir.resolve("alerts.csv"), "old");
        for (String mode : new String[] {"rw-r--r--", "rw-rw----"}) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(mode));

            CommandRun.of("hunt", "-q", "--format", "csv", "-o", out.toString(), SYSMON);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo(mode);
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("rule,_time");
        }
    }

    @Test
    void symbolicLinkIsWrittenThroughAndKept() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("reports"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("reports/a.csv"));

        CommandRun run =
                CommandRun.of("hunt", "-q", "--format", "csv", "-o", link.toString(), SYSMON);

        assertThat(run.exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(folder.resolve("a.csv"), StandardCharsets.UTF_8))
                .startsWith("rule,_time");
        try (var left = Files.list(folder)) {
            assertThat(left).containsExactly(folder.resolve("a.csv"));
        }
    }

    @Test
    void missingFolderIsAnInputErrorBeforeAnythingIsRead() {
        String out = dir.resolve("no-such-folder").resolve("x.csv").toString();

        CommandRun run = CommandRun.of("hunt", "--format", "csv", "-o", out, "no/such/input");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .isEqualTo(
                        "error: cannot write -o "
                                + out
                                + ": the folder "
                                + dir.resolve("no-such-folder")
                                + " does not exist"
                                + System.lineSeparator());
    }

    @Test
    void folderAsOutputAndMissingSaveRunFolderAreInputErrors() {
        CommandRun folder = CommandRun.of("hunt", "-o", dir.toString(), SYSMON);
        CommandRun saveRun =
                CommandRun.of("hunt", "--save-run", dir.resolve("a/b.json").toString(), SYSMON);
        CommandRun convert =
                CommandRun.of("convert", "-o", dir.resolve("a/b.jsonl").toString(), SYSMON);
        CommandRun report = CommandRun.of("report", "-o", dir.resolve("a/r.html").toString(), "r");

        assertThat(folder.exitCode()).isEqualTo(3);
        assertThat(folder.err()).contains("cannot write -o " + dir + ": it is a folder");
        assertThat(saveRun.exitCode()).isEqualTo(3);
        assertThat(saveRun.err()).contains("cannot write --save-run").contains("does not exist");
        assertThat(convert.exitCode()).isEqualTo(3);
        assertThat(convert.err()).contains("cannot write -o").doesNotContain("events written");
        assertThat(report.exitCode()).isEqualTo(3);
        assertThat(report.err()).contains("cannot write -o");
    }
}
