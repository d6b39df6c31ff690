package dev.atwatch.detect;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one run, safe to update from several reading threads: what was read, what was
 * rejected and why (with the first locations of each reason), what readers warned about (damage
 * read past without losing a record, or a record read after a repair, counted apart from
 * rejections), what was skipped.
 */
public final class RunStats {

    /** How many locations are kept for each rejection or warning reason. */
    public static final int LOCATIONS_PER_REASON = 3;

    private final AtomicLong inputs = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong outOfRange = new AtomicLong();
    private final AtomicLong prefiltered = new AtomicLong();
    private final AtomicLong warned = new AtomicLong();
    private final Map<String, Reason> reasons = new TreeMap<>();
    private final Map<String, Reason> warnings = new TreeMap<>();
    private final Map<String, Long> formats = new TreeMap<>();
    private final List<String> skippedInputs = new ArrayList<>();

    /** The count of one rejection reason and where it first happened. */
    public record Reason(String code, long count, List<String> firstLocations) {}

    public void input(String format) {
        inputs.incrementAndGet();
        synchronized (formats) {
            formats.merge(format, 1L, Long::sum);
        }
    }

    /** An input that was not read, with why (unknown format, empty, unreadable). */
    public void skippedInput(String name, String why) {
        synchronized (skippedInputs) {
            skippedInputs.add(name + ": " + why);
        }
    }

    public void bytes(long count) {
        bytes.addAndGet(count);
    }

    public void event() {
        events.incrementAndGet();
    }

    public void outOfRange() {
        outOfRange.incrementAndGet();
    }

    public void prefiltered(long count) {
        prefiltered.addAndGet(count);
    }

    public void rejected(Rejected record) {
        rejected.incrementAndGet();
        count(reasons, record.reason(), record.where(), record.detail());
    }

    /** An event that was read after a repair (such as invalid UTF-8 replaced). */
    public void warning(Warning warning) {
        warned.incrementAndGet();
        count(warnings, warning.reason(), warning.where(), warning.detail());
    }

    private static void count(
            Map<String, Reason> byCode, String code, Provenance where, String detail) {
        synchronized (byCode) {
            Reason old = byCode.get(code);
            List<String> locations =
                    old == null ? new ArrayList<>() : new ArrayList<>(old.firstLocations());
            if (locations.size() < LOCATIONS_PER_REASON) {
                locations.add(where.describeFully() + " (" + detail + ")");
            }
            long count = old == null ? 1 : old.count() + 1;
            byCode.put(code, new Reason(code, count, List.copyOf(locations)));
        }
    }

    public long inputs() {
        return inputs.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long events() {
        return events.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Records read: events parsed, records rejected and records skipped by the prefilter. */
    public long records() {
        return events.get() + rejected.get() + prefiltered.get();
    }

    public long outOfRangeEvents() {
        return outOfRange.get();
    }

    public long prefilteredRecords() {
        return prefiltered.get();
    }

    public List<Reason> reasons() {
        synchronized (reasons) {
            return List.copyOf(reasons.values());
        }
    }

    /** Warnings: damage read past, and events read after a repair. */
    public long warned() {
        return warned.get();
    }

    /** The warnings by reason code, with the first locations of each. */
    public List<Reason> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings.values());
        }
    }

    public Map<String, Long> formats() {
        synchronized (formats) {
            return new LinkedHashMap<>(formats);
        }
    }

    public List<String> skippedInputs() {
        synchronized (skippedInputs) {
            return List.copyOf(skippedInputs);
        }
    }
}
