package dev.atwatch.output.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON form of a {@link RunReport}: written by {@code --save-run} and {@code --format
 * run-json}, read by {@code atwatch report}. Unknown keys are ignored so that a newer run file
 * still reads.
 */
public final class RunReportJson {

    /** Largest run file read, in bytes. */
    public static final long MAX_FILE_BYTES = 512L << 20;

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunReportJson() {}

    public static void write(RunReport report, Writer out) throws IOException {
        JSON.writerFor(RunReport.class)
                .without(SerializationFeature.CLOSE_CLOSEABLE)
                .writeValue(new NonClosing(out), report);
        out.write('\n');
        out.flush();
    }

    /**
     * Reads a run file.
     *
     * @throws RunFileException when the file is too large, not JSON, or not a run document
     * @throws IOException when the file cannot be read
     */
    public static RunReport read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new RunFileException(
                    file + " is " + size + " bytes; the limit for a run file is " + MAX_FILE_BYTES);
        }
        try (InputStream in = Files.newInputStream(file)) {
            RunReport report = JSON.readValue(in, RunReport.class);
            if (report == null || report.summary() == null) {
                throw new RunFileException(file + " is not an atwatch run file (no summary)");
            }
            return report;
        } catch (JsonProcessingException e) {
            throw new RunFileException(
                    file + " is not an atwatch run file: " + e.getOriginalMessage());
        }
    }

    /** A run file that cannot be used. */
    public static final class RunFileException extends IOException {
        public RunFileException(String message) {
            super(message);
        }
    }

    /** Keeps Jackson from closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
