package dev.atwatch.follow;

import dev.atwatch.detect.Alert;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RunListener;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs rules over live sources, as a scheduled search with throttling would: every {@link
 * Settings#intervalMillis()} the rules run over what each source brought within the last {@link
 * Settings#spanMillis()}, and only alerts not reported before reach the {@link Listener}. A rule
 * that joins events (a {@code stats ... by}) sees them together as long as they arrived within the
 * span of each other.
 *
 * <p>An alert is reported when its row was not in the previous search's results and its event lies
 * in lines at most one search had seen before (new lines, or lines the previous search saw as the
 * newest, whose event may have been incomplete then). A row of several events (no location) is
 * reported again when it changes. A rejected record is reported once, by the second search that
 * reads it, so that a record still being written when the first one ran is not reported. Locations
 * are those of the files, not of the span.
 *
 * <p>Memory is bounded by {@link Settings#windowBytes()} per source: when the lines no search has
 * seen reach half of it, a search runs at once; a chunk leaves the window only after two searches
 * read it, so no line goes unsearched, and a window holds at most about one and a half times the
 * limit and one chunk.
 */
public final class LiveDetector {

    /** How often polls look for new lines when nothing arrived. */
    static final long POLL_MILLIS = 200;

    /**
     * @param intervalMillis time between searches
     * @param spanMillis how far back, in arrival time, a search reads
     * @param windowBytes most bytes held per source
     * @param idleMillis stop once no source grew for this long (0: never)
     */
    public record Settings(
            long intervalMillis, long spanMillis, long windowBytes, long idleMillis) {
        public Settings {
            if (intervalMillis <= 0 || spanMillis < intervalMillis) {
                throw new IllegalArgumentException(
                        "the span must be at least the interval, and the interval positive");
            }
            if (windowBytes < 1 << 16 || windowBytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "the window must hold between 64 KiB and 2 GiB: " + windowBytes);
            }
        }
    }

    /** Hears what the live run finds, on the thread that calls {@link #run()}. */
    public interface Listener {
        /** The new alerts of one search, with the file locations of their events. */
        void alerts(List<Alert> alerts);

        /** A record that could not be read, located in its file. */
        void rejected(Rejected rejected);

        /** Damage a reader read past, located in its file. */
        default void warning(Warning warning) {}

        /** Something a person following the run should know: a rotation, a missing file. */
        void note(String text);

        /** One search ran: over how many bytes, with how many events. */
        default void searched(Detection detection, long bytes) {}
    }

    /** What a live run did, once it is over. */
    public record Totals(long searches, long bytes, long alerts, long rejected) {}

    private final Detector detector;
    private final ReadOptions options;
    private final List<LiveSource> sources;
    private final Map<String, LiveWindow> windows = new LinkedHashMap<>();
    private final Settings settings;
    private final Listener listener;
    private final LongSupplier clock;
    private final Object wakeUp = new Object();

    /** The sources whose last poll failed: a failure is told once, until reading works again. */
    private final Set<String> failing = new HashSet<>();

    /** The sources whose span was last skipped as of no known format: told once. */
    private final Set<String> skippedTold = new HashSet<>();

    private volatile boolean stopRequested;
    private Set<String> previousKeys = Set.of();
    private long searches;
    private long bytes;
    private long alerts;
    private long rejected;

    public LiveDetector(
            Detector detector,
            ReadOptions options,
            List<LiveSource> sources,
            Settings settings,
            Listener listener) {
        this(detector, options, sources, settings, listener, System::currentTimeMillis);
    }

    LiveDetector(
            Detector detector,
            ReadOptions options,
            List<LiveSource> sources,
            Settings settings,
            Listener listener,
            LongSupplier clock) {
        this.detector = detector;
        this.options = options;
        this.sources = new ArrayList<>(sources);
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        for (LiveSource source : sources) {
            windows.put(source.name(), new LiveWindow(source.name()));
        }
    }

    /**
     * Follows the sources until {@link #stop()} is called, every source has ended (streams) or no
     * source grew for {@link Settings#idleMillis()}; then searches once more, so that what arrived
     * last is searched twice like the rest.
     */
    public Totals run() {
        long lastSearch = clock.getAsLong();
        long lastGrowth = lastSearch;
        while (true) {
            long now = clock.getAsLong();
            boolean grew = pollAll(now);
            if (grew) {
                lastGrowth = now;
            }
            boolean idle = settings.idleMillis() > 0 && now - lastGrowth >= settings.idleMillis();
            if (stopRequested || allEnded() || idle) {
                search(true);
                break;
            }
            if (now - lastSearch >= settings.intervalMillis() || crowded()) {
                search(false);
                lastSearch = now;
            }
            if (!grew) {
                pause();
            }
        }
        for (LiveSource source : sources) {
            try {
                source.close();
            } catch (IOException e) {
                listener.note("cannot close " + source.name() + ": " + e.getMessage());
            }
        }
        return new Totals(searches, bytes, alerts, rejected);
    }

    /**
     * Asks {@link #run()} to search what it holds once more and return; callable from any thread.
     */
    public void stop() {
        stopRequested = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void pause() {
        synchronized (wakeUp) {
            if (stopRequested) {
                return;
            }
            try {
                wakeUp.wait(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
            }
        }
    }

    private boolean allEnded() {
        for (LiveSource source : sources) {
            if (!source.ended()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a window's unsearched lines fill half of its limit. */
    private boolean crowded() {
        for (LiveWindow window : windows.values()) {
            if (window.unsearchedBytes() >= settings.windowBytes() / 2) {
                return true;
            }
        }
        return false;
    }

    private boolean pollAll(long now) {
        boolean grew = false;
        for (LiveSource source : List.copyOf(sources)) {
            Chunk chunk;
            try {
                chunk = source.poll();
                if (failing.remove(source.name())) {
                    listener.note("reading " + source.name() + " again");
                }
            } catch (IOException e) {
                if (failing.add(source.name())) {
                    listener.note(
                            "cannot read "
                                    + source.name()
                                    + ": "
                                    + e.getMessage()
                                    + "; trying again");
                }
                continue;
            }
            if (chunk != null && isEvtx(chunk)) {
                listener.note(
                        source.name()
                                + " is an EVTX file, whose records are not written line by line;"
                                + " it is not followed: hunt a copy of it instead");
                sources.remove(source);
                windows.remove(source.name());
                continue;
            }
            if (chunk != null) {
                windows.get(source.name()).add(chunk, now);
                bytes += chunk.bytes().length;
                grew = true;
            }
        }
        return grew;
    }

    /** Whether a file's first chunk starts as an EVTX file does. */
    private static boolean isEvtx(Chunk chunk) {
        byte[] magic = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
        byte[] bytes = chunk.bytes();
        if (chunk.offset() != 0 || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Searches every window once, reports what is new and drops what left the span. A final search
     * also reports what only it has seen.
     */
    private void search(boolean last) {
        List<Input> inputs = new ArrayList<>();
        long searchedBytes = 0;
        for (LiveWindow window : windows.values()) {
            if (!window.isEmpty()) {
                inputs.add(window.input());
                searchedBytes += window.bytes();
            }
        }
        if (inputs.isEmpty()) {
            return;
        }
        searches++;
        Detection detection = detector.run(inputs, options, new Reporting(last));
        listener.searched(detection, searchedBytes);
        List<Alert> fresh = freshAlerts(detection.alerts());
        if (!fresh.isEmpty()) {
            alerts += fresh.size();
            listener.alerts(fresh);
        }
        long before = clock.getAsLong() - settings.spanMillis();
        for (LiveWindow window : windows.values()) {
            window.searched();
            window.evict(before, settings.windowBytes());
        }
    }

    /** The alerts to report, located in their files; remembers this search's rows. */
    private List<Alert> freshAlerts(List<Alert> found) {
        NewAlerts.Selection selection =
                NewAlerts.select(
                        found,
                        previousKeys,
                        alert ->
                                locate(alert.provenance())
                                        .map(
                                                l ->
                                                        new NewAlerts.Place(
                                                                l.held().chunk.generation()
                                                                        + ":"
                                                                        + l.where().offset(),
                                                                l.held().searches,
                                                                l.where()))
                                        .orElse(null));
        previousKeys = selection.keys();
        return selection.fresh();
    }

    private Optional<LiveWindow.Located> locate(Provenance where) {
        if (where == null) {
            return Optional.empty();
        }
        LiveWindow window = windows.get(where.input());
        return window == null ? Optional.empty() : window.locate(where);
    }

    /** Whether a problem in the chunk {@code held} is reported by this search. */
    private static boolean reportsProblemsOf(LiveWindow.Held held, boolean last) {
        return held.searches == 1 || (last && held.searches == 0);
    }

    /** Reports rejections and warnings once, located in their files. */
    private final class Reporting implements RunListener {
        private final boolean last;

        Reporting(boolean last) {
            this.last = last;
        }

        @Override
        public void inputSkipped(Input input, String why) {
            if (skippedTold.add(input.name())) {
                listener.note(input.name() + " is not searched: " + why);
            }
        }

        @Override
        public void inputStarted(Input input, String format) {
            if (skippedTold.remove(input.name())) {
                listener.note(input.name() + " is searched again, read as " + format);
            }
        }

        @Override
        public void rejected(Rejected problem) {
            Optional<LiveWindow.Located> located = locate(problem.where());
            if (located.isPresent() && reportsProblemsOf(located.get().held(), last)) {
                rejected++;
                listener.rejected(
                        new Rejected(located.get().where(), problem.reason(), problem.detail()));
            }
        }

        @Override
        public void warning(Warning warning) {
            Optional<LiveWindow.Located> located = locate(warning.where());
            if (located.isPresent() && reportsProblemsOf(located.get().held(), last)) {
                listener.warning(
                        new Warning(located.get().where(), warning.reason(), warning.detail()));
            }
        }
    }
}
