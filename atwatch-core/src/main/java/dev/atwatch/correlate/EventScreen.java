package dev.atwatch.correlate;

import dev.atwatch.atjob.AtJob;
import dev.atwatch.atjob.AtJobResult;
import dev.atwatch.atjob.AtJobs;
import dev.atwatch.atjob.Invocation;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cheap test that picks the events a chain may hold out of all events: process creations of at
 * tools and of schedulers' children, PowerShell script blocks creating a {@code
 * Win32_ScheduledJob}, task registrations of {@code At<n>} jobs, at spool files, atd's log lines
 * and processes. Everything else yields nothing, after a few field look-ups.
 */
final class EventScreen {

    /** Parents whose children may be Task Scheduler jobs. */
    private static final Set<String> SCHEDULERS =
            Set.of("svchost.exe", "taskeng.exe", "taskhostw.exe", "taskhost.exe");

    /** Programs that schedule jobs themselves, not through a wrapper. */
    private static final Set<String> TOOLS =
            Set.of("at", "at.exe", "batch", "wmic.exe", "powershell.exe", "pwsh.exe", "pwsh");

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ksh", "zsh", "ash");

    /**
     * Programs whose command line may schedule a job, themselves or through a wrapper; any other
     * process is not parsed, since at.exe started by it is logged as a process of its own.
     */
    private static final Set<String> SCHEDULING_PROGRAMS =
            Set.of(
                    "at.exe",
                    "at",
                    "batch",
                    "wmic.exe",
                    "powershell.exe",
                    "pwsh.exe",
                    "pwsh",
                    "cmd.exe",
                    "sh",
                    "bash",
                    "dash",
                    "zsh",
                    "ksh");

    private static final Pattern TASK_NAME = Pattern.compile("(?i)\\\\?(At\\d{1,9})");
    private static final Pattern JOB_FILE =
            Pattern.compile("(?i).*\\\\Tasks\\\\(At\\d{1,9})\\.job");
    private static final Pattern CLASSIC_TASK_NAME =
            Pattern.compile("Task Name:\\s*\\\\?(At\\d{1,9})\\s");
    private static final Pattern TASK_COMMAND =
            Pattern.compile("<Command>([^<]{1,4096})</Command>");
    private static final Pattern TASK_ARGUMENTS =
            Pattern.compile("<Arguments>([^<]{1,4096})</Arguments>");
    private static final List<String> SPOOLS = List.of("/var/spool/cron/atjobs/", "/var/spool/at/");

    /** at(1)'s spool file name: queue letter, five hex digits of job number, eight of minutes. */
    private static final Pattern SPOOL_FILE = Pattern.compile("[A-Za-z=][0-9a-f]{5}[0-9a-f]{8}");

    /** Most characters of a script block kept to show a chain's creation. */
    static final int MAX_SCRIPT_CHARS = 4_096;

    /** The host name given to events that name none (such as {@code ausearch -i} output). */
    static final String UNKNOWN_HOST = "(unknown host)";

    private EventScreen() {}

    /** The candidates an event gives; usually none. */
    static List<Candidate> screen(Event event) {
        double time = event.time();
        String hostName = hostName(event);
        if (Double.isNaN(time)) {
            return List.of();
        }
        Source source = new Source(event, hostKey(hostName), hostName, time);
        String sourcetype = lower(event.text(Event.SOURCETYPE));
        if (sourcetype.startsWith("linux:audit")) {
            return AuditScreen.screen(source);
        }
        if ("atd".equals(event.text("process"))) {
            return atdLine(source);
        }
        String code = event.text("EventCode");
        if (code == null) {
            return List.of();
        }
        return switch (code) {
            case "1" -> event.text("Image") == null ? List.of() : process(source, true);
            case "4688" -> process(source, false);
            case "4104" -> scriptBlock(source);
            case "4698", "106" -> registration(source, code);
            case "11" -> jobFile(source);
            default -> List.of();
        };
    }

    /**
     * The key that groups a host's events: its name in lower case without the domain, so that
     * {@code WS-FIN-014.kestrel.lan} and a forwarder's {@code ws-fin-014} are one host. Addresses
     * are kept whole.
     */
    static String hostKey(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot <= 0 || lower.matches("[0-9.]+") || lower.contains(":")) {
            return lower;
        }
        return lower.substring(0, dot);
    }

    /** An event with the facts every candidate needs. */
    record Source(Event event, String host, String hostName, double time) {
        String text(String... names) {
            for (String name : names) {
                String value = event.text(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        Provenance provenance() {
            return event.provenance();
        }

        Candidate candidate(
                Candidate.Kind kind,
                Observation observation,
                AtJob job,
                long pid,
                long parentPid,
                String uid,
                String name,
                String command,
                int rank) {
            return new Candidate(
                    kind,
                    host,
                    hostName,
                    observation,
                    job,
                    pid,
                    parentPid,
                    uid,
                    name,
                    command,
                    rank);
        }
    }

    /**
     * The host an event names, or {@link #UNKNOWN_HOST}: events without one are linked together.
     */
    static String hostName(Event event) {
        String host = event.text(Event.HOST);
        host = host != null ? host : event.text("Computer");
        return host != null ? host : UNKNOWN_HOST;
    }

    private static List<Candidate> process(Source source, boolean sysmon) {
        String image = source.text("Image", "NewProcessName", "New_Process_Name");
        String commandLine = source.text("CommandLine", "Process_Command_Line");
        if (image == null && commandLine == null) {
            return List.of();
        }
        long pid =
                sysmon
                        ? id(source.text("ProcessId"))
                        : id(source.text("NewProcessId", "New_Process_ID"));
        long parentPid =
                sysmon
                        ? id(source.text("ParentProcessId"))
                        : id(source.text("ProcessId", "Creator_Process_ID"));
        String kind = sysmon ? "Sysmon 1" : "Security 4688";
        Observation observation =
                new Observation(
                        source.time(),
                        source.provenance(),
                        kind,
                        image,
                        commandLine,
                        windowsUser(source),
                        null);
        Optional<AtJob> job = createdJob(source, image, commandLine);
        if (job.isPresent()) {
            int rank = (schedulesItself(image, source) ? 2 : 0) + (sysmon ? 1 : 0);
            return List.of(
                    source.candidate(
                            Candidate.Kind.CREATION,
                            observation,
                            job.get(),
                            pid,
                            parentPid,
                            null,
                            null,
                            job.get().command(),
                            rank));
        }
        if (!scheduledBy(source)) {
            return List.of();
        }
        return List.of(
                source.candidate(
                        Candidate.Kind.SCHEDULED_PROCESS,
                        observation,
                        null,
                        pid,
                        parentPid,
                        null,
                        null,
                        commandLine,
                        sysmon ? 1 : 0));
    }

    /** The job a process creates; a renamed tool is read as the tool by its OriginalFileName. */
    private static Optional<AtJob> createdJob(Source source, String image, String commandLine) {
        String original = source.text("OriginalFileName");
        if (commandLine == null || !maySchedule(image, original)) {
            return Optional.empty();
        }
        AtJobResult result = AtJobs.parse(commandLine, image, original);
        return result.asJob().filter(job -> job.invocation() == Invocation.CREATE);
    }

    private static boolean maySchedule(String image, String original) {
        return image == null
                || SCHEDULING_PROGRAMS.contains(fileName(image))
                || AtJobs.toolByOriginalName(original).isPresent();
    }

    private static boolean schedulesItself(String image, Source source) {
        Optional<String> original = AtJobs.toolByOriginalName(source.text("OriginalFileName"));
        return isTool(image) || (original.isPresent() && TOOLS.contains(original.get()));
    }

    /**
     * Whether a process's parent is a scheduler. A {@code svchost.exe} parent must be able to host
     * the Schedule service ({@link #hostsSchedule}).
     */
    private static boolean scheduledBy(Source source) {
        String parent = source.text("ParentImage", "ParentProcessName", "Creator_Process_Name");
        if (parent == null || !SCHEDULERS.contains(fileName(parent))) {
            return false;
        }
        return !fileName(parent).equals("svchost.exe")
                || hostsSchedule(source.text("ParentCommandLine"));
    }

    /**
     * Whether a {@code svchost.exe} with this command line may run the Schedule service: its own
     * instance ({@code -s Schedule}, Windows 10 1703 and later), the shared {@code -k netsvcs}
     * group (with or without {@code -p}: Windows 7 to 10 1607, Server 2008 to 2016, where at.exe
     * still works), or an unknown command line (Security 4688 names only the parent's image). Other
     * groups and other {@code -s} services do not.
     */
    static boolean hostsSchedule(String commandLine) {
        if (commandLine == null) {
            return true;
        }
        String[] words = lower(commandLine).replace("\"", " ").strip().split("\\s+");
        String group = null;
        String service = null;
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-k")) {
                group = words[i + 1];
            } else if (words[i].equals("-s")) {
                service = words[i + 1];
            }
        }
        if (service != null) {
            return service.equals("schedule");
        }
        return group == null ? lower(commandLine).contains("schedule") : group.equals("netsvcs");
    }

    /** A PowerShell script block (Event ID 4104) that creates a {@code Win32_ScheduledJob}. */
    private static List<Candidate> scriptBlock(Source source) {
        String script = source.text("ScriptBlockText");
        if (script == null) {
            return List.of();
        }
        Optional<AtJob> job =
                AtJobs.parseScript(script)
                        .asJob()
                        .filter(created -> created.invocation() == Invocation.CREATE);
        if (job.isEmpty()) {
            return List.of();
        }
        String user = windowsUser(source);
        Observation observation =
                new Observation(
                        source.time(),
                        source.provenance(),
                        "PowerShell 4104",
                        null,
                        shortened(script),
                        user != null ? user : source.text("UserID"),
                        null);
        // Without a process id the script block merges with the process that ran it (Sysmon 1,
        // 4688: same job, within seconds), which stays the creation as the better record.
        return List.of(
                source.candidate(
                        Candidate.Kind.CREATION,
                        observation,
                        job.get(),
                        -1,
                        -1,
                        null,
                        null,
                        job.get().command(),
                        1));
    }

    private static String shortened(String text) {
        if (text.length() <= MAX_SCRIPT_CHARS) {
            return text;
        }
        return text.substring(0, MAX_SCRIPT_CHARS) + "...";
    }

    private static List<Candidate> registration(Source source, String code) {
        String task = source.text("TaskName", "Task_Name");
        String name = task == null ? null : taskName(task);
        String message = source.text("Message");
        if (name == null && message != null) {
            Matcher m = CLASSIC_TASK_NAME.matcher(message);
            name = m.find() ? m.group(1) : null;
        }
        if (name == null) {
            return List.of();
        }
        String content = source.text("TaskContent", "Task_Content");
        String command = taskCommand(content != null ? content : message);
        String kind = code.equals("106") ? "TaskScheduler 106" : "Security 4698";
        Observation observation =
                new Observation(
                        source.time(),
                        source.provenance(),
                        kind,
                        null,
                        command,
                        windowsUser(source),
                        name);
        return List.of(
                source.candidate(
                        Candidate.Kind.REGISTRATION,
                        observation,
                        null,
                        -1,
                        -1,
                        null,
                        name,
                        command,
                        command == null ? 1 : 2));
    }

    private static List<Candidate> jobFile(Source source) {
        String target = source.text("TargetFilename");
        if (target == null) {
            return List.of();
        }
        Matcher m = JOB_FILE.matcher(target);
        if (!m.matches()) {
            return List.of();
        }
        String name = "At" + m.group(1).substring(2);
        Observation observation =
                new Observation(
                        source.time(),
                        source.provenance(),
                        "Sysmon 11",
                        source.text("Image"),
                        null,
                        windowsUser(source),
                        target);
        return List.of(
                source.candidate(
                        Candidate.Kind.REGISTRATION,
                        observation,
                        null,
                        id(source.text("ProcessId")),
                        -1,
                        null,
                        name,
                        null,
                        1));
    }

    /** atd's "Starting job N (file)" line: a run of the job in that spool file. */
    private static List<Candidate> atdLine(Source source) {
        String file = source.text("job_file");
        if (file == null) {
            return List.of();
        }
        Observation observation =
                new Observation(
                        source.time(),
                        source.provenance(),
                        "syslog atd",
                        null,
                        source.text("message"),
                        source.text("user"),
                        file);
        return List.of(
                source.candidate(
                        Candidate.Kind.ATD_JOB,
                        observation,
                        null,
                        id(source.text("pid")),
                        -1,
                        source.text("uid"),
                        file,
                        null,
                        1));
    }

    /** {@code At3} from {@code \At3} or {@code At3}; {@code null} for other task names. */
    static String taskName(String task) {
        Matcher m = TASK_NAME.matcher(task.strip());
        return m.matches() ? "At" + m.group(1).substring(2) : null;
    }

    /** The command and arguments of a task definition's first action, or {@code null}. */
    static String taskCommand(String content) {
        if (content == null) {
            return null;
        }
        Matcher command = TASK_COMMAND.matcher(content);
        if (!command.find()) {
            return null;
        }
        Matcher arguments = TASK_ARGUMENTS.matcher(content);
        String text = command.group(1).strip();
        if (arguments.find(command.end())) {
            text = text + " " + arguments.group(1).strip();
        }
        return unescape(text.strip());
    }

    /** The spool file a path names, when it is an at spool file; else {@code null}. */
    static String spoolFile(String path) {
        for (String spool : SPOOLS) {
            if (path.startsWith(spool)) {
                String name = path.substring(spool.length());
                return SPOOL_FILE.matcher(name).matches() ? name : null;
            }
        }
        return null;
    }

    /** When a spool file's job is due: the minute its name holds, epoch seconds, or -1. */
    static long spoolFileMinute(String file) {
        try {
            return Long.parseLong(file.substring(6), 16) * 60;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Whether {@code program} schedules jobs itself (at, batch, wmic, PowerShell), not sudo. */
    static boolean isTool(String program) {
        return program != null && TOOLS.contains(fileName(program));
    }

    static boolean isShell(String program) {
        return program != null && SHELLS.contains(fileName(program));
    }

    private static String windowsUser(Source source) {
        String user = source.text("User");
        if (user != null) {
            return user;
        }
        String name = source.text("SubjectUserName");
        String domain = source.text("SubjectDomainName");
        if (name != null) {
            return domain == null ? name : domain + "\\" + name;
        }
        return source.text("Account_Name");
    }

    /** A decimal or {@code 0x} hexadecimal process id, or -1. */
    static long id(String text) {
        if (text == null) {
            return -1;
        }
        try {
            String value = text.strip();
            if (value.startsWith("0x") || value.startsWith("0X")) {
                return Long.parseLong(value.substring(2), 16);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    static List<String> values(Event event, String name) {
        FieldValue value = event.get(name);
        return value == null ? List.of() : value.strings();
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
