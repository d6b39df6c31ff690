package dev.atwatch.flink;

import dev.atwatch.read.Input;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Text held in memory, read as an input of the given name. */
record TextInput(String name, byte[] bytes) implements Input {

    @Override
    public Optional<Path> path() {
        return Optional.empty();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }
}
