package dev.atwatch.read.evtx;

import dev.atwatch.read.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Inputs for tests: a regular file, or bytes seen as a stream without a file. */
final class Inputs {

    private Inputs() {}

    static Input file(Path path) {
        return new Input() {
            @Override
            public String name() {
                return path.toString();
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(path);
            }

            @Override
            public long size() {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }

    static Input stream(String name, byte[] bytes) {
        return new Input() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
