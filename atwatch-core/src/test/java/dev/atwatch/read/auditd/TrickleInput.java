package dev.atwatch.read.auditd;

import dev.atwatch.read.Input;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** An input whose stream hands out at most {@code step} bytes per read, to cut lines anywhere. */
public record TrickleInput(String name, byte[] content, int step) implements Input {

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
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }
}
