package dev.atwatch.atjob;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads at.exe's arguments:
 *
 * <pre>
 * at [\\computer] [id] [/delete [/yes]]                                     list or delete
 * at [\\computer] time [/interactive] [/every:date[,...] | /next:date[,...]] command
 * </pre>
 *
 * where a date is a day letter (M, T, W, Th, F, S, Su) or a day of the month (1 to 31); without
 * dates, {@code /every:} and {@code /next:} mean the day of the month the job is made on. The
 * command is the rest of the line as written, without enclosing quotes. at.exe refuses {@code
 * /every:} together with {@code /next:}; such a line is read with the first of them and the
 * conflict is reported.
 */
final class WindowsAtParser {

    private static final Pattern TIME =
            Pattern.compile(
                    "(\\d{1,2}):(\\d{1,2})(?::\\d{1,2})?\\s*([ap]m?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOKS_LIKE_TIME = Pattern.compile("\\d{1,2}[:.]\\S*");
    private static final Pattern JOB_ID = Pattern.compile("\\d{1,10}");

    private final String line;
    private final List<WindowsArgs.Arg> args;
    private final List<JobProblem> problems = new ArrayList<>();
    private int pos = 1;
    private String target;

    private WindowsAtParser(String line, List<WindowsArgs.Arg> args) {
        this.line = line;
        this.args = args;
    }

    /** Parses {@code args} (program name first) split from {@code line}. */
    static AtJobResult parse(String line, List<WindowsArgs.Arg> args, List<JobProblem> earlier) {
        WindowsAtParser parser = new WindowsAtParser(line, args);
        parser.problems.addAll(earlier);
        return parser.parse();
    }

    private AtJobResult parse() {
        if (pos < args.size() && args.get(pos).value().startsWith("\\\\")) {
            target = args.get(pos++).value().substring(2);
        }
        if (pos >= args.size()) {
            return result(Invocation.LIST, List.of());
        }
        String first = args.get(pos).value();
        if (JOB_ID.matcher(first).matches() || isSwitch(first, "/delete")) {
            return listOrDelete();
        }
        if (LOOKS_LIKE_TIME.matcher(first).matches()) {
            return create();
        }
        return new AtJobResult.NotAJob(
                "at.exe arguments start with neither a time, a job id nor /delete: '"
                        + JobProblem.quote(first)
                        + "'");
    }

    private AtJobResult listOrDelete() {
        List<String> ids = new ArrayList<>();
        boolean delete = false;
        for (; pos < args.size(); pos++) {
            String arg = args.get(pos).value();
            if (isSwitch(arg, "/delete")) {
                delete = true;
            } else if (JOB_ID.matcher(arg).matches()) {
                ids.add(arg);
            } else if (!isSwitch(arg, "/yes")) {
                problems.add(JobProblem.of(JobProblem.OPTION_UNKNOWN, "unknown argument", arg));
            }
        }
        return result(delete ? Invocation.DELETE : Invocation.LIST, ids);
    }

    private AtJobResult create() {
        String timeText = args.get(pos++).value();
        LocalTime clock = clock(timeText);
        JobTime time = clock == null ? null : new JobTime(timeText, clock, null, null, null);
        boolean interactive = false;
        JobRecurrence recurrence = JobRecurrence.ONCE;
        for (; pos < args.size() && args.get(pos).value().startsWith("/"); pos++) {
            String option = args.get(pos).value();
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.equals("/interactive")) {
                interactive = true;
            } else if (lower.startsWith("/every:") || lower.startsWith("/next:")) {
                recurrence = recurrence(recurrence, option);
            } else {
                break;
            }
        }
        String command = command();
        return AtJobResult.of(
                new AtJob(
                        JobSyntax.WINDOWS_AT,
                        Invocation.CREATE,
                        target,
                        time,
                        recurrence,
                        interactive,
                        command,
                        JobCommandKind.of(command),
                        null,
                        List.of()),
                problems);
    }

    private LocalTime clock(String text) {
        Matcher time = TIME.matcher(text);
        if (!time.matches()) {
            problems.add(JobProblem.of(JobProblem.TIME_UNPARSED, "expected HH:MM", text));
            return null;
        }
        int hour = Integer.parseInt(time.group(1));
        int minute = Integer.parseInt(time.group(2));
        String meridiem = time.group(3);
        if (meridiem != null && hour >= 1 && hour <= 12) {
            hour = hour % 12 + (meridiem.toLowerCase(Locale.ROOT).startsWith("p") ? 12 : 0);
        } else if (meridiem != null) {
            hour = 99;
        }
        if (hour > 23 || minute > 59) {
            problems.add(JobProblem.of(JobProblem.TIME_UNPARSED, "no such time", text));
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /** The recurrence {@code option} sets, or {@code earlier} when it conflicts with it. */
    private JobRecurrence recurrence(JobRecurrence earlier, String option) {
        int colon = option.indexOf(':');
        JobRecurrence.Mode mode =
                option.substring(1, colon).equalsIgnoreCase("every")
                        ? JobRecurrence.Mode.EVERY
                        : JobRecurrence.Mode.NEXT;
        if (earlier.mode() != JobRecurrence.Mode.ONCE && earlier.mode() != mode) {
            problems.add(
                    JobProblem.of(
                            JobProblem.OPTION_CONFLICT,
                            "at.exe refuses /every: together with /next:",
                            option));
            return earlier;
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        TreeSet<Integer> monthDays = new TreeSet<>();
        for (String day : option.substring(colon + 1).split(",", -1)) {
            addDay(day.strip(), weekdays, monthDays);
        }
        return new JobRecurrence(mode, weekdays, monthDays);
    }

    private void addDay(String day, Set<DayOfWeek> weekdays, Set<Integer> monthDays) {
        DayOfWeek weekday = WindowsDays.byName(day);
        if (weekday != null) {
            weekdays.add(weekday);
        } else if (day.matches("\\d{1,2}")
                && Integer.parseInt(day) >= 1
                && Integer.parseInt(day) <= 31) {
            monthDays.add(Integer.parseInt(day));
        } else if (!day.isEmpty()) {
            problems.add(JobProblem.of(JobProblem.DAY_INVALID, "not a day", day));
        }
    }

    /** The rest of the line as written; one quoted argument loses its quotes. */
    private String command() {
        if (pos >= args.size()) {
            problems.add(new JobProblem(JobProblem.COMMAND_MISSING, "no command after the time"));
            return null;
        }
        if (pos == args.size() - 1) {
            return args.get(pos).value();
        }
        return line.substring(args.get(pos).start(), args.get(args.size() - 1).end());
    }

    private AtJobResult result(Invocation invocation, List<String> ids) {
        AtJob job =
                new AtJob(
                        JobSyntax.WINDOWS_AT,
                        invocation,
                        target,
                        null,
                        JobRecurrence.ONCE,
                        false,
                        null,
                        JobCommandKind.UNKNOWN,
                        null,
                        ids);
        return AtJobResult.of(job, problems);
    }

    private static boolean isSwitch(String arg, String name) {
        return arg.equalsIgnoreCase(name);
    }
}
