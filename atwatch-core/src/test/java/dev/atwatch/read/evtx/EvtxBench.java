package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the reader over a folder of EVTX files: full conversion, or with a literal prefilter.
 * Usage: {@code EvtxBench DIR [--filter LITERAL]}. Prints bytes, records, events, MB/s and
 * records/s on one line.
 */
public final class EvtxBench {

    private EvtxBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String literal = null;
        int passes = 1;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--filter")) {
                literal = args[i + 1];
            } else if (args[i].equals("--passes")) {
                passes = Integer.parseInt(args[i + 1]);
            }
        }
        List<Path> files = files(dir);
        RecordFilter filter = literal == null ? null : Utf16Literals.of(List.of(literal));
        for (int pass = 1; pass <= passes; pass++) {
            pass(files, filter, literal);
        }
    }

    private static void pass(List<Path> files, RecordFilter filter, String literal)
            throws IOException {
        EvtxReader reader = new EvtxReader(filter);
        Counter counter = new Counter();
        long records = 0;
        long bytes = 0;
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (Path file : files) {
            EvtxSummary summary = reader.scan(Inputs.file(file), ReadOptions.DEFAULTS, counter);
            records += summary.events() + summary.filtered();
            bytes += summary.bytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "reader%s: %d files, %.1f MB, %d records, %d events, %d rejected,"
                        + " %.2f s, %.1f MB/s, %.0f records/s; %.2f CPU s, %.1f MB per CPU s%n",
                literal == null ? "" : " (filter '" + literal + "')",
                files.size(),
                bytes / 1e6,
                records,
                counter.events,
                counter.rejected,
                seconds,
                bytes / 1e6 / seconds,
                records / seconds,
                cpu,
                bytes / 1e6 / cpu);
    }

    /** CPU time of the whole process (all threads, JIT and GC included). */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getProcessCpuTime();
        }
        return 0;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return new ArrayList<>(
                    paths.filter(p -> p.toString().endsWith(".evtx")).sorted().toList());
        }
    }

    /** Counts events, touching each one's raw text so that nothing is optimised away. */
    private static final class Counter implements RecordSink {
        long events;
        long rejected;
        long chars;

        @Override
        public void event(Event event) {
            events++;
            chars += event.raw().length();
        }

        @Override
        public void rejected(Rejected rejected) {
            this.rejected++;
        }
    }
}
