package dev.atwatch.correlate;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links the events of at jobs into chains: creation, registration, execution, per host.
 *
 * <p>Events may come in any order and from several threads: a host's events are often split over
 * files (Sysmon, Security, syslog) read in parallel. {@link #accept} therefore only screens each
 * event and keeps the few that may belong to a chain (bounded by {@link ChainLimits#candidates()});
 * {@link #finish} sorts them by time and links each host's in one pass whose state is bounded by
 * {@link ChainLimits#openJobsPerHost()} and {@link ChainLimits#windowSeconds()}. The result does
 * not depend on the order events arrived in.
 *
 * <p>Known limits: two identical jobs scheduled on one host within five seconds by events without
 * process ids are reported as one chain; the host's UTC offset is not known, so a job for a clock
 * time is looked for in the window that time spans over every offset in use (about a day wide).
 */
public final class Correlator {

    private final ChainLimits limits;
    private final PriorityQueue<Candidate> candidates =
            new PriorityQueue<>(Candidate.ORDER.reversed());
    private final Map<String, Double> lastTimes = new ConcurrentHashMap<>();
    private long dropped;
    private boolean finished;

    public Correlator(ChainLimits limits) {
        this.limits = limits;
    }

    /**
     * Screens one event, named as the run's profile names it. Safe to call from several threads;
     * never throws on odd field values.
     */
    public void accept(Event event) {
        List<Candidate> found = EventScreen.screen(event);
        noteTime(event);
        if (found.isEmpty()) {
            return;
        }
        synchronized (candidates) {
            if (finished) {
                throw new IllegalStateException("the correlator has finished");
            }
            for (Candidate c : found) {
                candidates.add(c);
                if (candidates.size() > limits.candidates()) {
                    candidates.poll();
                    dropped++;
                }
            }
        }
    }

    /** Links the candidates; the correlator accepts no more events afterwards. */
    public ChainReport finish() {
        List<Candidate> all;
        long lost;
        synchronized (candidates) {
            finished = true;
            all = new ArrayList<>(candidates);
            lost = dropped;
            candidates.clear();
        }
        all.sort(Candidate.ORDER);
        Map<String, List<Candidate>> byHost = new TreeMap<>();
        for (Candidate c : all) {
            byHost.computeIfAbsent(c.host(), h -> new ArrayList<>()).add(c);
        }
        List<OpenJob> closed = new ArrayList<>();
        Map<OpenJob, Double> hostEnd = new HashMap<>();
        byHost.forEach(
                (host, list) -> {
                    double last = lastTimes.getOrDefault(host, list.get(list.size() - 1).time());
                    HostLinker linker =
                            new HostLinker(
                                    limits,
                                    job -> {
                                        closed.add(job);
                                        hostEnd.put(job, last);
                                    });
                    linker.link(list);
                });
        return new ChainReport(chains(closed, hostEnd), all.size(), lost, limits);
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

    private void noteTime(Event event) {
        double time = event.time();
        if (Double.isNaN(time)) {
            return;
        }
        String key = EventScreen.hostKey(EventScreen.hostName(event));
        if (lastTimes.containsKey(key) || lastTimes.size() < limits.candidates()) {
            lastTimes.merge(key, time, Math::max);
        }
    }

    private List<Chain> chains(List<OpenJob> jobs, Map<OpenJob, Double> hostEnd) {
        jobs.sort(
                Comparator.comparingDouble(OpenJob::start)
                        .thenComparing(job -> first(job).host())
                        .thenComparing(job -> first(job).provenance().input())
                        .thenComparingLong(job -> first(job).provenance().record()));
        List<Chain> chains = new ArrayList<>();
        for (OpenJob job : jobs) {
            chains.add(chain("C" + (chains.size() + 1), job, hostEnd.get(job)));
        }
        return chains;
    }

    private Chain chain(String id, OpenJob job, double hostEnd) {
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
                note(job, hostEnd),
                job.creationSources,
                job.registrationSources,
                job.executionSources);
    }

    private String note(OpenJob job, double hostEnd) {
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
        if (job.runUntil > hostEnd) {
            return "the input ends before the predicted run";
        }
        return "no run seen in the predicted window";
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
