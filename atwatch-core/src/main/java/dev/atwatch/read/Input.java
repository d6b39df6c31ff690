package dev.atwatch.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One input to read: a file (possibly gzip-compressed) or standard input.
 *
 * <p>{@link #open()} returns the decoded bytes (decompressed when the input is gzip). {@link
 * #path()} is present only for an uncompressed regular file, which readers that need random access
 * (EVTX) may map or read in parallel.
 */
public interface Input {

    /** The name used in locations: the path as given, or {@code -} for standard input. */
    String name();

    /** The uncompressed regular file behind this input, when there is one. */
    Optional<Path> path();

    /** The size in bytes of the stored input (compressed size for gzip), or -1 when unknown. */
    long size();

    /** Opens the decoded content from its start. Standard input can be opened only once. */
    InputStream open() throws IOException;
}
