package dev.atwatch.atjob;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one invocation of an at tool asks for: a job to create, jobs to list, or jobs to delete.
 *
 * @param syntax the tool and grammar used
 * @param invocation create, list, delete, or none of these
 * @param target the remote computer the job is scheduled on, or {@code null} for the local one;
 *     several computers ({@code wmic /node:"a","b"}) are separated by commas
 * @param time when the job runs, or {@code null} when not given or not readable
 * @param recurrence on which days the job runs
 * @param interactive whether the job may interact with the desktop ({@code /interactive}, {@code
 *     InteractWithDesktop})
 * @param command the command the job runs (the file for {@code at -f}), or {@code null}
 * @param commandKind what kind of program the command is
 * @param queue the at(1) queue letter, or {@code null}
 * @param jobIds the job ids a list or delete names; empty for all jobs
 */
public record AtJob(
        JobSyntax syntax,
        Invocation invocation,
        String target,
        JobTime time,
        JobRecurrence recurrence,
        boolean interactive,
        String command,
        JobCommandKind commandKind,
        String queue,
        List<String> jobIds) {

    public static final String FIELD_SYNTAX = "JobSyntax";
    public static final String FIELD_INVOCATION = "JobInvocation";
    public static final String FIELD_TARGET = "JobTarget";
    public static final String FIELD_TIME = "JobTime";
    public static final String FIELD_RECURRENCE = "JobRecurrence";
    public static final String FIELD_INTERACTIVE = "JobInteractive";
    public static final String FIELD_COMMAND = "JobCommand";
    public static final String FIELD_COMMAND_KIND = "JobCommandKind";

    public AtJob {
        recurrence = recurrence == null ? JobRecurrence.ONCE : recurrence;
        commandKind = commandKind == null ? JobCommandKind.UNKNOWN : commandKind;
        jobIds = List.copyOf(jobIds);
    }

    /**
     * The fields an alert about this job carries, in a fixed order: {@code JobSyntax}, {@code
     * JobInvocation}, {@code JobTarget}, {@code JobTime}, {@code JobRecurrence}, {@code
     * JobInteractive} (1 or 0), {@code JobCommand}, {@code JobCommandKind}. Values are lower case
     * words for the enumerations; absent values are left out.
     */
    public Map<String, String> alertFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FIELD_SYNTAX, lower(syntax));
        fields.put(FIELD_INVOCATION, lower(invocation));
        putIfPresent(fields, FIELD_TARGET, target);
        putIfPresent(fields, FIELD_TIME, time == null ? null : time.text());
        if (invocation == Invocation.CREATE) {
            fields.put(FIELD_RECURRENCE, recurrence.describe());
            fields.put(FIELD_INTERACTIVE, interactive ? "1" : "0");
            putIfPresent(fields, FIELD_COMMAND, command);
            fields.put(FIELD_COMMAND_KIND, lower(commandKind));
        }
        return fields;
    }

    /** The computers of {@link #target}, in the order written; empty for the local computer. */
    public List<String> targets() {
        if (target == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : target.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /**
     * Predicts when a created job first runs; see {@link JobTime#window}. Empty for anything but a
     * created job with a known time.
     */
    public Optional<FireWindow> fireWindow(long eventEpochSeconds, ZoneOffset hostOffset) {
        if (invocation != Invocation.CREATE || time == null) {
            return Optional.empty();
        }
        return time.window(eventEpochSeconds, hostOffset, recurrence);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
