package dev.atwatch.correlate;

import dev.atwatch.atjob.AtJob;
import dev.atwatch.atjob.AtJobResult;
import dev.atwatch.atjob.AtJobs;
import dev.atwatch.atjob.Invocation;
import dev.atwatch.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks chain candidates out of auditd events: executions of at(1) and batch (also through sudo, a
 * weaker record of the creation than at's own execution), at spool files created or removed, atd's
 * own processes, and shells started without arguments (atd's way of running a job, with the job on
 * standard input).
 */
final class AuditScreen {

    /** Most {@code aN} arguments read from one EXECVE record. */
    private static final int MAX_ARGS = 256;

    private AuditScreen() {}

    static List<Candidate> screen(EventScreen.Source source) {
        Event event = source.event();
        String comm = source.text("comm");
        String exe = source.text("exe");
        boolean atd = "atd".equals(comm) || (exe != null && exe.endsWith("/atd"));
        List<Candidate> found = new ArrayList<>(2);
        if (EventScreen.values(event, "type").contains("EXECVE")) {
            execve(source, atd, found);
        }
        spool(source, atd, found);
        if (atd && found.isEmpty()) {
            found.add(atdProcess(source));
        }
        return found;
    }

    private static void execve(EventScreen.Source source, boolean atd, List<Candidate> found) {
        List<String> argv = argv(source);
        if (argv.isEmpty()) {
            return;
        }
        Observation observation = observation(source, "auditd EXECVE");
        long pid = EventScreen.id(source.text("pid"));
        long parentPid = EventScreen.id(source.text("ppid"));
        String uid = source.text("uid");
        Optional<AtJob> job = createdJob(argv);
        if (job.isPresent()) {
            // sudo's monitor process stands between sudo and the at it runs, so sudo's process
            // ids tell nothing of at's: the two are told to be one creation by time and job.
            boolean tool = EventScreen.isTool(argv.get(0));
            found.add(
                    source.candidate(
                            Candidate.Kind.CREATION,
                            observation,
                            job.get(),
                            tool ? pid : -1,
                            tool ? parentPid : -1,
                            uid,
                            null,
                            job.get().command(),
                            tool ? 2 : 1));
        } else if (!atd && argv.size() == 1 && EventScreen.isShell(argv.get(0))) {
            found.add(
                    source.candidate(
                            Candidate.Kind.SHELL,
                            observation,
                            null,
                            pid,
                            parentPid,
                            uid,
                            null,
                            null,
                            2));
        }
    }

    private static Optional<AtJob> createdJob(List<String> argv) {
        AtJobResult result = AtJobs.parseUnix(argv);
        return result.asJob().filter(job -> job.invocation() == Invocation.CREATE);
    }

    /** A spool file created (a registration) or removed by atd (the job starting). */
    private static void spool(EventScreen.Source source, boolean atd, List<Candidate> found) {
        List<String> names = EventScreen.values(source.event(), "name");
        List<String> types = EventScreen.values(source.event(), "nametype");
        for (String name : names) {
            String file = EventScreen.spoolFile(name);
            if (file == null) {
                continue;
            }
            long pid = EventScreen.id(source.text("pid"));
            String uid = source.text("uid");
            Observation observation =
                    new Observation(
                            source.time(),
                            source.provenance(),
                            "auditd PATH",
                            source.text("exe"),
                            source.text("CommandLine"),
                            uid,
                            name);
            if (atd && types.contains("DELETE")) {
                found.add(
                        source.candidate(
                                Candidate.Kind.ATD_JOB,
                                observation,
                                null,
                                pid,
                                -1,
                                null,
                                file,
                                null,
                                0));
            } else if (!atd && (types.isEmpty() || types.contains("CREATE"))) {
                found.add(
                        source.candidate(
                                Candidate.Kind.REGISTRATION,
                                observation,
                                null,
                                pid,
                                -1,
                                uid,
                                file,
                                null,
                                1));
            }
            return;
        }
    }

    private static Candidate atdProcess(EventScreen.Source source) {
        return source.candidate(
                Candidate.Kind.ATD_PROCESS,
                observation(source, "auditd"),
                null,
                EventScreen.id(source.text("pid")),
                EventScreen.id(source.text("ppid")),
                null,
                null,
                null,
                0);
    }

    private static Observation observation(EventScreen.Source source, String kind) {
        return new Observation(
                source.time(),
                source.provenance(),
                kind,
                source.text("exe"),
                source.text("CommandLine", "proctitle"),
                source.text("uid"),
                null);
    }

    /** The arguments {@code a0}, {@code a1}, ... of an EXECVE record, up to {@code argc}. */
    private static List<String> argv(EventScreen.Source source) {
        long argc = EventScreen.id(source.text("argc"));
        int count = (int) Math.min(argc < 0 ? MAX_ARGS : argc, MAX_ARGS);
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String arg = source.text("a" + i);
            if (arg == null) {
                break;
            }
            argv.add(arg);
        }
        return argv;
    }
}
