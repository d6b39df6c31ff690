package dev.atwatch.atjob;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads calls of {@code Win32_ScheduledJob.Create(Command, StartTime, RunRepeatedly, DaysOfWeek,
 * DaysOfMonth, InteractWithDesktop)} from wmic and PowerShell command text:
 *
 * <pre>
 * wmic [/node:host] job call create "cmd.exe /c ...","********123000.000000-300",True,1,0,False
 * wmic [/node:host] path Win32_ScheduledJob call create Command="...",StartTime="..."
 * Invoke-WmiMethod -Class Win32_ScheduledJob -Name Create -ArgumentList "...","...",...
 * ([wmiclass]"\\host\root\cimv2:Win32_ScheduledJob").Create("...", "...", $true, 1, 0, $false)
 * Invoke-CimMethod -ClassName Win32_ScheduledJob -MethodName Create -Arguments @{Command=...}
 * New-CimInstance -ClassName Win32_ScheduledJob -Property @{Command=...; StartTime=...}
 * </pre>
 *
 * Positional values follow the method's declared order; wmic and some PowerShell versions pass them
 * in alphabetical order instead (Command, DaysOfMonth, DaysOfWeek, InteractWithDesktop,
 * RunRepeatedly, StartTime), which is recognised by where the start time stands (a string among
 * booleans and numbers, even when it is not a valid time). PowerShell's {@code $true}, {@code
 * $false} and {@code $null} are read as the values PowerShell passes for them. {@code /node:} and
 * {@code -ComputerName} may name several computers ({@code /node:"a","b"}); the target lists them
 * all, separated by commas. Anything that names the class without creating a job is a list, or a
 * delete for {@code Delete} and {@code Remove-WmiObject}.
 */
final class WmiJobParser {

    private static final List<String> DECLARED =
            List.of(
                    "command",
                    "starttime",
                    "runrepeatedly",
                    "daysofweek",
                    "daysofmonth",
                    "interactwithdesktop");
    private static final List<String> ALPHABETICAL =
            List.of(
                    "command",
                    "daysofmonth",
                    "daysofweek",
                    "interactwithdesktop",
                    "runrepeatedly",
                    "starttime");

    private static final Pattern CLASS = Pattern.compile("(?i)win32_scheduledjob");
    private static final Pattern WMIC_CREATE = Pattern.compile("(?i)\\bcall\\s+create\\b");
    private static final Pattern PS_CREATE =
            Pattern.compile("(?i)-(?:name|methodname)\\s*[:]?\\s*['\"]?create\\b");
    private static final Pattern DOT_CREATE = Pattern.compile("(?i)\\.create\\s*\\(");
    private static final Pattern NEW_INSTANCE = Pattern.compile("(?i)\\bnew-ciminstance\\b");
    private static final Pattern PROPERTY =
            Pattern.compile("(?i)\\s-pr(?:o(?:p(?:e(?:r(?:t(?:y)?)?)?)?)?)?(?:\\s*:\\s*|\\s+)");
    private static final Pattern DELETE =
            Pattern.compile(
                    "(?i)(?:^|\\s)(?:call\\s+)?delete(?:\\s|$)|\\.delete\\s*\\(|remove-(?:wmi|cim)|"
                            + "-(?:name|methodname)\\s*['\"]?delete\\b");
    private static final Pattern ARGUMENT_LIST = Pattern.compile("(?i)\\s-arg\\w*\\s*:?\\s*");
    private static final Pattern NODE = Pattern.compile("(?i)/node:\\s*");
    private static final Pattern COMPUTER =
            Pattern.compile("(?i)-(?:computername|computer|cn)(?:\\s*:\\s*|\\s+)");
    private static final Pattern WMICLASS_HOST =
            Pattern.compile("(?i)\\\\\\\\([^\\\\\"']+)\\\\root");
    private static final Pattern SCALAR =
            Pattern.compile("(?i)-?\\d{1,20}|\\$?(?:true|false)|\\$null");
    private static final Pattern START_TIME =
            Pattern.compile("[0-9*]{8}(\\d{2})(\\d{2})(\\d{2})\\.[0-9*]{6}([+-])(\\d{3})");

    private final String text;
    private final boolean wmic;
    private final List<JobProblem> problems = new ArrayList<>();

    private WmiJobParser(String text, boolean wmic) {
        this.text = text;
        this.wmic = wmic;
    }

    /** Whether {@code text} names the {@code Win32_ScheduledJob} class. */
    static boolean mentionsScheduledJob(String text) {
        return CLASS.matcher(text).find();
    }

    /**
     * Parses {@code text}: wmic's arguments when {@code wmic} (the caller has checked that they
     * address scheduled jobs), else PowerShell script text.
     */
    static AtJobResult parse(String text, boolean wmic, List<JobProblem> earlier) {
        WmiJobParser parser = new WmiJobParser(text, wmic);
        parser.problems.addAll(earlier);
        return parser.parse();
    }

    private AtJobResult parse() {
        if (!wmic && !mentionsScheduledJob(text)) {
            return new AtJobResult.NotAJob("names neither Win32_ScheduledJob nor wmic's job alias");
        }
        String target = target();
        List<WmiArguments.Value> values = createArguments();
        if (values == null) {
            Invocation invocation =
                    DELETE.matcher(text).find() ? Invocation.DELETE : Invocation.LIST;
            return AtJobResult.of(job(invocation, target, Map.of()), problems);
        }
        return AtJobResult.of(job(Invocation.CREATE, target, named(values)), problems);
    }

    private String target() {
        Matcher node = (wmic ? NODE : COMPUTER).matcher(text);
        if (node.find()) {
            return WmiArguments.computers(text, node.end(), wmic);
        }
        Matcher host = WMICLASS_HOST.matcher(text);
        return host.find() ? host.group(1) : null;
    }

    /** The arguments of the create call, or {@code null} when nothing is created. */
    private List<WmiArguments.Value> createArguments() {
        Matcher create = WMIC_CREATE.matcher(text);
        if (wmic) {
            return create.find() ? WmiArguments.split(text.substring(create.end()), ",") : null;
        }
        Matcher dot = DOT_CREATE.matcher(text);
        if (dot.find()) {
            int close = WmiArguments.closing(text, dot.end());
            return WmiArguments.split(text.substring(dot.end(), close), ",");
        }
        if (NEW_INSTANCE.matcher(text).find()) {
            return valuesAfter(PROPERTY);
        }
        return PS_CREATE.matcher(text).find() ? valuesAfter(ARGUMENT_LIST) : null;
    }

    /** The values of the parameter {@code name} matches, or none when it is absent. */
    private List<WmiArguments.Value> valuesAfter(Pattern name) {
        Matcher parameter = name.matcher(text);
        return parameter.find() ? parameterValues(parameter.end()) : List.of();
    }

    private List<WmiArguments.Value> parameterValues(int start) {
        if (text.startsWith("@{", start)) {
            int close = WmiArguments.closing(text, start + 2);
            return WmiArguments.split(text.substring(start + 2, close), ";\n");
        }
        return WmiArguments.split(
                text.substring(start, WmiArguments.parameterEnd(text, start)), ",");
    }

    /** The values by lower-case parameter name, positional ones placed by their order. */
    private Map<String, WmiArguments.Value> named(List<WmiArguments.Value> values) {
        List<String> order = alphabetical(values) ? ALPHABETICAL : DECLARED;
        Map<String, WmiArguments.Value> byName = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            WmiArguments.Value value = values.get(i);
            String name = value.name() != null ? value.name().toLowerCase(Locale.ROOT) : null;
            if (name == null && i < order.size()) {
                name = order.get(i);
            }
            if (name == null || !DECLARED.contains(name)) {
                problems.add(
                        JobProblem.of(JobProblem.OPTION_UNKNOWN, "unknown argument", value.text()));
            } else if (!value.isDefault()) {
                byName.put(name, value);
            }
        }
        return byName;
    }

    /**
     * Whether positional values are in alphabetical order: all six are given, the second is a
     * number or boolean (DaysOfMonth) and the last is not (StartTime, valid or not).
     */
    private static boolean alphabetical(List<WmiArguments.Value> values) {
        if (values.size() != ALPHABETICAL.size()) {
            return false;
        }
        WmiArguments.Value second = values.get(1);
        WmiArguments.Value last = values.get(5);
        return second.name() == null && last.name() == null && isScalar(second) && !isScalar(last);
    }

    /** A number, a boolean, {@code $null} or nothing: what no start time is. */
    private static boolean isScalar(WmiArguments.Value value) {
        return value.text().isEmpty() || SCALAR.matcher(value.text()).matches();
    }

    private AtJob job(Invocation invocation, String target, Map<String, WmiArguments.Value> args) {
        String command = literal(args.get("command"), "Command");
        if (invocation == Invocation.CREATE && command == null && !args.containsKey("command")) {
            problems.add(new JobProblem(JobProblem.COMMAND_MISSING, "no Command argument"));
        }
        JobTime time = invocation == Invocation.CREATE ? startTime(args.get("starttime")) : null;
        boolean repeat = bool(args.get("runrepeatedly"), "RunRepeatedly");
        Set<DayOfWeek> weekdays = weekdays(args.get("daysofweek"));
        TreeSet<Integer> monthDays = monthDays(args.get("daysofmonth"));
        JobRecurrence recurrence = recurrence(repeat, weekdays, monthDays);
        return new AtJob(
                JobSyntax.WMI_SCHEDULED_JOB,
                invocation,
                target,
                time,
                recurrence,
                bool(args.get("interactwithdesktop"), "InteractWithDesktop"),
                command,
                command == null ? JobCommandKind.UNKNOWN : JobCommandKind.of(command),
                null,
                List.of());
    }

    private static JobRecurrence recurrence(
            boolean repeat, Set<DayOfWeek> weekdays, TreeSet<Integer> monthDays) {
        if (weekdays.isEmpty() && monthDays.isEmpty()) {
            return JobRecurrence.ONCE;
        }
        JobRecurrence.Mode mode = repeat ? JobRecurrence.Mode.EVERY : JobRecurrence.Mode.NEXT;
        return new JobRecurrence(mode, weekdays, monthDays);
    }

    private JobTime startTime(WmiArguments.Value value) {
        String text = literal(value, "StartTime");
        if (text == null) {
            if (value == null) {
                problems.add(new JobProblem(JobProblem.TIME_MISSING, "no StartTime argument"));
            }
            return null;
        }
        Matcher time = START_TIME.matcher(text);
        if (!time.matches()
                || Integer.parseInt(time.group(1)) > 23
                || Integer.parseInt(time.group(2)) > 59) {
            problems.add(
                    JobProblem.of(
                            JobProblem.TIME_UNPARSED, "expected ********HHMMSS.000000+ZZZ", text));
            return null;
        }
        int offset = Integer.parseInt(time.group(5)) * (time.group(4).equals("-") ? -1 : 1);
        LocalTime clock =
                LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
        return new JobTime(text, clock, null, null, offset);
    }

    /** A literal's text, or {@code null} (reporting a variable) when it is not a literal. */
    private String literal(WmiArguments.Value value, String name) {
        if (value == null) {
            return null;
        }
        if (!value.literal()) {
            problems.add(
                    JobProblem.of(
                            JobProblem.ARGUMENT_UNRESOLVED,
                            name + " is not a literal",
                            value.text()));
            return null;
        }
        return value.text();
    }

    private boolean bool(WmiArguments.Value value, String name) {
        String text = literal(value, name);
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("$", "");
        return lower.equals("true") || lower.equals("1") || lower.equals("-1");
    }

    private Set<DayOfWeek> weekdays(WmiArguments.Value value) {
        long mask = mask(value, "DaysOfWeek", 0x7F);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1L << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return days;
    }

    private TreeSet<Integer> monthDays(WmiArguments.Value value) {
        long mask = mask(value, "DaysOfMonth", 0x7FFF_FFFFL);
        TreeSet<Integer> days = new TreeSet<>();
        for (int day = 1; day <= 31; day++) {
            if ((mask & (1L << (day - 1))) != 0) {
                days.add(day);
            }
        }
        return days;
    }

    private long mask(WmiArguments.Value value, String name, long all) {
        String text = literal(value, name);
        if (text == null) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("$false") || lower.equals("$true")) {
            // PowerShell converts a boolean to the number 0 or 1.
            return lower.equals("$true") ? 1 : 0;
        }
        if (text.matches("\\d{1,10}") && Long.parseLong(text) <= all) {
            return Long.parseLong(text);
        }
        problems.add(JobProblem.of(JobProblem.DAY_INVALID, name + " is not a day mask", text));
        return 0;
    }
}
