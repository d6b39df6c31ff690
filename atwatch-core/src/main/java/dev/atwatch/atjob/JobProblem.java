package dev.atwatch.atjob;

/**
 * Why a parsed job is incomplete.
 *
 * @param code a stable short code, such as {@code time.unparsed}, by which problems are grouped
 * @param detail what was wrong, for a person, quoting at most a short piece of the input
 */
public record JobProblem(String code, String detail) {

    /** The time could not be read; the job's time is unknown. */
    public static final String TIME_UNPARSED = "time.unparsed";

    /** No time was given where one is required. */
    public static final String TIME_MISSING = "time.missing";

    /** No command was given where one is required. */
    public static final String COMMAND_MISSING = "command.missing";

    /** The job's commands are read from standard input, which a process event does not show. */
    public static final String COMMAND_ON_STDIN = "command.stdin";

    /** An option the tool does not know, ignored. */
    public static final String OPTION_UNKNOWN = "option.unknown";

    /** An option that needs a value came last. */
    public static final String OPTION_VALUE_MISSING = "option.value-missing";

    /** A day in {@code /every:} or {@code /next:}, or a day mask, that names no day. */
    public static final String DAY_INVALID = "day.invalid";

    /** Options that exclude each other, such as at.exe's {@code /every:} with {@code /next:}. */
    public static final String OPTION_CONFLICT = "option.conflict";

    /** A job id that is not a number. */
    public static final String JOB_ID_INVALID = "job-id.invalid";

    /** A {@code Win32_ScheduledJob.Create} argument that is not a literal value. */
    public static final String ARGUMENT_UNRESOLVED = "argument.unresolved";

    /** More problems than {@link AtJobResult#MAX_PROBLEMS}; the last one counts the rest. */
    public static final String PROBLEMS_TRUNCATED = "problems.truncated";

    /** The command line was longer than the parser reads; only its start was parsed. */
    public static final String INPUT_TRUNCATED = "input.truncated";

    private static final int QUOTE_CHARS = 80;

    /** A problem whose detail quotes {@code input}, shortened to a few dozen characters. */
    static JobProblem of(String code, String message, String input) {
        return new JobProblem(code, message + ": '" + quote(input) + "'");
    }

    static String quote(String input) {
        if (input.length() <= QUOTE_CHARS) {
            return input;
        }
        return input.substring(0, QUOTE_CHARS) + "...";
    }
}
