package dev.atwatch.correlate;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links the events of at jobs into chains as they are read: creation, registration, execution, per
 * host.
 *
 * <p>A run reads several inputs at once ({@link #begin}), each from one thread and in time order,
 * give or take {@link ChainLimits#reorderSeconds()}; a host's events are often split over inputs
 * (Sysmon, Security, syslog) read side by side. {@link #accept} screens each event on the reading
 * thread and holds the few that may belong to a chain in a reorder buffer; a held event is linked
 * once every input has passed its time (an input whose events run backward, such as a Splunk
 * export, holds its events and the others' until it ends). Events are therefore linked in time
 * order, ties broken by input and record, and the chains do not depend on which thread read what
 * when. Jobs whose window has passed are closed as their host's events, or every input, move on.
 *
 * <p>Memory is bounded by {@link ChainLimits#candidates()} (events held; beyond it the oldest are
 * linked at once) and {@link ChainLimits#openJobsPerHost()} (jobs awaiting their run; beyond it the
 * oldest is closed). Both are counted in the {@link ChainReport}; only the first can make links
 * depend on reading order, and its note says so.
 *
 * <p>Known limits: two identical jobs scheduled on one host within five seconds by events without
 * process ids are reported as one chain; the host's UTC offset is not known, so a job for a clock
 * time is looked for in the window that time spans over every offset in use (about a day wide).
 */
public final class Correlator {

    /** How often the events of one input let held events through when none of them is held. */
    private static final int EVENTS_PER_RELEASE = 4_096;

    /** How far every input must move on before the open jobs of every host are checked. */
    private static final double EXPIRY_STEP_SECONDS = 60;

    /** Target names that mean the creating host itself. */
    private static final Set<String> LOCAL_NAMES = Set.of(".", "localhost", "127.0.0.1", "::1");

    private final ChainLimits limits;
    private final Object lock = new Object();
    private final Map<String, Double> lastTimes = new ConcurrentHashMap<>();
    private volatile InputClock[] clocks;
    private long[] eventCounts;

    // Guarded by lock:
    private final ReorderBuffer buffer;
    private final Map<String, HostLinker> linkers = new HashMap<>();
    private final List<OpenJob> closed = new ArrayList<>();
    private long candidates;
    private long late;
    private long closedEarly;
    private int peakOpenJobs;
    private double expiredAt = Double.NEGATIVE_INFINITY;
    private int slowest;
    private double slowestBound = Double.NEGATIVE_INFINITY;
    private boolean finished;

    public Correlator(ChainLimits limits) {
        this.limits = limits;
        this.buffer = new ReorderBuffer(limits.candidates());
    }

    /**
     * Starts a run of {@code inputs} inputs, numbered from 0; each must be ended with {@link #end},
     * or is ended by {@link #finish}.
     *
     * @throws IllegalStateException when the run has already begun
     */
    public void begin(int inputs) {
        synchronized (lock) {
            if (clocks != null) {
                throw new IllegalStateException("the correlator's run has already begun");
            }
            InputClock[] started = new InputClock[Math.max(inputs, 1)];
            for (int i = 0; i < started.length; i++) {
                started[i] = new InputClock(limits.reorderSeconds());
            }
            eventCounts = new long[started.length];
            clocks = started;
        }
    }

    /**
     * Screens one event of a run of one input, named as the run's profile names it; see {@link
     * #accept(int, Event)}.
     */
    public void accept(Event event) {
        if (clocks == null) {
            synchronized (lock) {
                if (clocks == null) {
                    begin(1);
                }
            }
        }
        accept(0, event);
    }

    /**
     * Screens one event of input {@code input}, named as the run's profile names it. Each input's
     * events must come from one thread at a time; different inputs may come from different threads.
     * Never throws on odd field values.
     *
     * @throws IllegalStateException before {@link #begin}, after {@link #finish}, or for an input
     *     that has ended
     * @throws IndexOutOfBoundsException for an input number the run does not have
     */
    public void accept(int input, Event event) {
        InputClock clock = clock(input);
        double time = event.time();
        if (Double.isNaN(time)) {
            return;
        }
        double at = clock.observe(time);
        noteTime(event, time);
        List<Candidate> found = EventScreen.screen(event);
        if (found.isEmpty() && ++eventCounts[input] % EVENTS_PER_RELEASE != 0) {
            return;
        }
        synchronized (lock) {
            if (finished) {
                throw new IllegalStateException("the correlator has finished");
            }
            for (Candidate c : found) {
                candidates++;
                late += at > time ? 1 : 0;
                buffer.add(at, c, this::link);
            }
            release();
        }
    }

    /** Input {@code input} has no more events: what it held back may be linked. */
    public void end(int input) {
        clock(input).end();
        synchronized (lock) {
            if (!finished) {
                release();
            }
        }
    }

    /** Links what is still held and closes every job; the correlator accepts no more events. */
    public ChainReport finish() {
        synchronized (lock) {
            if (!finished) {
                finished = true;
                buffer.release(Double.POSITIVE_INFINITY, this::link);
                linkers.values().forEach(HostLinker::closeAll);
                linkers.clear();
            }
            return new ChainReport(
                    chains(new ArrayList<>(closed)),
                    candidates,
                    buffer.forcedOut(),
                    limits,
                    late + buffer.behindForced(),
                    closedEarly);
        }
    }

    /**
     * The chain and link of every event found in {@code chains} (each event of a creation, a
     * registration or a run), by its provenance: lets an alert on that event name its chain. An
     * event found in two chains is given the first.
     */
    public static Map<Provenance, ChainEvent> chainsByEvent(List<Chain> chains) {
        Map<Provenance, ChainEvent> events = new LinkedHashMap<>();
        for (Chain chain : chains) {
            for (Link link : Link.values()) {
                for (Provenance source : chain.sources(link)) {
                    events.putIfAbsent(source, new ChainEvent(chain.id(), link));
                }
            }
        }
        return events;
    }

    /** The most candidate events held at once so far. */
    int peakHeld() {
        synchronized (lock) {
            return buffer.peak();
        }
    }

    /** The most jobs awaiting their run on one host at once so far. */
    int peakOpenJobs() {
        synchronized (lock) {
            return peakOpenJobs;
        }
    }

    private InputClock clock(int input) {
        InputClock[] run = clocks;
        if (run == null) {
            throw new IllegalStateException("the correlator's run has not begun");
        }
        InputClock clock = run[input];
        if (clock.ended()) {
            throw new IllegalStateException("input " + input + " has ended");
        }
        return clock;
    }

    /** Links every held event that no input can precede any more; closes passed jobs. */
    private void release() {
        if (clocks[slowest].lowerBound() == slowestBound) {
            // Bounds only grow: while the slowest input stands still, so does the watermark.
            return;
        }
        double watermark = watermark();
        buffer.release(watermark, this::link);
        if (watermark >= expiredAt + EXPIRY_STEP_SECONDS && watermark < Double.POSITIVE_INFINITY) {
            expiredAt = watermark;
            List<String> idle = new ArrayList<>();
            linkers.forEach(
                    (host, linker) -> {
                        linker.advance(watermark);
                        if (linker.idle()) {
                            idle.add(host);
                        }
                    });
            idle.forEach(linkers::remove);
        }
    }

    /** Before which time no input can bring another event; notes which input holds it there. */
    private double watermark() {
        double watermark = Double.POSITIVE_INFINITY;
        for (int i = 0; i < clocks.length; i++) {
            double bound = clocks[i].lowerBound();
            if (bound < watermark) {
                watermark = bound;
                slowest = i;
            }
        }
        slowestBound = watermark;
        return watermark;
    }

    /** Gives a candidate to the linker of each host its links are looked for on. */
    private void link(ReorderBuffer.Entry entry) {
        Candidate c = entry.candidate();
        for (String host : hosts(c)) {
            HostLinker linker =
                    linkers.computeIfAbsent(host, h -> new HostLinker(h, limits, this::closed));
            linker.accept(entry.key(), c);
            peakOpenJobs = Math.max(peakOpenJobs, linker.openJobs());
            if (linker.idle()) {
                linkers.remove(host);
            }
        }
    }

    /**
     * The hosts a candidate's links are looked for on: for a creation, each computer its job is
     * scheduled on; else the candidate's own host.
     */
    private static Set<String> hosts(Candidate c) {
        Set<String> hosts = new LinkedHashSet<>();
        if (c.kind() == Candidate.Kind.CREATION) {
            for (String target : c.job().targets()) {
                boolean local = LOCAL_NAMES.contains(target.toLowerCase(Locale.ROOT));
                hosts.add(local ? c.host() : EventScreen.hostKey(target));
            }
        }
        if (hosts.isEmpty()) {
            hosts.add(c.host());
        }
        return hosts;
    }

    private void closed(OpenJob job) {
        closed.add(job);
        closedEarly += job.closedEarly ? 1 : 0;
    }

    private void noteTime(Event event, double time) {
        String key = EventScreen.hostKey(EventScreen.hostName(event));
        if (lastTimes.containsKey(key) || lastTimes.size() < limits.candidates()) {
            lastTimes.merge(key, time, Math::max);
        }
    }

    private List<Chain> chains(List<OpenJob> jobs) {
        jobs.sort(
                Comparator.comparingDouble(OpenJob::start)
                        .thenComparing(job -> first(job).host())
                        .thenComparing(job -> first(job).provenance().input())
                        .thenComparingLong(job -> first(job).provenance().record())
                        .thenComparingLong(job -> first(job).provenance().offset())
                        .thenComparing(
                                job -> job.target,
                                Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Chain> chains = new ArrayList<>();
        for (OpenJob job : jobs) {
            chains.add(chain("C" + (chains.size() + 1), job));
        }
        return chains;
    }

    private Chain chain(String id, OpenJob job) {
        List<Link> missing = new ArrayList<>();
        if (job.creation == null) {
            missing.add(Link.CREATION);
        }
        if (job.registration == null) {
            missing.add(Link.REGISTRATION);
        }
        if (job.execution == null) {
            missing.add(Link.EXECUTION);
        }
        return new Chain(
                id,
                first(job).hostName(),
                observation(job.creation),
                observation(job.registration),
                observation(job.execution),
                job.jobFields(),
                job.window,
                missing,
                note(job),
                job.creationSources,
                job.registrationSources,
                job.executionSources,
                job.target);
    }

    private String note(OpenJob job) {
        if (!job.note.isEmpty() || job.execution != null) {
            return job.note;
        }
        if (job.beyondHorizon) {
            return "predicted run after the "
                    + limits.windowSeconds()
                    + "-second window (limit "
                    + ChainLimits.WINDOW
                    + ")";
        }
        if (job.command() == null && !isLinux(job)) {
            return "the job's command is not known, so its run cannot be recognised";
        }
        Double hostEnd = lastTimes.get(runHost(job));
        if (job.target != null && hostEnd == null) {
            return "no event of the target host " + job.target + " in the input";
        }
        if (job.runUntil > (hostEnd == null ? job.latest() : hostEnd)) {
            return "the input ends before the predicted run";
        }
        return "no run seen in the predicted window";
    }

    /** The key of the host the job runs on. */
    private static String runHost(OpenJob job) {
        return job.target != null ? EventScreen.hostKey(job.target) : first(job).host();
    }

    private static boolean isLinux(OpenJob job) {
        return first(job).observation().kind().startsWith("auditd");
    }

    private static Candidate first(OpenJob job) {
        if (job.creation != null) {
            return job.creation;
        }
        return job.registration != null ? job.registration : job.execution;
    }

    private static Observation observation(Candidate c) {
        return c == null ? null : c.observation();
    }
}
