package dev.atwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What standard output and standard error are connected to, for the choices that depend on it: the
 * progress line needs standard error to be a terminal; colours and fitting the table to the width
 * need standard output to be one.
 *
 * <p>Java 17 cannot ask {@code isatty}: on Linux the target of {@code /proc/self/fd/N} names the
 * device (a terminal is {@code /dev/pts/*}, {@code /dev/tty*} or {@code /dev/console}); where there
 * is no {@code /proc}, {@link System#console()} (standard input and output both terminals) stands
 * for both streams. The width is the terminal's own ({@code stty size} on its device), else {@code
 * COLUMNS}, else {@link #FALLBACK_WIDTH}.
 */
final class Terminal {

    /** Columns assumed when neither the terminal nor {@code COLUMNS} tells. */
    static final int FALLBACK_WIDTH = 80;

    /** Longest wait for {@code stty} to tell the width. */
    static final long STTY_MILLIS = 2000;

    /** Neither stream is a terminal: what tests running in-process see. */
    static final Terminal NONE = new Terminal(false, false, () -> 0);

    private static final Pattern TERMINAL_DEVICE =
            Pattern.compile("/dev/(pts/\\d+|tty[A-Za-z0-9]*|console)");

    private final boolean output;
    private final boolean errors;
    private final IntSupplier measure;
    private int width = -1;

    private Terminal(boolean output, boolean errors, IntSupplier measure) {
        this.output = output;
        this.errors = errors;
        this.measure = measure;
    }

    /** Streams as given, standard output on a terminal of {@code width} columns (for tests). */
    static Terminal of(boolean output, boolean errors, int width) {
        return new Terminal(output, errors, () -> width);
    }

    /** The streams of this process; {@code environment} gives {@code COLUMNS}. */
    static Terminal detect(Function<String, String> environment) {
        Path stdout = device(1);
        Path stderr = device(2);
        boolean console = System.console() != null;
        boolean output = stdout == null ? console : isTerminal(stdout);
        boolean errors = stderr == null ? console : isTerminal(stderr);
        Path measured = stdout == null ? Path.of("/dev/tty") : stdout;
        return new Terminal(output, errors, () -> width(measured, environment));
    }

    /** Whether standard output is a terminal. */
    boolean output() {
        return output;
    }

    /** Whether standard error is a terminal. */
    boolean errors() {
        return errors;
    }

    /** The columns of standard output's terminal; 0 when it is not a terminal. */
    synchronized int width() {
        if (!output) {
            return 0;
        }
        if (width < 0) {
            width = measure.getAsInt();
        }
        return width;
    }

    /** Whether {@code device} names a terminal device. */
    static boolean isTerminal(Path device) {
        return TERMINAL_DEVICE.matcher(device.toString()).matches();
    }

    /** What file descriptor {@code fd} is open on, or null when the system cannot tell. */
    private static Path device(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static int width(Path device, Function<String, String> environment) {
        int measured = sttyColumns(device);
        if (measured > 0) {
            return measured;
        }
        String columns = environment.apply("COLUMNS");
        if (columns != null && columns.strip().matches("\\d{1,4}")) {
            int value = Integer.parseInt(columns.strip());
            if (value > 0) {
                return value;
            }
        }
        return FALLBACK_WIDTH;
    }

    /** The columns {@code stty size} reports for {@code device}, or 0 when it cannot tell. */
    static int sttyColumns(Path device) {
        try {
            Process stty =
                    new ProcessBuilder("stty", "size")
                            .redirectInput(device.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            // the answer ("rows columns") is far smaller than a pipe's buffer
            if (!stty.waitFor(STTY_MILLIS, TimeUnit.MILLISECONDS)) {
                stty.destroyForcibly();
                return 0;
            }
            String answer;
            try (InputStream in = stty.getInputStream()) {
                answer = new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip();
            }
            String[] rowsAndColumns = answer.split("\\s+");
            boolean valid =
                    stty.exitValue() == 0
                            && rowsAndColumns.length == 2
                            && rowsAndColumns[1].matches("\\d{1,4}");
            return valid ? Integer.parseInt(rowsAndColumns[1]) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
