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
