package dev.atwatch.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Turns the paths a user names into {@link Input}s: files as they are, directories recursed in
 * sorted order (hidden entries skipped, symbolic-link loops visited once), and {@code -} for
 * standard input. Gzip content is recognised by its magic bytes, never by its file name, and is
 * decompressed transparently by {@link Input#open()}. A broken symbolic link inside a directory is
 * kept as an input that cannot be opened, so that the run reports it as skipped, with why.
 */
public final class Inputs {

    /** The name that stands for standard input. */
    public static final String STDIN = "-";

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final int BUFFER_BYTES = 64 * 1024;

    private Inputs() {}

    /** A path that cannot be read, with the reason; the command line turns it into exit code 3. */
    public static final class UnreadableInputException extends Exception {
        private final String path;

        public UnreadableInputException(String path, String reason) {
            super(path + ": " + reason);
            this.path = path;
        }

        /** The path as the user gave it (or as found under a directory). */
        public String path() {
            return path;
        }
    }

    /**
     * Expands {@code paths} in order. A directory contributes its regular files, recursively,
     * sorted by name, skipping entries whose name starts with a dot; a broken symbolic link in it
     * becomes an input whose {@link Input#open()} fails with the reason.
     *
     * @throws UnreadableInputException for the first path that is missing or cannot be read
     */
    public static List<Input> expand(List<String> paths) throws UnreadableInputException {
        List<Input> inputs = new ArrayList<>();
        for (String name : paths) {
            if (name.equals(STDIN)) {
                inputs.add(standardInput(System.in));
            } else {
                expandPath(name, inputs);
            }
        }
        return inputs;
    }

    /** One file; it is probed for gzip content now so that {@link Input#path()} is accurate. */
    public static Input file(Path file) throws UnreadableInputException {
        String name = file.toString();
        if (!Files.isReadable(file)) {
            throw new UnreadableInputException(name, "permission denied");
        }
        try {
            return new FileInput(name, file, Files.size(file), isGzip(file));
        } catch (IOException e) {
            throw new UnreadableInputException(name, reason(e));
        }
    }

    /** Standard input (or any stream), named {@code -}; it can be opened only once. */
    public static Input standardInput(InputStream in) {
        return new StreamInput(STDIN, in);
    }

    /**
     * Decodes {@code raw}: gzip content is decompressed, then text that starts with a UTF-16
     * byte-order mark (as PowerShell writes redirected output) is transcoded to UTF-8; anything
     * else is passed through unchanged.
     */
    public static InputStream decoded(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        InputStream content =
                startsWith(in, GZIP_MAGIC_0, GZIP_MAGIC_1)
                        ? new PushbackInputStream(new GZIPInputStream(in, BUFFER_BYTES), 2)
                        : in;
        PushbackInputStream text = (PushbackInputStream) content;
        if (startsWith(text, 0xff, 0xfe)) {
            text.skipNBytes(2);
            return new Utf16Transcoder(text, StandardCharsets.UTF_16LE);
        }
        if (startsWith(text, 0xfe, 0xff)) {
            text.skipNBytes(2);
            return new Utf16Transcoder(text, StandardCharsets.UTF_16BE);
        }
        return text;
    }

    /**
     * Whether the next two bytes of {@code in} are {@code first} and {@code second}; consumes none.
     */
    private static boolean startsWith(PushbackInputStream in, int first, int second)
            throws IOException {
        byte[] magic = new byte[2];
        int n = in.readNBytes(magic, 0, 2);
        if (n > 0) {
            in.unread(magic, 0, n);
        }
        return n == 2 && (magic[0] & 0xff) == first && (magic[1] & 0xff) == second;
    }

    private static void expandPath(String name, List<Input> inputs)
            throws UnreadableInputException {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            String reason =
                    Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                            ? "broken symbolic link"
                            : "no such file or directory";
            throw new UnreadableInputException(name, reason);
        }
        if (Files.isDirectory(path)) {
            expandDirectory(path, inputs);
        } else if (Files.isRegularFile(path)) {
            inputs.add(file(path));
        } else {
            inputs.add(new StreamInput(name, null, path));
        }
    }

    private static void expandDirectory(Path directory, List<Input> inputs)
            throws UnreadableInputException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(
                    directory,
                    EnumSet.of(FileVisitOption.FOLLOW_LINKS),
                    Integer.MAX_VALUE,
                    new SortedVisitor(directory, files));
        } catch (IOException e) {
            throw new UnreadableInputException(directory.toString(), reason(e));
        }
        files.sort(null);
        for (Path file : files) {
            inputs.add(
                    Files.exists(file)
                            ? file(file)
                            : new UnopenableInput(file.toString(), brokenLink(file)));
        }
    }

    /** Why a broken symbolic link cannot be read: its target, which does not exist. */
    private static String brokenLink(Path link) {
        try {
            return "broken symbolic link (target " + Files.readSymbolicLink(link) + " is missing)";
        } catch (IOException e) {
            return "broken symbolic link";
        }
    }

    /**
     * Collects regular files, skipping hidden entries below the root. A directory loop through a
     * symbolic link is reported by the walk as a visit failure and skipped, so each directory is
     * read once.
     */
    private static final class SortedVisitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> files;

        SortedVisitor(Path root, List<Path> files) {
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir)
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
        }

        /**
         * Keeps regular files, and symbolic links: the walk, which follows links, passes a link
         * with its own attributes only when its target is missing.
         */
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && !hidden(file)) {
                files.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof java.nio.file.FileSystemLoopException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }

        private static boolean hidden(Path path) {
            Path name = path.getFileName();
            return name != null && name.toString().startsWith(".");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** An input found under a directory that cannot be opened, such as a broken link. */
    private record UnopenableInput(String name, String reason) implements Input {
        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public InputStream open() throws IOException {
            throw new IOException(reason);
        }
    }

    /** A regular file, decoded on open (see {@link #decoded}). */
    private record FileInput(String name, Path file, long size, boolean gzip) implements Input {
        @Override
        public Optional<Path> path() {
            return gzip ? Optional.empty() : Optional.of(file);
        }

        @Override
        public InputStream open() throws IOException {
            return decoded(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES));
        }
    }

    /** A stream read once: standard input, or a special file such as a named pipe. */
    private static final class StreamInput implements Input {
        private final String name;
        private final Path special;
        private InputStream stream;

        StreamInput(String name, InputStream stream) {
            this(name, stream, null);
        }

        StreamInput(String name, InputStream stream, Path special) {
            this.name = name;
            this.stream = stream;
            this.special = special;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public synchronized InputStream open() throws IOException {
            if (special != null) {
                return decoded(new BufferedInputStream(Files.newInputStream(special)));
            }
            if (stream == null) {
                throw new IOException(name + " can be read only once");
            }
            InputStream in = stream;
            stream = null;
            return decoded(new BufferedInputStream(in, BUFFER_BYTES));
        }
    }

    /**
     * UTF-16 text re-encoded as UTF-8, so that readers, which all read UTF-8, see the same events;
     * offsets are then of the UTF-8 stream. An unpaired surrogate becomes U+FFFD.
     */
    private static final class Utf16Transcoder extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder =
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
        private boolean end;

        Utf16Transcoder(InputStream in, Charset charset) {
            this.reader = new InputStreamReader(in, charset);
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (end) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        private void fill() throws IOException {
            bytes.clear();
            int read = reader.read(chars);
            end = read < 0;
            chars.flip();
            encoder.encode(chars, bytes, end);
            if (end) {
                encoder.flush(bytes);
            }
            chars.compact();
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
