package dev.atwatch.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a file by name: partial lines, rotation, truncation, a file that appears later. */
class FollowedFileTest {

    @TempDir Path dir;

    private final List<String> notes = new ArrayList<>();

    private FollowedFile follow(Path file, boolean fromStart) {
        return new FollowedFile(file, file.toString(), fromStart, 1024, notes::add);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(
                file,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String text(Chunk chunk) {
        return new String(chunk.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void startsAtTheEndUnlessAskedToReadFromTheStart() throws IOException {
        Path log = dir.resolve("auth.log");
        append(log, "old 1\nold 2\n");
        try (FollowedFile fromEnd = follow(log, false);
                FollowedFile fromStart = follow(log, true)) {
            assertThat(fromEnd.poll()).isNull();
            Chunk all = fromStart.poll();
            assertThat(text(all)).isEqualTo("old 1\nold 2\n");
            assertThat(all.firstLine()).isEqualTo(1);

            append(log, "new 3\n");
            Chunk added = fromEnd.poll();
            assertThat(text(added)).isEqualTo("new 3\n");
            assertThat(added.offset()).isEqualTo(12);
            assertThat(added.firstLine()).as("not counted from the end").isZero();
            assertThat(fromStart.poll().firstLine()).isEqualTo(3);
        }
    }

    @Test
    void holdsBackALineUntilItsNewlineArrives() throws IOException {
        Path log = dir.resolve("audit.log");
        append(log, "");
        try (FollowedFile file = follow(log, true)) {
            append(log, "type=SYSCALL msg=audit(1.000:1): a\ntype=EXEC");
            assertThat(text(file.poll())).isEqualTo("type=SYSCALL msg=audit(1.000:1): a\n");
            assertThat(file.poll()).isNull();

            append(log, "VE msg=audit(1.000:1): argc=1\n");
            Chunk rest = file.poll();
            assertThat(text(rest)).isEqualTo("type=EXECVE msg=audit(1.000:1): argc=1\n");
            assertThat(rest.offset()).isEqualTo("type=SYSCALL msg=audit(1.000:1): a\n".length());
            assertThat(rest.firstLine()).isEqualTo(2);
        }
    }

    @Test
    void readsTheRestOfARotatedFileThenTheNewOneFromItsStart() throws IOException {
        Path log = dir.resolve("syslog");
        append(log, "");
        try (FollowedFile file = follow(log, false)) {
            append(log, "before rotation\nunfinished");
            assertThat(text(file.poll())).isEqualTo("before rotation\n");

            Files.move(log, dir.resolve("syslog.1"));
            append(log, "first of the new file\n");
            Chunk last = file.poll();
            assertThat(text(last)).as("the old file's last line, ended").isEqualTo("unfinished\n");
            assertThat(last.generation()).isZero();

            Chunk fresh = file.poll();
            assertThat(text(fresh)).isEqualTo("first of the new file\n");
            assertThat(fresh.generation()).isEqualTo(1);
            assertThat(fresh.offset()).isZero();
            assertThat(fresh.firstLine()).isEqualTo(1);
            assertThat(notes).anyMatch(n -> n.contains("rotated"));
        }
    }

    @Test
    void readsATruncatedFileAgainFromItsStart() throws IOException {
        Path log = dir.resolve("messages");
        append(log, "");
        try (FollowedFile file = follow(log, false)) {
            append(log, "a long line before truncation\n");
            assertThat(file.poll().generation()).isZero();

            Files.writeString(log, "short\n");
            Chunk after = file.poll();
            assertThat(text(after)).isEqualTo("short\n");
            assertThat(after.generation()).isEqualTo(1);
            assertThat(after.firstLine()).isEqualTo(1);
            assertThat(notes).anyMatch(n -> n.contains("truncated"));
        }
    }

    @Test
    void waitsForAFileThatDoesNotExistYetAndReadsItWhole() throws IOException {
        Path log = dir.resolve("later.log");
        try (FollowedFile file = follow(log, false)) {
            assertThat(file.poll()).isNull();
            assertThat(file.poll()).isNull();
            assertThat(notes).containsExactly(log + " does not exist yet; waiting for it");

            append(log, "written before the first poll saw it\n");
            assertThat(text(file.poll())).isEqualTo("written before the first poll saw it\n");
            assertThat(notes).last().asString().contains("appeared");
        }
    }

    @Test
    void handsOutALineLongerThanTheLimitSoThatMemoryStaysBounded() throws IOException {
        Path log = dir.resolve("long.log");
        append(log, "");
        try (FollowedFile file = follow(log, true)) {
            append(log, "x".repeat(3000));
            Chunk part = file.poll();
            assertThat(part.bytes()).hasSize(3000);
            assertThat(part.lines()).isZero();

            append(log, "y\nnext\n");
            Chunk rest = file.poll();
            assertThat(text(rest)).isEqualTo("y\nnext\n");
            assertThat(rest.firstLine()).as("still the first line").isEqualTo(1);
        }
    }
}
