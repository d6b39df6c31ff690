package dev.atwatch.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Following a stream: lines as they arrive, and the end. */
class FollowedStreamTest {

    /** Polls until a chunk arrives, for at most five seconds. */
    private static Chunk next(FollowedStream stream) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Chunk chunk = stream.poll();
            if (chunk != null) {
                return chunk;
            }
            Thread.sleep(Duration.ofMillis(10).toMillis());
        }
        throw new AssertionError("nothing arrived");
    }

    @Test
    void handsOutWholeLinesAsTheyArriveAndTheLastOneAtTheEnd() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(writer, 1 << 16);
        try (FollowedStream stream = new FollowedStream("-", in, 1024)) {
            writer.write("{\"a\":1}\n{\"b\"".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            Chunk first = next(stream);
            assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
            assertThat(stream.ended()).isFalse();

            writer.write(":2}".getBytes(StandardCharsets.UTF_8));
            writer.close();
            Chunk last = next(stream);
            assertThat(new String(last.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}\n");
            assertThat(last.firstLine()).isEqualTo(2);
            assertThat(last.offset()).isEqualTo(8);
            assertThat(stream.ended()).isTrue();
        }
    }

    @Test
    void aFailingStreamEndsWithItsError() throws Exception {
        java.io.InputStream broken =
                new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("device gone");
                    }
                };
        try (FollowedStream stream = new FollowedStream("-", broken, 1024)) {
            IOException failure = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (failure == null && System.nanoTime() < deadline) {
                try {
                    stream.poll();
                    Thread.sleep(10);
                } catch (IOException e) {
                    failure = e;
                }
            }
            assertThat(failure).hasMessage("device gone");
            assertThat(stream.ended()).isTrue();
        }
    }
}
