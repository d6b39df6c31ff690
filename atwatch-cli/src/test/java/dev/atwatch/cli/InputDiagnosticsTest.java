package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the summary says about inputs that are not clean: where, what, and what was still read. */
class InputDiagnosticsTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "windows");
    private static final String REFERENCE =
            Path.of("..", "rules", "windows", "reference.yaml").toString();

    @TempDir Path dir;

    private static CommandRun hunt(Path input) {
        return CommandRun.of("hunt", "--rules", REFERENCE, "--format", "csv", input.toString());
    }

    @Test
    void jsonRecordsAreSkippedUnparsedByTheReferenceRulePrefilter() {
        CommandRun run = hunt(EXAMPLES.resolve("json-nxlog-at-cmd.json"));

        Matcher skipped =
                Pattern.compile("([0-9,]+) records skipped unparsed by the prefilter")
                        .matcher(run.err());
        assertThat(skipped.find()).as(run.err()).isTrue();
        assertThat(Long.parseLong(skipped.group(1).replace(",", ""))).isPositive();
        assertThat(run.err()).containsPattern("rule t1053-002-reference \\(.*\\): 6 row\\(s\\)");
    }

    @Test
    void brokenSymbolicLinkInAFolderIsListedAsASkippedInputWithItsReason() throws Exception {
        Files.copy(EXAMPLES.resolve("sysmon-at-cmd.xml"), dir.resolve("sysmon.xml"));
        Path link = dir.resolve("security.xml");
        Files.createSymbolicLink(link, dir.resolve("moved-away.xml"));

        CommandRun run = hunt(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains(
                        "skipped 1 input(s), cannot read: broken symbolic link (target "
                                + dir.resolve("moved-away.xml")
                                + " is missing): "
                                + link)
                .containsPattern("rule t1053-002-reference \\(.*\\): 3 row\\(s\\)");
    }

    @Test
    void byteThatIsNotUtf8DoesNotHideTheAtEventAndIsCountedAsAWarning() throws Exception {
        byte[] bytes = Files.readAllBytes(EXAMPLES.resolve("sysmon-at-cmd.xml"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("at  13:20 /interactive cmd");
        int company = text.lastIndexOf("<Data Name='Company'>Microsoft", at) + 25;
        bytes[company] = (byte) 0xff;
        Path file = dir.resolve("sysmon.xml");
        Files.write(file, bytes);
        long line = text.substring(0, company).lines().count();

        CommandRun run = hunt(file);

        assertThat(run.out()).contains("at  13:20 /interactive cmd");
        assertThat(run.err())
                .contains("0 rejected")
                .contains("warning xml.encoding: 1")
                .contains("at " + file + ":" + line + " #")
                .containsPattern("rule t1053-002-reference \\(.*\\): 3 row\\(s\\)");
    }

    @Test
    void lineOfGarbageBeforeAnExampleIsRejectedWithItsOffsetAndTheRowsAreFound() throws Exception {
        Path file = dir.resolve("security.log");
        Files.write(
                file,
                ("transcript of a collection script\r\n"
                                + Files.readString(
                                        EXAMPLES.resolve("security-4688-classic.log"),
                                        StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));

        CommandRun run =
                CommandRun.of(
                        "hunt", "--semantics", "portable", "--rules", REFERENCE, file.toString());

        assertThat(run.err())
                .contains("(winclassic 1)")
                .contains("rejected classic.leading-bytes: 1")
                .contains(
                        "at "
                                + file
                                + ":1 #1 @0 (35 bytes before the first event, from: 'transcript"
                                + " of a collection script')")
                .containsPattern("rule t1053-002-reference \\(.*\\): 6 row\\(s\\)");
    }
}
