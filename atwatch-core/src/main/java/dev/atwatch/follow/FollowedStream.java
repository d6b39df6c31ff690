package dev.atwatch.follow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream followed as it arrives, such as standard input fed by {@code tail -F} or {@code
 * journalctl -f -o json}: a daemon thread reads it into a bounded queue of blocks (the stream waits
 * when polls fall behind), and it has ended once its end was read and everything handed out.
 */
public final class FollowedStream implements LiveSource {

    private static final int BLOCK_BYTES = 1 << 16;
    private static final int QUEUED_BLOCKS = 256;

    /** Marks the end of the stream in the queue. */
    private static final byte[] END = new byte[0];

    private final String name;
    private final InputStream in;
    private final PendingLines pending;
    private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private volatile IOException failure;
    private boolean atEnd;
    private boolean ended;

    /** Starts reading {@code in} on a daemon thread. */
    public FollowedStream(String name, InputStream in, int maxLineBytes) {
        this.name = name;
        this.in = in;
        this.pending = new PendingLines(maxLineBytes);
        Thread reader = new Thread(this::readAll, "atwatch-follow-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try {
            while (true) {
                byte[] block = new byte[BLOCK_BYTES];
                int n = in.read(block);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    blocks.put(n == block.length ? block : java.util.Arrays.copyOf(block, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            blocks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Chunk poll() throws IOException {
        List<byte[]> arrived = new ArrayList<>();
        blocks.drainTo(arrived);
        for (byte[] block : arrived) {
            if (block == END) {
                atEnd = true;
            } else {
                pending.append(block, 0, block.length);
            }
        }
        if (!atEnd) {
            return pending.take();
        }
        ended = true;
        if (failure != null) {
            IOException e = failure;
            failure = null;
            throw e;
        }
        return pending.flush();
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
