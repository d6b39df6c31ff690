package dev.atwatch.read.auditd;

import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one audit log with {@link AuditdReader} and prints its throughput on one line: {@code bytes
 * events rejected seconds MB/s events/s}. Used by {@code bench/auditd/run.sh}.
 */
public final class AuditdBench {

    private AuditdBench() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean twoThreads = args.length > 2 && args[2].equals("two-threads");
        AuditdReader reader =
                twoThreads
                        ? new AuditdReader(AuditdReader.DEFAULT_OPEN_EVENTS, 0)
                        : new AuditdReader();
        for (int round = 1; round <= rounds; round++) {
            measure(reader, file, round);
        }
    }

    private static void measure(AuditdReader reader, Path file, int round) throws IOException {
        Counter counter = new Counter();
        long start = System.nanoTime();
        reader.read(fileInput(file), ReadOptions.DEFAULTS, counter);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(file);
        System.out.printf(
                Locale.ROOT,
                "round %d: %d bytes, %d events, %d rejected, %.2f s, %.1f MB/s, %.0f events/s%n",
                round,
                bytes,
                counter.events,
                counter.rejected,
                seconds,
                bytes / 1e6 / seconds,
                counter.events / seconds);
    }

    private static Input fileInput(Path file) {
        return new Input() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(file);
            }

            @Override
            public long size() {
                return file.toFile().length();
            }

            @Override
            public InputStream open() throws IOException {
                return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            }
        };
    }

    /** Counts events, touching a field of each so that none is optimised away. */
    private static final class Counter implements RecordSink {
        long events;
        long rejected;
        long fields;

        @Override
        public void event(Event event) {
            events++;
            if (event.get("type") != null) {
                fields++;
            }
        }

        @Override
        public void rejected(Rejected rejected) {
            this.rejected++;
        }
    }
}
