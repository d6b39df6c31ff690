package dev.atwatch.read.syslog;

import dev.atwatch.read.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An input over bytes in memory or a file, as the command line would give one. */
public record MemoryInput(String name, byte[] content, Path file) implements Input {

    public static MemoryInput of(String name, String text) {
        return new MemoryInput(name, text.getBytes(StandardCharsets.UTF_8), null);
    }

    public static MemoryInput of(Path file) throws IOException {
        return new MemoryInput(file.toString(), Files.readAllBytes(file), file);
    }

    @Override
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }
}
