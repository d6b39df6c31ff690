package dev.atwatch.read.evtx;

import dev.atwatch.read.Input;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Reads an input in blocks: from a file channel when there is a file, else from the stream. */
abstract class Blocks implements Closeable {

    /**
     * Fills {@code into} with up to {@code length} bytes; returns how many were read, fewer only at
     * the end of the input (0 there).
     */
    abstract int read(byte[] into, int length) throws IOException;

    static Blocks open(Input input) throws IOException {
        Optional<java.nio.file.Path> path = input.path();
        if (path.isPresent()) {
            return new FileBlocks(FileChannel.open(path.get(), StandardOpenOption.READ));
        }
        return new StreamBlocks(input.open());
    }

    /**
     * Blocks that start with the {@code length} bytes of {@code head}, then go on with {@code
     * rest}.
     */
    static Blocks replaying(byte[] head, int length, Blocks rest) {
        return new Blocks() {
            private int replayed;

            @Override
            int read(byte[] into, int count) throws IOException {
                int fromHead = Math.min(count, length - replayed);
                System.arraycopy(head, replayed, into, 0, fromHead);
                replayed += fromHead;
                if (fromHead == count) {
                    return count;
                }
                byte[] tail = new byte[count - fromHead];
                int read = rest.read(tail, tail.length);
                System.arraycopy(tail, 0, into, fromHead, read);
                return fromHead + read;
            }

            @Override
            public void close() throws IOException {
                rest.close();
            }
        };
    }

    private static final class FileBlocks extends Blocks {
        private final FileChannel channel;

        FileBlocks(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        int read(byte[] into, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            return buffer.position();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class StreamBlocks extends Blocks {
        private final InputStream stream;

        StreamBlocks(InputStream stream) {
            this.stream = stream;
        }

        @Override
        int read(byte[] into, int length) throws IOException {
            return stream.readNBytes(into, 0, length);
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
