package dev.atwatch.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared public data sets through the {@code atwatch.shared} system property. */
public final class SharedData {
    private SharedData() {}

    /** The data set file at {@code relative} under {@code datasets/}; skips the test if absent. */
    public static Path dataset(String relative) {
        String shared = System.getProperty("atwatch.shared");
        assumeTrue(shared != null, "system property atwatch.shared is not set");
        Path path = Path.of(shared, "datasets", relative);
        assumeTrue(Files.exists(path), "shared data set not found: " + path);
        return path;
    }
}
