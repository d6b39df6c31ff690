package dev.atwatch.read.evtx;

import dev.atwatch.read.windows.WindowsEventRecord;
import java.util.ArrayList;
import java.util.List;

/** What decoding one chunk produced, in file order, for delivery on the reading thread. */
final class ChunkResult {

    /** One item of a chunk's outcome. */
    sealed interface Outcome {}

    /** A decoded record at file offset {@code offset}. */
    record Parsed(WindowsEventRecord record, long offset) implements Outcome {}

    /** A record the filter rejected; counted, not decoded. */
    record Filtered(long offset) implements Outcome {}

    /**
     * A problem at file offset {@code offset}; {@code isRecord} when it stands for one record
     * (which then takes a record number), not for a chunk or a run of bytes.
     */
    record Failed(long offset, boolean isRecord, String reason, String detail) implements Outcome {}

    private final long fileOffset;
    private final int length;
    private final List<Outcome> outcomes = new ArrayList<>();

    ChunkResult(long fileOffset, int length) {
        this.fileOffset = fileOffset;
        this.length = length;
    }

    long fileOffset() {
        return fileOffset;
    }

    /** How many bytes of the input the chunk covers. */
    int length() {
        return length;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    void add(Outcome outcome) {
        outcomes.add(outcome);
    }
}
