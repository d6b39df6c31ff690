package dev.atwatch.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where atwatch is installed: the folder that holds the files shipped beside the jar, such as
 * {@code examples/}. The jar is {@code atwatch-cli/target/atwatch.jar} of a checkout, so the
 * installation is the nearest folder above the jar (or above the compiled classes, when run from
 * the build) that holds the file looked for.
 */
final class Installation {

    /** How many folders above the jar are searched: the jar sits two below the checkout. */
    static final int MAX_DEPTH = 4;

    private Installation() {}

    /**
     * The file {@code relative} in the installation, when it exists there.
     *
     * @param relative a path relative to the installation's root, such as {@code
     *     examples/atomic/manifest.yaml}
     */
    static Optional<Path> find(Path relative) {
        Path from = codeLocation();
        for (int depth = 0; from != null && depth <= MAX_DEPTH; depth++) {
            Path candidate = from.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate.normalize());
            }
            from = from.getParent();
        }
        return Optional.empty();
    }

    /** The folder of the jar, or the compiled classes folder; null when it cannot be told. */
    private static Path codeLocation() {
        CodeSource source = Installation.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isDirectory(location) ? location : location.getParent();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
