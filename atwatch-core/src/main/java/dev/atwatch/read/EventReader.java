package dev.atwatch.read;

import java.io.IOException;

/**
 * A reader of one log format. Readers are stateless and may be shared between threads; each call to
 * {@link #read} reads one input from start to end.
 *
 * <p>A reader never throws on a bad record: it passes a {@link Rejected} to the sink with the
 * record's location and goes on. It throws {@link IOException} only when the input itself can no
 * longer be read.
 */
public interface EventReader {

    /** A short stable name, such as {@code winxml} or {@code evtx}, used in summaries. */
    String name();

    /**
     * Whether {@code head}, the first {@code length} bytes of an input (already decompressed, at
     * most 64 KiB), look like this format. Must not throw on any content.
     */
    boolean recognizes(byte[] head, int length);

    /**
     * Where in {@code head} the first record of this format starts, for an input that no reader
     * recognises from its start (a line of something else first, a file cut inside a record), or -1
     * when none is found. A reader that finds one must report the bytes before it as rejected when
     * it reads the input. Must not throw on any content.
     */
    default int firstRecord(byte[] head, int length) {
        return -1;
    }

    /** Reads every record of {@code input} and passes each event or rejection to {@code sink}. */
    void read(Input input, ReadOptions options, RecordSink sink) throws IOException;
}
