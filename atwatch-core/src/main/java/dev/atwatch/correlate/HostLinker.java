package dev.atwatch.correlate;

import dev.atwatch.atjob.FireWindow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Links one host's candidates, given one at a time in time order, into jobs: each creation opens a
 * job; a registration goes to the oldest job still waiting for one (so at.exe's jobs take At1, At2,
 * ... in order); a process the scheduler starts goes to the oldest job whose command it runs within
 * the job's predicted window. A job is closed, as a chain, once its window has passed, when the
 * host has too many open jobs (the oldest goes), or at the end.
 *
 * <p>A job scheduled on another computer is linked by that computer's linker: its creation comes
 * from another host, its registration and run from this one.
 */
final class HostLinker {

    /** Events of one process or one registration seen in several logs lie this close in time. */
    static final double SAME_ACT_SECONDS = 5;

    /** Most atd processes remembered on one host (the oldest is forgotten first). */
    static final int MAX_ATD_PROCESSES = 1_024;

    /** Most shells remembered on one host while their parent is not yet known to be atd. */
    static final int MAX_PENDING_SHELLS = 64;

    private final String host;
    private final ChainLimits limits;
    private final Consumer<OpenJob> closed;
    private final List<OpenJob> open = new ArrayList<>();
    private final Deque<Candidate> pendingShells = new ArrayDeque<>();
    private double now = Double.NEGATIVE_INFINITY;

    /** atd processes by pid, with the spool file each started when known ("" when not). */
    private final Map<Long, String> atdJobs =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                    return size() > MAX_ATD_PROCESSES;
                }
            };

    /**
     * @param host the host key ({@link EventScreen#hostKey}) of the host whose jobs this links
     * @param closed receives each job once it is closed
     */
    HostLinker(String host, ChainLimits limits, Consumer<OpenJob> closed) {
        this.host = host;
        this.limits = limits;
        this.closed = closed;
    }

    /**
     * Links one candidate. {@code at} is when it is linked: its time, or a later one when it came
     * too late; it must never go back from one call to the next.
     */
    void accept(double at, Candidate c) {
        advance(at);
        switch (c.kind()) {
            case CREATION -> creation(c);
            case REGISTRATION -> registration(c);
            case SCHEDULED_PROCESS -> scheduledProcess(c);
            case SHELL -> shell(c);
            case ATD_JOB -> atdJob(c);
            case ATD_PROCESS -> atdProcess(c, "");
        }
    }

    /** Closes the jobs whose window has passed by {@code at}, when no earlier event can come. */
    void advance(double at) {
        if (at > now) {
            now = at;
            expire(now);
        }
    }

    /** Closes every open job: no more events will come. */
    void closeAll() {
        for (OpenJob job : open) {
            closed.accept(job);
        }
        open.clear();
        pendingShells.clear();
    }

    /** Whether nothing is waiting here: no open job and no shell awaiting its parent. */
    boolean idle() {
        return open.isEmpty() && pendingShells.isEmpty();
    }

    /** How many jobs are waiting here. */
    int openJobs() {
        return open.size();
    }

    /** Closes the jobs whose window has passed; forgets shells whose parent did not show. */
    private void expire(double at) {
        while (!pendingShells.isEmpty()
                && pendingShells.peekFirst().time() < at - SAME_ACT_SECONDS) {
            pendingShells.removeFirst();
        }
        Iterator<OpenJob> jobs = open.iterator();
        while (jobs.hasNext()) {
            OpenJob job = jobs.next();
            boolean waiting = job.execution == null && at <= job.runUntil;
            boolean registering =
                    job.registration == null
                            && job.creation != null
                            && at <= job.start() + limits.registrationSeconds();
            if (!waiting && !registering && at > job.latest() + SAME_ACT_SECONDS) {
                jobs.remove();
                closed.accept(job);
            }
        }
    }

    private void creation(Candidate c) {
        for (OpenJob job : open) {
            if (job.creation != null
                    && job.execution == null
                    && Math.abs(c.time() - job.creation.time()) <= SAME_ACT_SECONDS
                    && job.creation.job().alertFields().equals(c.job().alertFields())
                    && job.sameCreator(c)) {
                job.addSource(c);
                if (c.rank() > job.creation.rank()) {
                    job.creation = c;
                }
                return;
            }
        }
        OpenJob job = adoptedRegistration(c);
        job.creation = c;
        job.target = target(c);
        job.addSource(c);
        Optional<FireWindow> window = c.job().fireWindow((long) Math.floor(c.time()), null);
        window.ifPresent(w -> job.window = w);
        setRunWindow(job, c.time(), window.map(FireWindow::earliest), window.map(w -> w.latest()));
        if (!open.contains(job)) {
            open(job);
        }
    }

    /** The computer {@code c} schedules its job on, as it names it, when it is this other host. */
    private String target(Candidate c) {
        if (c.host().equals(host)) {
            return null;
        }
        for (String name : c.job().targets()) {
            if (EventScreen.hostKey(name).equals(host)) {
                return name;
            }
        }
        return host;
    }

    /**
     * A job that a registration opened just before {@code c} (logs that keep whole seconds put a
     * registration before its creation), or a new job.
     */
    private OpenJob adoptedRegistration(Candidate c) {
        for (OpenJob job : open) {
            if (job.creation == null
                    && job.registration != null
                    && job.execution == null
                    && c.time() - job.registration.time() <= SAME_ACT_SECONDS) {
                job.creation = c;
                if (registers(job.registration, job)) {
                    return job;
                }
                job.creation = null;
            }
        }
        return new OpenJob();
    }

    private void registration(Candidate c) {
        for (OpenJob job : open) {
            if (job.registration != null
                    && c.name().equalsIgnoreCase(job.registration.name())
                    && Math.abs(c.time() - job.registration.time())
                            <= limits.registrationSeconds()) {
                job.addRegistrationSource(c);
                if (c.rank() > job.registration.rank()) {
                    job.registration = c;
                }
                return;
            }
        }
        for (OpenJob job : open) {
            if (job.registration == null && job.creation != null && registers(c, job)) {
                job.registration = c;
                job.addRegistrationSource(c);
                return;
            }
        }
        openFromRegistration(c);
    }

    private boolean registers(Candidate c, OpenJob job) {
        double delay = c.time() - job.creation.time();
        if (delay < -SAME_ACT_SECONDS || delay > limits.registrationSeconds()) {
            return false;
        }
        if (c.pid() >= 0 && job.creation.pid() >= 0 && isSpoolFile(c)) {
            return c.pid() == job.creation.pid();
        }
        return c.command() == null
                || job.command() == null
                || CommandMatch.same(job.command(), c.command());
    }

    /** A registration whose creation was not seen still opens a job, to find its run. */
    private void openFromRegistration(Candidate c) {
        OpenJob job = new OpenJob();
        job.registration = c;
        job.addRegistrationSource(c);
        long due = isSpoolFile(c) ? EventScreen.spoolFileMinute(c.name()) : -1;
        if (due >= 0) {
            setRunWindow(job, c.time(), Optional.of(due), Optional.of(due + 60));
        } else if (c.command() != null) {
            setRunWindow(job, c.time(), Optional.empty(), Optional.empty());
        } else {
            job.runFrom = c.time();
            job.runUntil = c.time();
        }
        open(job);
    }

    private void scheduledProcess(Candidate c) {
        if (mergesWithRun(c)) {
            return;
        }
        for (OpenJob job : open) {
            if (job.execution == null
                    && job.runsAt(c.time())
                    && CommandMatch.same(job.command(), c.command())) {
                job.execution = c;
                job.addExecutionSource(c);
                return;
            }
        }
    }

    /**
     * A shell whose parent is atd runs the job of the spool file that atd process started. A shell
     * whose parent is not yet known waits a few seconds for an atd event of that process.
     */
    private void shell(Candidate c) {
        String file = atdJobs.get(c.parentPid());
        if (file == null) {
            if (!open.isEmpty() && c.parentPid() >= 0) {
                pendingShells.addLast(c);
                if (pendingShells.size() > MAX_PENDING_SHELLS) {
                    pendingShells.removeFirst();
                }
            }
            return;
        }
        if (!mergesWithRun(c)) {
            linuxRun(c, file);
        }
    }

    private void atdJob(Candidate c) {
        atdProcess(c, c.name());
        if (!mergesWithRun(c)) {
            linuxRun(c, c.name());
        }
    }

    /** Remembers an atd process and the spool file it starts, and links the shells it started. */
    private void atdProcess(Candidate c, String file) {
        atdJobs.merge(c.pid(), file, (old, known) -> old.isEmpty() ? known : old);
        List<Candidate> children = new ArrayList<>();
        Iterator<Candidate> shells = pendingShells.iterator();
        while (shells.hasNext()) {
            Candidate shell = shells.next();
            if (shell.parentPid() == c.pid()) {
                shells.remove();
                children.add(shell);
            }
        }
        children.forEach(this::shell);
    }

    private void linuxRun(Candidate c, String file) {
        for (OpenJob job : open) {
            if (job.execution == null && startsFile(job, file)) {
                job.execution = c;
                job.addExecutionSource(c);
                return;
            }
        }
        for (OpenJob job : open) {
            if (job.execution == null
                    && isLinux(job)
                    && !hasSpoolFile(job)
                    && job.runsAt(c.time())
                    && (c.uid() == null || job.uid() == null || c.uid().equals(job.uid()))) {
                job.execution = c;
                job.addExecutionSource(c);
                return;
            }
        }
    }

    /** Another log's record of a run already linked: kept if it shows the run better. */
    private boolean mergesWithRun(Candidate c) {
        for (OpenJob job : open) {
            Candidate run = job.execution;
            if (run != null
                    && Math.abs(c.time() - run.time()) <= SAME_ACT_SECONDS
                    && sameRun(c, run)) {
                job.addExecutionSource(c);
                if (c.rank() > run.rank()) {
                    job.execution = c;
                }
                return true;
            }
        }
        return false;
    }

    private boolean sameRun(Candidate c, Candidate run) {
        if (c.pid() >= 0 && c.pid() == run.pid()) {
            return true;
        }
        if (c.kind() == Candidate.Kind.SCHEDULED_PROCESS) {
            return run.kind() == Candidate.Kind.SCHEDULED_PROCESS
                    && Objects.equals(
                            CommandMatch.normalise(c.command()),
                            CommandMatch.normalise(run.command()));
        }
        String file = c.kind() == Candidate.Kind.SHELL ? atdJobs.get(c.parentPid()) : c.name();
        String runFile =
                run.kind() == Candidate.Kind.SHELL ? atdJobs.get(run.parentPid()) : run.name();
        return file != null && !file.isEmpty() && file.equals(runFile)
                || c.parentPid() >= 0 && c.parentPid() == run.pid()
                || run.parentPid() >= 0 && run.parentPid() == c.pid();
    }

    private static boolean startsFile(OpenJob job, String file) {
        return !file.isEmpty() && hasSpoolFile(job) && file.equals(job.registration.name());
    }

    private static boolean hasSpoolFile(OpenJob job) {
        return job.registration != null && isSpoolFile(job.registration);
    }

    private static boolean isSpoolFile(Candidate c) {
        return "auditd PATH".equals(c.observation().kind());
    }

    private static boolean isLinux(OpenJob job) {
        Candidate first = job.creation != null ? job.creation : job.registration;
        return first.observation().kind().startsWith("auditd");
    }

    /**
     * Sets where a run is looked for: the predicted window widened by the tolerance, cut at the
     * longest wait; without a prediction, anywhere within the longest wait.
     */
    private void setRunWindow(
            OpenJob job, double created, Optional<Long> earliest, Optional<Long> latest) {
        double horizon = created + limits.windowSeconds();
        double from = earliest.isPresent() ? earliest.get() : created;
        double until = latest.isPresent() ? Math.min(latest.get(), horizon) : horizon;
        job.beyondHorizon = from > horizon;
        job.runFrom = from - limits.toleranceSeconds();
        job.runUntil = job.beyondHorizon ? created : until + limits.toleranceSeconds();
    }

    private void open(OpenJob job) {
        open.add(job);
        if (open.size() > limits.openJobsPerHost()) {
            OpenJob oldest = open.remove(0);
            oldest.note =
                    "closed early: more than "
                            + limits.openJobsPerHost()
                            + " open jobs on the host (limit "
                            + ChainLimits.OPEN_JOBS
                            + ")";
            oldest.closedEarly = true;
            closed.accept(oldest);
        }
    }
}
