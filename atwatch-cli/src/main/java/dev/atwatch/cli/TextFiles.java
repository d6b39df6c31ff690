package dev.atwatch.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the small UTF-8 text files a command is given: a search, a macros file. */
final class TextFiles {

    private TextFiles() {}

    /**
     * The content of {@code file}.
     *
     * @param what what the file is, for messages ({@code search file})
     * @throws InputException (exit code 3) when the file is missing, a directory, unreadable or not
     *     UTF-8 text, naming the file and why
     */
    static String read(String what, Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(what + " " + file + " is a directory, not a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new InputException("cannot read " + what + " " + file + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new InputException(what + " " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new InputException(what + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException("cannot read " + what + " " + file + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
