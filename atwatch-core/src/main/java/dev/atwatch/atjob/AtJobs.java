package dev.atwatch.atjob;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads command lines as at invocations: Windows {@code at.exe}, Unix {@code at}/{@code
 * batch}/{@code atq}/{@code atrm}, and {@code Win32_ScheduledJob.Create} through {@code wmic} or
 * PowerShell (also inside {@code -EncodedCommand}, or as a script block's text). A command line
 * wrapped in {@code cmd /c}, {@code sh -c} or {@code sudo}, or fed by {@code echo ... |}, is
 * unwrapped.
 *
 * <p>The methods never throw: the result is a job, a partial job with its problems named, or {@link
 * AtJobResult.NotAJob} with the reason. Input is treated as hostile: at most {@link
 * #MAX_COMMAND_LINE_CHARS} characters are read, and wrappers are unwrapped at most {@link
 * #MAX_NESTING} deep.
 */
public final class AtJobs {

    /** Longest command line read; the rest is cut off and the result says so. */
    public static final int MAX_COMMAND_LINE_CHARS = 65_536;

    /** Most arguments of one argument list read. */
    public static final int MAX_ARGUMENTS = 4_096;

    /** Deepest nesting of wrappers such as {@code cmd /c} or {@code powershell -enc}. */
    public static final int MAX_NESTING = 4;

    /** Tools by their lower-case {@code OriginalFileName}, as Sysmon reports it. */
    private static final Map<String, String> TOOLS_BY_ORIGINAL_NAME =
            Map.of(
                    "at.exe", "at.exe",
                    "wmic.exe", "wmic.exe",
                    "powershell.exe", "powershell.exe",
                    "pwsh.dll", "pwsh.exe",
                    "cmd.exe", "cmd.exe");

    private AtJobs() {}

    /**
     * Reads one command line. Which tool it is comes from the program name; a bare {@code at}
     * counts as at.exe when its arguments use at.exe's syntax ({@code \\host}, {@code /switch},
     * nothing at all, a job id, or a time followed by a command), and as Unix at(1) when they start
     * with an option or form an at(1) time specification: {@code at 13:20} and {@code at 1530} are
     * read as Unix, {@code at 15} as listing at.exe job 15.
     */
    public static AtJobResult parse(String commandLine) {
        try {
            return parseChecked(commandLine);
        } catch (RuntimeException e) {
            return new AtJobResult.NotAJob(
                    "unreadable command line (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads a process event's command line knowing its image, the executable's path (Sysmon's
     * {@code Image}, Security 4688's {@code NewProcessName}, auditd's {@code exe}). An image that
     * is at.exe (a Windows path or {@code .exe}) makes a bare {@code at} read as at.exe, so that
     * {@code at 13:20} is at.exe lacking its command; a Unix path makes it read as at(1). A null or
     * other image leaves the choice to {@link #parse(String)}.
     */
    public static AtJobResult parse(String commandLine, String image) {
        try {
            return parseChecked(commandLine, atSyntaxOf(image));
        } catch (RuntimeException e) {
            return new AtJobResult.NotAJob(
                    "unreadable command line (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads a process event's command line knowing its image and Sysmon's {@code OriginalFileName}:
     * a renamed copy of a tool ({@code task.exe} whose original name is {@code AT.EXE}) is read as
     * the tool, as though its command line began with the tool's name. Without an original name
     * that names a tool, the same as {@link #parse(String, String)}.
     */
    public static AtJobResult parse(String commandLine, String image, String originalFileName) {
        Optional<String> tool = toolByOriginalName(originalFileName);
        if (tool.isEmpty()
                || commandLine == null
                || (image != null && fileName(image).equalsIgnoreCase(tool.get()))) {
            return parse(commandLine, image);
        }
        String line = commandLine.strip();
        return parse(tool.get() + line.substring(firstWordEnd(line)), tool.get());
    }

    /**
     * The tool a Sysmon {@code OriginalFileName} (the name compiled into the executable, kept when
     * the file is renamed) stands for: {@code at.exe}, {@code wmic.exe}, {@code powershell.exe},
     * {@code pwsh.exe} or {@code cmd.exe}; empty for any other name or {@code null}.
     */
    public static Optional<String> toolByOriginalName(String originalFileName) {
        if (originalFileName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                TOOLS_BY_ORIGINAL_NAME.get(originalFileName.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * Reads PowerShell script text, such as the {@code ScriptBlockText} of a PowerShell 4104 event,
     * for a use of {@code Win32_ScheduledJob}; other script text is not a job. At most {@link
     * #MAX_COMMAND_LINE_CHARS} characters are read.
     */
    public static AtJobResult parseScript(String script) {
        try {
            if (script == null || script.isBlank()) {
                return new AtJobResult.NotAJob("empty script");
            }
            List<JobProblem> problems = new ArrayList<>();
            String text = script;
            if (text.length() > MAX_COMMAND_LINE_CHARS) {
                text = text.substring(0, MAX_COMMAND_LINE_CHARS);
                problems.add(truncated(script.length() + " characters"));
            }
            if (!WmiJobParser.mentionsScheduledJob(text)) {
                return new AtJobResult.NotAJob("the script does not use Win32_ScheduledJob");
            }
            return WmiJobParser.parse(text, false, problems);
        } catch (RuntimeException e) {
            return new AtJobResult.NotAJob(
                    "unreadable script (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads an argument list as auditd's EXECVE record gives it ({@code a0} first): {@code at},
     * {@code batch}, {@code atq} or {@code atrm} by any path.
     */
    public static AtJobResult parseUnix(List<String> argv) {
        try {
            return parseUnixChecked(argv);
        } catch (RuntimeException e) {
            return new AtJobResult.NotAJob(
                    "unreadable argument list (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@link #parse} without the last-resort guard, so that tests see every failure. */
    static AtJobResult parseChecked(String commandLine) {
        return parseChecked(commandLine, null);
    }

    /** The grammar an image that is {@code at} imposes, or {@code null}. */
    private static JobSyntax atSyntaxOf(String image) {
        if (image == null) {
            return null;
        }
        String name = fileName(image).toLowerCase(Locale.ROOT);
        if (name.equals("at.exe") || (name.equals("at") && image.contains("\\"))) {
            return JobSyntax.WINDOWS_AT;
        }
        return name.equals("at") && image.contains("/") ? JobSyntax.UNIX_AT : null;
    }

    static AtJobResult parseChecked(String commandLine, JobSyntax atSyntax) {
        if (commandLine == null || commandLine.isBlank()) {
            return new AtJobResult.NotAJob("empty command line");
        }
        List<JobProblem> problems = new ArrayList<>();
        String line = commandLine;
        if (line.length() > MAX_COMMAND_LINE_CHARS) {
            line = line.substring(0, MAX_COMMAND_LINE_CHARS);
            problems.add(truncated(commandLine.length() + " characters"));
        }
        return new AtJobs.Reading(problems, atSyntax).line(line, 0);
    }

    static AtJobResult parseUnixChecked(List<String> argv) {
        if (argv == null || argv.isEmpty() || argv.get(0) == null) {
            return new AtJobResult.NotAJob("empty argument list");
        }
        List<JobProblem> problems = new ArrayList<>();
        List<String> args = new ArrayList<>();
        int chars = 0;
        for (String arg : argv) {
            chars += arg == null ? 0 : arg.length();
            if (args.size() == MAX_ARGUMENTS || chars > MAX_COMMAND_LINE_CHARS) {
                problems.add(truncated(argv.size() + " arguments"));
                break;
            }
            args.add(arg == null ? "" : arg);
        }
        List<String> command = UnixAtParser.behindSudo(args);
        if (command.isEmpty()) {
            return new AtJobResult.NotAJob("sudo runs no command");
        }
        if (UnixAtParser.tool(command.get(0)) == null) {
            return new AtJobResult.NotAJob(notAnAtTool(command.get(0)));
        }
        return UnixAtParser.parse(command, null, problems);
    }

    /** The file name of a program path, Windows or Unix. */
    static String fileName(String program) {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1);
    }

    /** Where the first word of {@code text} (quoted or not) ends. */
    private static int firstWordEnd(String text) {
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            return close < 0 ? text.length() : close + 1;
        }
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static JobProblem truncated(String size) {
        return new JobProblem(
                JobProblem.INPUT_TRUNCATED,
                "input of "
                        + size
                        + " cut to the command-line limit of "
                        + MAX_COMMAND_LINE_CHARS
                        + " characters or "
                        + MAX_ARGUMENTS
                        + " arguments");
    }

    private static String notAnAtTool(String program) {
        return "'" + JobProblem.quote(fileName(program)) + "' is not at, batch, atq or atrm";
    }

    /** One reading of a command line, carrying the problems found on the way down. */
    private static final class Reading {
        private final List<JobProblem> problems;
        private final JobSyntax atSyntax;

        /** {@code atSyntax}, when not null, decides how the outermost {@code at} is read. */
        Reading(List<JobProblem> problems, JobSyntax atSyntax) {
            this.problems = problems;
            this.atSyntax = atSyntax;
        }

        AtJobResult line(String line, int depth) {
            if (depth > MAX_NESTING) {
                return new AtJobResult.NotAJob("wrappers nested deeper than " + MAX_NESTING);
            }
            List<WindowsArgs.Arg> args = WindowsArgs.split(line);
            if (args.isEmpty()) {
                return new AtJobResult.NotAJob("empty command line");
            }
            String program = fileName(args.get(0).value()).toLowerCase(Locale.ROOT);
            String stem =
                    program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program;
            return switch (stem) {
                case "at" ->
                        windowsAt(args, depth)
                                ? WindowsAtParser.parse(line, args, problems)
                                : unixLine(line);
                case "batch", "atq", "atrm" -> unixLine(line);
                case "sudo" -> sudo(line, depth);
                case "wmic" -> wmic(line, args);
                case "powershell", "pwsh" -> powershell(args);
                case "cmd" -> cmd(line, args, depth);
                default -> other(line, depth);
            };
        }

        private AtJobResult unixLine(String line) {
            List<List<String>> stages = ShellWords.pipeline(line);
            for (int i = stages.size() - 1; i >= 0; i--) {
                List<String> stage = UnixAtParser.behindSudo(stages.get(i));
                if (!stage.isEmpty() && UnixAtParser.tool(stage.get(0)) != null) {
                    String stdin = i > 0 ? echoed(stages.get(i - 1)) : null;
                    return UnixAtParser.parse(stage, stdin, problems);
                }
            }
            return new AtJobResult.NotAJob("no at, batch, atq or atrm in the pipeline");
        }

        /** The command sudo runs: at(1) itself, a shell's {@code -c} text, or a pipeline. */
        private AtJobResult sudo(String line, int depth) {
            List<List<String>> stages = ShellWords.pipeline(line);
            List<String> command = UnixAtParser.behindSudo(stages.get(0));
            boolean atItself = !command.isEmpty() && UnixAtParser.tool(command.get(0)) != null;
            if (stages.size() > 1 || atItself) {
                return unixLine(line);
            }
            if (command.isEmpty()) {
                return new AtJobResult.NotAJob("sudo runs no command");
            }
            String program = fileName(command.get(0));
            if (isShell(program) && command.size() > 2 && command.get(1).equals("-c")) {
                return line(command.get(2), depth + 1);
            }
            return new AtJobResult.NotAJob(notAnAtTool(program));
        }

        /** What {@code echo words} or {@code printf words} writes, or {@code null}. */
        private static String echoed(List<String> stage) {
            if (stage.size() < 2) {
                return null;
            }
            String program = fileName(stage.get(0));
            if (!program.equals("echo") && !program.equals("printf")) {
                return null;
            }
            int first = stage.size() > 2 && stage.get(1).startsWith("-") ? 2 : 1;
            return String.join(" ", stage.subList(first, stage.size()));
        }

        private AtJobResult other(String line, int depth) {
            List<String> words = ShellWords.split(line);
            String program = words.isEmpty() ? "" : fileName(words.get(0));
            if (isShell(program) && words.size() > 2 && words.get(1).equals("-c")) {
                return line(words.get(2), depth + 1);
            }
            if (words.contains("|")) {
                return unixLine(line);
            }
            return new AtJobResult.NotAJob(notAnAtTool(program));
        }

        private static boolean isShell(String program) {
            return JobCommandKind.of(program) == JobCommandKind.SHELL;
        }

        private AtJobResult wmic(String line, List<WindowsArgs.Arg> args) {
            int alias = 1;
            while (alias < args.size() && args.get(alias).value().startsWith("/")) {
                alias++;
            }
            String word =
                    alias < args.size() ? args.get(alias).value().toLowerCase(Locale.ROOT) : "";
            String next = alias + 1 < args.size() ? args.get(alias + 1).value() : "";
            boolean jobs =
                    word.equals("job")
                            || ((word.equals("path") || word.equals("class"))
                                    && WmiJobParser.mentionsScheduledJob(next));
            if (!jobs) {
                return new AtJobResult.NotAJob("wmic does not address Win32_ScheduledJob");
            }
            // wmic reads its arguments by the C runtime's rules, where \" is a literal quote.
            String arguments = line.substring(args.get(0).end()).replace("\\\"", "\"");
            return WmiJobParser.parse(arguments, true, problems);
        }

        private AtJobResult powershell(List<WindowsArgs.Arg> args) {
            StringBuilder script = new StringBuilder();
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i).value();
                if (isEncodedCommand(arg) && i + 1 < args.size()) {
                    script.append(decode(args.get(++i).value()));
                } else {
                    script.append(arg);
                }
                script.append(' ');
            }
            String text = script.toString();
            if (WmiJobParser.mentionsScheduledJob(text)) {
                return WmiJobParser.parse(text, false, problems);
            }
            return new AtJobResult.NotAJob(
                    "the PowerShell command does not use Win32_ScheduledJob");
        }

        private AtJobResult cmd(String line, List<WindowsArgs.Arg> args, int depth) {
            for (int i = 1; i < args.size() - 1; i++) {
                String arg = args.get(i).value().toLowerCase(Locale.ROOT);
                if (arg.equals("/c") || arg.equals("/k") || arg.equals("/r")) {
                    String rest = line.substring(args.get(i + 1).start()).strip();
                    if (rest.length() > 1 && rest.startsWith("\"") && rest.endsWith("\"")) {
                        rest = rest.substring(1, rest.length() - 1);
                    }
                    return line(rest, depth + 1);
                }
            }
            return new AtJobResult.NotAJob("cmd.exe without /c or /k runs no command");
        }

        private boolean windowsAt(List<WindowsArgs.Arg> args, int depth) {
            if (depth == 0 && atSyntax != null) {
                return atSyntax == JobSyntax.WINDOWS_AT;
            }
            return windowsStyle(args);
        }

        /**
         * Whether a bare or Windows-path {@code at} uses at.exe's syntax; see {@link AtJobs#parse}.
         */
        private static boolean windowsStyle(List<WindowsArgs.Arg> args) {
            String program = args.get(0).value();
            if (program.contains("\\") || program.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                return true;
            }
            if (program.contains("/") || (args.size() > 1 && args.get(1).value().startsWith("-"))) {
                return false;
            }
            if (args.size() == 1 || args.get(1).value().matches("\\\\\\\\.*|/.*")) {
                return true;
            }
            if (args.get(1).value().matches("\\d{1,10}")) {
                // A job id, unless the words form an at(1) time such as "1530" or "123126".
                return !isUnixTimespec(args);
            }
            if (args.stream().anyMatch(arg -> isWindowsJobSwitch(arg.value()))) {
                return true;
            }
            // A time and a command: at.exe, unless the words read as an at(1) time.
            boolean timeFirst = args.get(1).value().matches("\\d{1,2}:\\d{1,2}\\S*");
            return timeFirst && args.size() > 2 && !isUnixTimespec(args);
        }

        private static boolean isWindowsJobSwitch(String arg) {
            String lower = arg.toLowerCase(Locale.ROOT);
            return lower.equals("/interactive")
                    || lower.startsWith("/every:")
                    || lower.startsWith("/next:");
        }

        private static boolean isUnixTimespec(List<WindowsArgs.Arg> args) {
            List<String> words = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                words.add(args.get(i).value());
            }
            try {
                UnixTimespec.parse(String.join(" ", words));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean isEncodedCommand(String arg) {
            String lower = arg.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("-") && !lower.startsWith("/")) {
                return false;
            }
            String name = lower.substring(1);
            return name.equals("ec") || (!name.isEmpty() && "encodedcommand".startsWith(name));
        }

        /** Decodes base64 UTF-16LE PowerShell text; undecodable text is kept as it is. */
        private String decode(String base64) {
            try {
                byte[] bytes = Base64.getDecoder().decode(base64.strip());
                return StandardCharsets.UTF_16LE.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException e) {
                problems.add(JobProblem.of(JobProblem.ARGUMENT_UNRESOLVED, "not base64", base64));
                return base64;
            }
        }
    }
}
