package dev.atwatch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir Path dir;

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String content(Input input) throws IOException {
        try (InputStream in = input.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void directoriesAreRecursedInSortedOrderSkippingHiddenEntries() throws Exception {
        Files.createDirectories(dir.resolve("b/sub"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/sub/z.log"), "z");
        Files.writeString(dir.resolve("b/a.log"), "a");
        Files.writeString(dir.resolve("c.json"), "c");
        Files.writeString(dir.resolve(".hidden"), "h");
        Files.writeString(dir.resolve(".git/config"), "g");

        List<Input> inputs = Inputs.expand(List.of(dir.toString()));

        assertThat(inputs)
                .extracting(Input::name)
                .containsExactly(
                        dir.resolve("b/a.log").toString(),
                        dir.resolve("b/sub/z.log").toString(),
                        dir.resolve("c.json").toString());
        assertThat(inputs.get(0).path()).contains(dir.resolve("b/a.log"));
        assertThat(inputs.get(0).size()).isEqualTo(1);
    }

    @Test
    void symbolicLinkLoopIsVisitedOnce() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/one.log"), "1");
        Files.createSymbolicLink(dir.resolve("logs/loop"), dir.resolve("logs"));

        List<Input> inputs = Inputs.expand(List.of(dir.resolve("logs").toString()));

        assertThat(inputs)
                .extracting(Input::name)
                .containsExactly(dir.resolve("logs/one.log").toString());
    }

    @Test
    void missingPathIsAnErrorNamingThePathAndTheReason() {
        String missing = dir.resolve("nope.evtx").toString();

        assertThatThrownBy(() -> Inputs.expand(List.of(missing)))
                .isInstanceOf(Inputs.UnreadableInputException.class)
                .hasMessage(missing + ": no such file or directory")
                .satisfies(
                        e ->
                                assertThat(((Inputs.UnreadableInputException) e).path())
                                        .isEqualTo(missing));
    }

    @Test
    void brokenSymbolicLinkIsAnError() throws Exception {
        Path link = dir.resolve("dangling.log");
        Files.createSymbolicLink(link, dir.resolve("gone"));

        assertThatThrownBy(() -> Inputs.expand(List.of(link.toString())))
                .hasMessage(link + ": broken symbolic link");
    }

    @Test
    void brokenSymbolicLinkInADirectoryIsAnInputThatCannotBeOpenedWithTheReason() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/one.log"), "1");
        Path link = dir.resolve("logs/two.log");
        Files.createSymbolicLink(link, dir.resolve("gone.log"));

        List<Input> inputs = Inputs.expand(List.of(dir.resolve("logs").toString()));

        assertThat(inputs)
                .extracting(Input::name)
                .containsExactly(dir.resolve("logs/one.log").toString(), link.toString());
        assertThatThrownBy(() -> inputs.get(1).open())
                .isInstanceOf(java.io.IOException.class)
                .hasMessage(
                        "broken symbolic link (target " + dir.resolve("gone.log") + " is missing)");
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws Exception {
        Path disguised = dir.resolve("events.log");
        Files.write(disguised, gzip("hello"));
        Path plain = dir.resolve("plain.gz");
        Files.writeString(plain, "not compressed");

        List<Input> inputs = Inputs.expand(List.of(disguised.toString(), plain.toString()));

        assertThat(content(inputs.get(0))).isEqualTo("hello");
        assertThat(inputs.get(0).path()).isEmpty();
        assertThat(content(inputs.get(1))).isEqualTo("not compressed");
        assertThat(inputs.get(1).path()).contains(plain);
    }

    @Test
    void standardInputIsDecodedAndOpensOnce() throws Exception {
        Input stdin = Inputs.standardInput(new ByteArrayInputStream(gzip("from a pipe")));

        assertThat(stdin.name()).isEqualTo("-");
        assertThat(content(stdin)).isEqualTo("from a pipe");
        assertThatThrownBy(stdin::open)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("once");
    }
}
