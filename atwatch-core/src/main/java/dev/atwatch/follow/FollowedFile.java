package dev.atwatch.follow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A file followed by name, as {@code tail -F} does: what is appended is read as it arrives; when
 * another file takes the name (log rotation) the rest of the old one is read, then the new one from
 * its start; when the file shrinks (truncation) it is read again from its start; a file that does
 * not exist yet is waited for. Each of these is told to {@code notes}.
 *
 * <p>One poll reads at most {@link #POLL_BYTES} bytes, so a large backlog is handed out in parts.
 */
public final class FollowedFile implements LiveSource {

    /** Most bytes read by one {@link #poll()}. */
    public static final int POLL_BYTES = 8 << 20;

    private final Path path;
    private final String name;
    private final Consumer<String> notes;
    private final PendingLines pending;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private boolean fromEnd;
    private FileChannel channel;
    private Object fileKey;
    private long position;
    private boolean missingTold;

    /**
     * Opens the file when it exists, so that "its end" is where it ends now.
     *
     * @param fromStart read what the file already holds; otherwise start at its end, where line
     *     numbers are not known (locations then give byte offsets only)
     * @param maxLineBytes the longest line held back while it is being written
     */
    public FollowedFile(
            Path path, String name, boolean fromStart, int maxLineBytes, Consumer<String> notes) {
        this.path = path;
        this.name = name;
        this.fromEnd = !fromStart;
        this.notes = notes;
        this.pending = new PendingLines(maxLineBytes);
        try {
            open();
        } catch (IOException e) {
            notes.accept("cannot open " + name + " yet: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ended() {
        return false;
    }

    @Override
    public Chunk poll() throws IOException {
        if (channel == null && !open()) {
            return null;
        }
        if (channel.size() < position) {
            notes.accept(name + " was truncated; reading it again from its start");
            position = 0;
            Chunk rest = pending.flushAndRestart();
            if (rest != null) {
                return rest;
            }
        }
        int read = readAvailable();
        if (read == 0 && replaced()) {
            notes.accept(name + " was replaced (rotated); reading the new file from its start");
            Chunk last = pending.flushAndRestart();
            channel.close();
            channel = null;
            open();
            return last != null ? last : pending.take();
        }
        return pending.take();
    }

    /** Reads what was appended since the last poll, up to {@link #POLL_BYTES}. */
    private int readAvailable() throws IOException {
        int total = 0;
        while (total < POLL_BYTES) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            pending.append(buffer.array(), 0, n);
            position += n;
            total += n;
        }
        return total;
    }

    /** Whether the name now belongs to another file than the one open. */
    private boolean replaced() {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null && !Objects.equals(key, fileKey);
        } catch (IOException e) {
            return false; // gone for now: the open file may still grow
        }
    }

    private boolean open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (!missingTold) {
                notes.accept(name + " does not exist yet; waiting for it");
                missingTold = true;
            }
            fromEnd = false; // a file that appears later is read whole
            return false;
        }
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        position = fromEnd ? channel.size() : 0;
        if (position > 0) {
            pending.startAt(position);
        }
        fromEnd = false;
        if (missingTold) {
            notes.accept(name + " appeared; following it");
            missingTold = false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
