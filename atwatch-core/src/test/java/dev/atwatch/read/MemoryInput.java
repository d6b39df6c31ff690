package dev.atwatch.read;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An input held in memory, optionally handed out a few bytes per read call, as a slow pipe or a
 * network stream would, so readers are tested on input cut at arbitrary boundaries.
 */
public record MemoryInput(String name, byte[] content, int bytesPerRead) implements Input {

    public static MemoryInput of(String name, String text) {
        return new MemoryInput(name, text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    public static MemoryInput of(String name, byte[] content) {
        return new MemoryInput(name, content, Integer.MAX_VALUE);
    }

    /** The same content, handed out at most {@code n} bytes per read. */
    public MemoryInput trickled(int n) {
        return new MemoryInput(name, content, n);
    }

    @Override
    public Optional<Path> path() {
        return Optional.empty();
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream open() {
        InputStream in = new ByteArrayInputStream(content);
        if (bytesPerRead == Integer.MAX_VALUE) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, bytesPerRead));
            }
        };
    }
}
