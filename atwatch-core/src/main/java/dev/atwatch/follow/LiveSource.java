package dev.atwatch.follow;

import java.io.Closeable;
import java.io.IOException;

/** Something followed for new lines: a file by name, or a stream. */
public interface LiveSource extends Closeable {

    /** The name used in locations: the path as given, or {@code -} for standard input. */
    String name();

    /**
     * The whole lines that arrived since the last call, or {@code null} when none did. A line still
     * being written is held back until its newline arrives, or until the source ends.
     */
    Chunk poll() throws IOException;

    /** Whether nothing more can arrive (the end of a stream); a file never ends. */
    boolean ended();
}
