package dev.atwatch.follow;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.Input;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The lines of one source that are still within the span: chunks in arrival order, each with the
 * time it arrived and how many searches have seen it. A search reads them as one input; a location
 * in that input is turned back into the file's own (see {@link #locate}).
 */
final class LiveWindow {

    /** A chunk held, with where it starts in the window's bytes and lines. */
    static final class Held {
        final Chunk chunk;
        final long arrived;
        int searches;
        long windowOffset;
        long windowLine;

        Held(Chunk chunk, long arrived) {
            this.chunk = chunk;
            this.arrived = arrived;
        }
    }

    /** A location of the file, with the chunk holding it. */
    record Located(Provenance where, Held held) {}

    private final String name;
    private final Deque<Held> chunks = new ArrayDeque<>();
    private long bytes;

    LiveWindow(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void add(Chunk chunk, long now) {
        chunks.addLast(new Held(chunk, now));
        bytes += chunk.bytes().length;
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Bytes that no search has seen yet. */
    long unsearchedBytes() {
        long unsearched = 0;
        for (Held held : chunks) {
            if (held.searches == 0) {
                unsearched += held.chunk.bytes().length;
            }
        }
        return unsearched;
    }

    /**
     * Drops, oldest first, the chunks that arrived before {@code before} or that make the window
     * larger than {@code maxBytes}, but only those two searches have seen: a chunk is always
     * searched once as new and once with what arrived after it (the rest of an event or of a
     * multi-line record). The chunk after a dropped one must have been seen twice as well, so that
     * the first chunk of a window that lost lines is one whose events were all reported before: an
     * event cut by the window's start is never taken for a new one. Returns the bytes dropped.
     */
    long evict(long before, long maxBytes) {
        long dropped = 0;
        while (chunks.size() > 1) {
            Held oldest = chunks.removeFirst();
            Held next = chunks.peekFirst();
            boolean old = oldest.arrived < before || bytes > maxBytes;
            if (!old || oldest.searches < 2 || next.searches < 2) {
                chunks.addFirst(oldest);
                break;
            }
            bytes -= oldest.chunk.bytes().length;
            dropped += oldest.chunk.bytes().length;
        }
        return dropped;
    }

    /**
     * The window's bytes as one input named as the source, fixing each chunk's place in it. The
     * chunks are read one after the other, not copied together.
     */
    Input input() {
        List<byte[]> parts = new ArrayList<>(chunks.size());
        long offset = 0;
        long line = 1;
        for (Held held : chunks) {
            held.windowOffset = offset;
            held.windowLine = line;
            parts.add(held.chunk.bytes());
            offset += held.chunk.bytes().length;
            line += held.chunk.lines();
        }
        return new WindowInput(name, List.copyOf(parts), offset);
    }

    /** Marks every chunk as seen by one more search. */
    void searched() {
        for (Held held : chunks) {
            held.searches++;
        }
    }

    /**
     * The file's own location of {@code where}, a location in the window's input, with the chunk it
     * falls in; empty when it is not in this window.
     */
    Optional<Located> locate(Provenance where) {
        if (where == null || !where.input().equals(name) || where.offset() < 0) {
            return Optional.empty();
        }
        Held found = null;
        for (Held held : chunks) {
            if (held.windowOffset > where.offset()) {
                break;
            }
            found = held;
        }
        if (found == null) {
            return Optional.empty();
        }
        Chunk chunk = found.chunk;
        long offset = chunk.offset() + (where.offset() - found.windowOffset);
        long line =
                where.line() > 0 && chunk.firstLine() > 0
                        ? chunk.firstLine() + (where.line() - found.windowLine)
                        : 0;
        Provenance file = new Provenance(name, 0, line, offset, where.sharedLine());
        return Optional.of(new Located(file, found));
    }

    List<Held> held() {
        return new ArrayList<>(chunks);
    }

    /** A window's chunks, read in order as an input of the source's name. */
    private record WindowInput(String name, List<byte[]> parts, long size) implements Input {
        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public InputStream open() {
            Iterator<byte[]> next = parts.iterator();
            return new SequenceInputStream(
                    new Enumeration<InputStream>() {
                        @Override
                        public boolean hasMoreElements() {
                            return next.hasNext();
                        }

                        @Override
                        public InputStream nextElement() {
                            return new ByteArrayInputStream(next.next());
                        }
                    });
        }
    }
}
