package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.output.hec.CollectorStub;
import dev.atwatch.output.hec.HecDelivery;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atwatch follow} on real files written while it runs, on standard input, to a real HTTP
 * collector, and stopped by a signal.
 */
class FollowCommandTest {

    private static final Path TEST4 = Path.of("..", "examples", "linux", "test4-at-job");
    private static final Path TEST5 = Path.of("..", "examples", "linux", "test5-sudo-at");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @AfterEach
    void restore() {
        FollowCommand.standardInput = System.in;
        RunOptions.environment = System::getenv;
    }

    private static void append(Path file, Path from) throws IOException {
        Files.write(file, Files.readAllBytes(from), StandardOpenOption.APPEND);
    }

    /** Rule and source of each JSON line. */
    private static List<String> alerts(String jsonLines) throws IOException {
        List<String> alerts = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                alerts.add(row.path("rule").asText() + " " + row.path("source").asText());
            }
        }
        return alerts;
    }

    private static List<String> hunted(Path... files) throws IOException {
        List<String> args = new ArrayList<>(List.of("hunt", "-q", "--format", "jsonl"));
        for (Path file : files) {
            args.add(file.toString());
        }
        CommandRun hunt = CommandRun.of(args.toArray(String[]::new));
        assertThat(hunt.exitCode()).isZero();
        return alerts(hunt.out());
    }

    @Test
    void printsEachAlertOnceAsAJsonLineWhileTheFilesGrowAndWhereHuntFindsIt() throws Exception {
        Path audit = Files.createFile(dir.resolve("audit.log"));
        Path syslog = Files.createFile(dir.resolve("syslog"));
        CompletableFuture<CommandRun> follow =
                CompletableFuture.supplyAsync(
                        () ->
                                CommandRun.of(
                                        "follow",
                                        "--interval",
                                        "200ms",
                                        "--span",
                                        "30s",
                                        "--exit-when-idle",
                                        "2s",
                                        audit.toString(),
                                        syslog.toString()));
        Thread.sleep(400);
        append(audit, TEST4.resolve("audit.log"));
        Thread.sleep(400);
        append(syslog, TEST4.resolve("syslog"));

        CommandRun run = follow.get(60, TimeUnit.SECONDS);

        assertThat(run.exitCode()).isZero();
        assertThat(alerts(run.out()))
                .hasSize(3)
                .containsExactlyInAnyOrderElementsOf(hunted(audit, syslog));
        assertThat(run.err())
                .contains("following " + audit + ", " + syslog)
                .containsPattern("followed 2 input\\(s\\) for [0-9.]+ s: 15,009 bytes, \\d+ search")
                .contains("3 alert(s), 0 suppressed, 0 record(s) rejected");
    }

    @Test
    void readsStandardInputToItsEndAndAppendsToTheOutputFile() throws Exception {
        byte[] journal = Files.readAllBytes(TEST5.resolve("journal.json"));
        FollowCommand.standardInput = new ByteArrayInputStream(journal);
        Path output = dir.resolve("alerts.jsonl");
        Files.writeString(output, "{\"earlier\":true}\n");

        CommandRun run = CommandRun.of("follow", "-q", "-o", output.toString(), "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
        List<String> expected =
                hunted(TEST5.resolve("journal.json")).stream()
                        .map(a -> a.replaceAll(" .*", ""))
                        .toList();
        assertThat(expected).isNotEmpty();
        assertThat(alerts(String.join("\n", lines.subList(1, lines.size()))))
                .extracting(a -> a.replaceAll(" .*", ""))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void sendsEachAlertToTheCollectorAsItIsFound() throws Exception {
        RunOptions.environment = Map.of(HecDelivery.TOKEN_VARIABLE, CollectorStub.TOKEN)::get;
        Path audit = dir.resolve("audit.log");
        Files.copy(TEST4.resolve("audit.log"), audit);
        try (CollectorStub collector = new CollectorStub(n -> 200)) {
            CommandRun run =
                    CommandRun.of(
                            "follow",
                            "--from-start",
                            "--exit-when-idle",
                            "1s",
                            "--hec-url",
                            collector.baseUrl(),
                            audit.toString());

            assertThat(run.exitCode()).isZero();
            assertThat(collector.accepted())
                    .extracting(e -> e.path("event").path("rule").asText())
                    .containsExactlyInAnyOrder("linux-at-job-scheduled", "linux-at-spool-write");
            assertThat(collector.accepted().get(0).path("host").asText()).isEqualTo("web01");
        }
    }

    @Test
    void aCollectorThatRefusesMakesTheExitCodeSaySoButFollowingGoesOn() throws Exception {
        RunOptions.environment = Map.of(HecDelivery.TOKEN_VARIABLE, CollectorStub.TOKEN)::get;
        Path audit = dir.resolve("audit.log");
        Files.copy(TEST4.resolve("audit.log"), audit);
        try (CollectorStub collector = new CollectorStub(n -> 400)) {
            CommandRun run =
                    CommandRun.of(
                            "follow",
                            "--from-start",
                            "--exit-when-idle",
                            "1s",
                            "--hec-url",
                            collector.baseUrl(),
                            audit.toString());

            assertThat(run.exitCode()).isEqualTo(HecDelivery.EXIT_NOT_DELIVERED);
            assertThat(run.err()).contains("HTTP 400");
            assertThat(alerts(run.out())).hasSize(2);
        }
    }

    @Test
    void usageErrorsSayWhatIsWrong() throws IOException {
        Path evtx = dir.resolve("Security.evtx");
        Files.write(evtx, "ElfFile\0rest of a header".getBytes(StandardCharsets.ISO_8859_1));
        Path log = Files.createFile(dir.resolve("audit.log"));

        assertThat(CommandRun.of("follow", dir.toString()).err())
                .contains("is a folder: follow takes the log files themselves");
        assertThat(CommandRun.of("follow", evtx.toString()).err())
                .contains("is an EVTX file")
                .contains("hunt a copy");
        Path gzip = dir.resolve("audit.log.1.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("type=EOE msg=audit(1.000:1): \n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(CommandRun.of("follow", gzip.toString()).err()).contains("is compressed (gzip)");
        assertThat(CommandRun.of("follow", "--interval", "soon", log.toString()).err())
                .contains("invalid value for --interval: 'soon'");
        CommandRun shortSpan =
                CommandRun.of("follow", "--interval", "1m", "--span", "10s", log.toString());
        assertThat(shortSpan.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortSpan.err()).contains("the span must be at least the interval");
        assertThat(CommandRun.of("follow", log.toString(), log.toString()).err())
                .contains("is given twice");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("bad.yaml"),
                "id: bad\nname: Bad\ndescription: x\nsearch: |\n  index=linux | eval x=if(\n");
        CommandRun badRule = CommandRun.of("follow", "--rules", rules.toString(), log.toString());
        assertThat(badRule.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRule.err()).contains("does not parse").contains("SPL002");
    }

    @Test
    void aFileThatIsNotThereYetIsWaitedFor() throws Exception {
        Path audit = dir.resolve("later.log");
        CompletableFuture<CommandRun> follow =
                CompletableFuture.supplyAsync(
                        () ->
                                CommandRun.of(
                                        "follow",
                                        "--interval",
                                        "200ms",
                                        "--exit-when-idle",
                                        "2s",
                                        audit.toString()));
        Thread.sleep(500);
        Files.copy(TEST4.resolve("audit.log"), audit);

        CommandRun run = follow.get(60, TimeUnit.SECONDS);

        assertThat(run.err())
                .contains("note: " + audit + " does not exist yet; waiting for it")
                .contains("note: " + audit + " appeared; following it");
        assertThat(alerts(run.out())).containsExactlyInAnyOrderElementsOf(hunted(audit));
    }

    @Test
    void aSignalEndsTheRunAfterALastSearchAndTheSummary() throws Exception {
        Path audit = Files.createFile(dir.resolve("audit.log"));
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName(),
                                "follow",
                                "--interval",
                                "1h",
                                "--span",
                                "2h",
                                audit.toString())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        try {
            waitFor(err, "following");
            append(audit, TEST4.resolve("audit.log"));
            Thread.sleep(1000); // the file is polled, but the next search is an hour away
            process.toHandle().destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(alerts(Files.readString(out)))
                    .containsExactlyInAnyOrderElementsOf(hunted(audit));
            assertThat(Files.readString(err)).contains("1 search(es), 2 alert(s)");
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits until {@code file} holds {@code text}, for at most 30 seconds. */
    private static void waitFor(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(file)).contains(text);
    }
}
