package dev.atwatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where results go: standard output, or a file written atomically (a temporary file in the same
 * folder, renamed over the target when complete, so a reader never sees half a report).
 *
 * <p>A file is written as a shell redirection would write it: through a symbolic link to the file
 * it points to (the link stays), keeping the permissions of a file that exists, and with the
 * default permissions of a new file (those the umask leaves) otherwise.
 */
final class Output {

    /** Most symbolic links followed from an output path to its file, as Linux allows. */
    static final int MAX_SYMLINKS = 40;

    /** Writes something to a writer; may throw I/O errors. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private Output() {}

    /**
     * Checks, before anything is read, that {@code file} (given with {@code option}) can be
     * written: its folder exists and is writable, and it is not itself a folder. Does nothing for
     * {@code null} (standard output).
     *
     * @throws InputException naming the option, the path and what is wrong
     */
    static void checkWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        String problem;
        try {
            problem = problem(resolve(file));
        } catch (IOException e) {
            problem = "cannot follow its link: " + e.getMessage();
        }
        if (problem != null) {
            throw new InputException("cannot write " + option + " " + file + ": " + problem);
        }
    }

    /** What stops {@code target} from being written, or null. */
    private static String problem(Path target) {
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        Path folder = target.getParent();
        if (!Files.exists(folder)) {
            return "the folder " + folder + " does not exist";
        }
        if (!Files.isDirectory(folder)) {
            return folder + " is not a folder";
        }
        if (!Files.isWritable(folder)) {
            return "the folder " + folder + " is not writable";
        }
        return null;
    }

    static void write(Path file, Writer stdout, Body body) throws IOException {
        if (file == null) {
            body.writeTo(stdout);
            stdout.flush();
            return;
        }
        Path target = resolve(file);
        Path temp = createTemp(target);
        try {
            keepPermissions(target, temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.writeTo(out);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file {@code file} names once every symbolic link is followed (it may not exist). */
    static Path resolve(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_SYMLINKS) {
                throw new IOException("more than " + MAX_SYMLINKS + " symbolic links");
            }
            path = path.resolveSibling(Files.readSymbolicLink(path));
        }
        return path.normalize();
    }

    /**
     * A new, empty temporary file beside {@code target}, created as any new file is (with the
     * permissions the umask leaves, unlike {@link Files#createTempFile}, which gives 0600).
     */
    private static Path createTemp(Path target) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
            try (OutputStream created =
                    Files.newOutputStream(
                            temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another name is drawn
            }
        }
    }

    /** Gives {@code temp} the permissions of {@code target} when it exists. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the new file keeps the default permissions
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
