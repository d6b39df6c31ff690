package dev.atwatch.output.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One chain of {@code hunt --chains} as a report draws it: each link seen, with its time, event
 * source and command, and for a partial chain the links not seen and why.
 *
 * @param id the chain's name in its run ({@code C1}, {@code C2}, ...), as alerts name it
 * @param host the host, as its events name it
 * @param status {@code complete}, or {@code partial} followed by the missing links
 * @param missing the links not seen ({@code creation}, {@code registration}, {@code execution}), in
 *     link order
 * @param note why a partial chain is partial, or empty
 * @param job the at job's fields ({@code JobTime}, {@code JobCommand}, ...), or the command a
 *     registration shows when the creation was not seen
 * @param runFrom the start of the window the run was predicted in, ISO-8601, or {@code null}
 * @param runUntil the end of that window, ISO-8601, or {@code null}
 * @param creation the process that scheduled the job, or {@code null} when not seen
 * @param registration the scheduler storing the job, or {@code null} when not seen
 * @param execution the job's first run, or {@code null} when not seen
 */
public record ReportChain(
        String id,
        String host,
        String status,
        List<String> missing,
        String note,
        Map<String, String> job,
        String runFrom,
        String runUntil,
        Step creation,
        Step registration,
        Step execution) {

    public ReportChain {
        id = id == null ? "" : id;
        host = host == null ? "" : host;
        status = status == null ? "" : status;
        missing = missing == null ? List.of() : List.copyOf(missing);
        note = note == null ? "" : note;
        job = job == null ? Map.of() : job;
    }

    /**
     * One link of a chain: the event that shows it best, and where every event found to record it
     * was read.
     *
     * @param link {@code creation}, {@code registration} or {@code execution}
     * @param time epoch seconds
     * @param kind what the event is, such as {@code Sysmon 1} or {@code Security 4698}
     * @param source the file and record of the event shown, as an alert's source names it
     * @param image the process image, or {@code null}
     * @param commandLine the process command line, or {@code null}
     * @param user the account the process ran as, or {@code null}
     * @param detail the task name or job file a registration names, or {@code null}
     * @param sources the file and record of every event found to record this link, the one shown
     *     among them
     */
    public record Step(
            String link,
            double time,
            String kind,
            String source,
            String image,
            String commandLine,
            String user,
            String detail,
            List<String> sources) {

        public Step {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** The three links in order, each the step seen or {@code null}. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(3);
        steps.add(creation);
        steps.add(registration);
        steps.add(execution);
        return steps;
    }

    /** Whether all three links were seen. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
