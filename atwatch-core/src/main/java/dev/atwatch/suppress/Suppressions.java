package dev.atwatch.suppress;

import dev.atwatch.event.Fields;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A team's allowlist of documented false positives, loaded from a YAML file:
 *
 * <pre>{@code
 * suppressions:
 *   - id: nightly-backup
 *     host: "BKP-*"
 *     parent: '*\veeam.backup.*.exe'
 *     command: /\bat(\.exe)?\s+\d{1,2}:\d{2}/i
 *     owner: infra-ops@example.org
 *     reason: the backup agent schedules its nightly job with at.exe
 *     expires: 2027-06-30
 * }</pre>
 *
 * <p>An entry suppresses an alert when every criterion it gives matches (see {@link Suppression}
 * and {@link AlertField} for the fields tested). Suppression is never silent: each match is counted
 * per entry, and entries past their {@code expires} day stop suppressing and are listed by {@link
 * #expired} so that a caller can warn. Instances are safe for concurrent use.
 */
public final class Suppressions {

    /** Largest suppression file read, in bytes. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private final List<Suppression> entries;
    private final LongAdder[] counts;

    private Suppressions(List<Suppression> entries) {
        this.entries = List.copyOf(entries);
        this.counts = new LongAdder[entries.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** An allowlist with no entries, which suppresses nothing. */
    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    /**
     * Loads a suppression file (UTF-8 YAML).
     *
     * @throws SuppressionFileException listing every problem, each with line and column, when the
     *     file is not YAML, is larger than {@link #MAX_FILE_BYTES}, or has an entry without {@code
     *     id}, {@code owner}, {@code reason} or any criterion, an unknown key, a bad pattern or
     *     date
     * @throws IOException when the file cannot be read
     */
    public static Suppressions load(Path file) throws IOException {
        String source = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new SuppressionFileException(
                    List.of(
                            new SuppressionFileException.Problem(
                                    source,
                                    0,
                                    0,
                                    "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES)));
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, source);
        }
    }

    /** Reads a suppression file from {@code reader}; {@code source} names it in problems. */
    public static Suppressions read(Reader reader, String source) throws SuppressionFileException {
        return new Suppressions(SuppressionFileParser.parse(reader, source));
    }

    /** The entries in file order. */
    public List<Suppression> entries() {
        return entries;
    }

    /**
     * The first entry, in file order, that is not expired on {@code today} and matches {@code
     * alert}; its count goes up by one.
     */
    public Optional<Suppression> match(Fields alert, LocalDate today) {
        for (int i = 0; i < entries.size(); i++) {
            Suppression entry = entries.get(i);
            if (!entry.expiredOn(today) && entry.matches(alert)) {
                counts[i].increment();
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** How many alerts each entry suppressed so far, by id, in file order, zeros included. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            snapshot.put(entries.get(i).id(), counts[i].sum());
        }
        return snapshot;
    }

    /** The entries past their last day on {@code today}, which no longer suppress anything. */
    public List<Suppression> expired(LocalDate today) {
        List<Suppression> past = new ArrayList<>();
        for (Suppression entry : entries) {
            if (entry.expiredOn(today)) {
                past.add(entry);
            }
        }
        return past;
    }
}
