package dev.atwatch.correlate;

import dev.atwatch.atjob.AtJob;
import dev.atwatch.atjob.FireWindow;
import dev.atwatch.event.Provenance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A job being linked on one host: the links found so far and where its run is looked for. */
final class OpenJob {

    /** Most events remembered for one link of one job. */
    static final int MAX_SOURCES = 64;

    Candidate creation;
    Candidate registration;
    Candidate execution;
    final List<Provenance> creationSources = new ArrayList<>();
    final List<Provenance> registrationSources = new ArrayList<>();
    final List<Provenance> executionSources = new ArrayList<>();
    FireWindow window;

    /** First and last second at which a run is accepted, tolerance included. */
    double runFrom;

    double runUntil;
    boolean beyondHorizon;
    String note = "";

    /** The computer the job was scheduled on, as its creation names it; null for a local job. */
    String target;

    /** Whether the job was closed before its run was due, for want of room. */
    boolean closedEarly;

    /** The time of the job's first event. */
    double start() {
        if (creation != null) {
            return creation.time();
        }
        return registration != null ? registration.time() : execution.time();
    }

    /** The time of the job's latest event. */
    double latest() {
        double latest = start();
        for (Candidate c : new Candidate[] {creation, registration, execution}) {
            if (c != null) {
                latest = Math.max(latest, c.time());
            }
        }
        return latest;
    }

    /** The command the job runs, from its creation or else from its registration. */
    String command() {
        if (creation != null && creation.job().command() != null) {
            return creation.job().command();
        }
        return registration == null ? null : registration.command();
    }

    /** The user id a Linux job runs as: that of its creation or registration, or {@code null}. */
    String uid() {
        if (creation != null && creation.uid() != null) {
            return creation.uid();
        }
        return registration == null ? null : registration.uid();
    }

    boolean runsAt(double time) {
        return time >= runFrom && time <= runUntil;
    }

    /** Process ids of the creation events and of their parents, -1 when unknown. */
    final Set<Long> creationPids = new HashSet<>();

    final Set<Long> creationParentPids = new HashSet<>();

    void addSource(Candidate c) {
        if (creationSources.size() < MAX_SOURCES && !creationSources.contains(c.provenance())) {
            creationSources.add(c.provenance());
            creationPids.add(c.pid());
            creationParentPids.add(c.parentPid());
        }
    }

    /** Remembers that {@code c} records the job's registration, as the chosen event or another. */
    void addRegistrationSource(Candidate c) {
        addTo(registrationSources, c);
    }

    /** Remembers that {@code c} records the job's run, as the chosen event or another. */
    void addExecutionSource(Candidate c) {
        addTo(executionSources, c);
    }

    private static void addTo(List<Provenance> sources, Candidate c) {
        if (sources.size() < MAX_SOURCES && !sources.contains(c.provenance())) {
            sources.add(c.provenance());
        }
    }

    /**
     * Whether {@code c} may record the same creation: the same process in another log, its wrapper
     * or the at process a wrapper started. Events without process ids may.
     */
    boolean sameCreator(Candidate c) {
        if (c.pid() < 0 || creationPids.contains(-1L)) {
            return true;
        }
        return creationPids.contains(c.pid())
                || creationPids.contains(c.parentPid())
                || creationParentPids.contains(c.pid());
    }

    /** The job's fields: those of its creation, or the registration's task and command. */
    Map<String, String> jobFields() {
        if (creation != null) {
            return creation.job().alertFields();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String command = command();
        if (command != null) {
            fields.put(AtJob.FIELD_COMMAND, command);
        }
        return fields;
    }
}
