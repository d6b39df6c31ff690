package dev.atwatch.correlate;

import dev.atwatch.atjob.FireWindow;
import dev.atwatch.event.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One at job followed from its creation through its registration to its execution. A link that was
 * not seen is {@code null} and listed in {@link #missing}. A job scheduled on another computer
 * ({@code at \\OTHER ...}, {@code wmic /node:}, {@code -ComputerName}) is registered and run there:
 * its creation is on {@link #host}, its registration and execution on {@link #target}.
 *
 * @param id a short name, unique within one run ({@code C1}, {@code C2}, ...), numbered by the time
 *     of the chain's first event
 * @param host the host, as its events name it: the creation's, else the registration's
 * @param creation the process that scheduled the job, or {@code null}
 * @param registration the scheduler storing the job, or {@code null}
 * @param execution the job's first run, or {@code null}
 * @param job the job's alert fields ({@link dev.atwatch.atjob.AtJob#alertFields()}), or those a
 *     registration shows when the creation was not seen
 * @param window when the job was predicted to run, or {@code null} when unknown
 * @param missing the links not seen, in link order
 * @param note why a partial chain is partial, or an empty string
 * @param creationSources every event found to record the creation (the same process in Sysmon and
 *     in the Security log, a {@code cmd /c} wrapper), so that alerts can name their chain
 * @param registrationSources every event found to record the registration (Security 4698, Task
 *     Scheduler 106 and Sysmon 11 of the same task, an auditd spool file)
 * @param executionSources every event found to record the run (the same process in several logs,
 *     atd's shell and its syslog line)
 * @param target the computer the job was scheduled on, as the creation names it, when it is not the
 *     creating host; {@code null} for a local job
 */
public record Chain(
        String id,
        String host,
        Observation creation,
        Observation registration,
        Observation execution,
        Map<String, String> job,
        FireWindow window,
        List<Link> missing,
        String note,
        List<Provenance> creationSources,
        List<Provenance> registrationSources,
        List<Provenance> executionSources,
        String target) {

    public Chain {
        job = Collections.unmodifiableMap(new LinkedHashMap<>(job));
        missing = List.copyOf(missing);
        creationSources = List.copyOf(creationSources);
        registrationSources = List.copyOf(registrationSources);
        executionSources = List.copyOf(executionSources);
    }

    /** The events found to record {@code link}; empty when the link was not seen. */
    public List<Provenance> sources(Link link) {
        return switch (link) {
            case CREATION -> creationSources;
            case REGISTRATION -> registrationSources;
            case EXECUTION -> executionSources;
        };
    }

    /** Whether all three links were seen. */
    public boolean complete() {
        return missing.isEmpty();
    }

    /** {@code complete}, or {@code partial} followed by the missing links. */
    public String status() {
        if (complete()) {
            return "complete";
        }
        StringBuilder text = new StringBuilder("partial (no");
        for (int i = 0; i < missing.size(); i++) {
            text.append(i == 0 ? " " : ", ").append(missing.get(i).name().toLowerCase(Locale.ROOT));
        }
        return text.append(')').toString();
    }
}
