package dev.atwatch.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * An input made on the fly: a head, {@code count} copies of one byte, a tail. It lets tests feed
 * hundreds of megabytes without holding them, to show a reader's memory stays bounded.
 */
public record GeneratedInput(String name, String head, char filler, long count, String tail)
        implements Input {

    @Override
    public Optional<Path> path() {
        return Optional.empty();
    }

    @Override
    public long size() {
        return head.length() + count + tail.length();
    }

    @Override
    public InputStream open() {
        return new SequenceInputStream(
                new SequenceInputStream(bytes(head), new Repeat((byte) filler, count)),
                bytes(tail));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} copies of one byte. */
    private static final class Repeat extends InputStream {
        private final byte value;
        private long left;

        Repeat(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
