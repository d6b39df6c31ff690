package dev.atwatch.atjob;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the argument lists of at(1) and its companions:
 *
 * <pre>
 * at [-V] [-q queue] [-f file] [-mMkv] timespec...      at ... -t [[CC]YY]MMDDhhmm[.SS]
 * at -l | atq [-q queue]            at -c job...         at -r|-d job... | atrm job...
 * batch [-q queue] [-f file]        at -b
 * </pre>
 *
 * Options may be grouped ({@code -mf file}) and, as with GNU getopt, may follow operands. Without
 * {@code -f}, at reads the job's commands from standard input; the caller may know them (from a
 * pipeline such as {@code echo cmd | at now}), else the result names the problem. A command run
 * through {@code sudo} ({@code sudo at now}, {@code sudo -u bob at -f job.sh noon}) is read as the
 * command sudo runs.
 */
final class UnixAtParser {

    private static final String OPTIONS_WITH_VALUE = "qfto";
    private static final String FLAGS = "mMlrdbcvVkKh";

    /** sudo's short options that take a value. */
    private static final String SUDO_OPTIONS_WITH_VALUE = "CDgpRrtTUu";

    /** sudo's long options that take a value (when not written {@code --name=value}). */
    private static final Set<String> SUDO_LONG_WITH_VALUE =
            Set.of(
                    "--close-from",
                    "--chdir",
                    "--group",
                    "--host",
                    "--prompt",
                    "--chroot",
                    "--role",
                    "--type",
                    "--command-timeout",
                    "--other-user",
                    "--user");

    /** sudo options after which it runs no command: edit, list, validate, version, help. */
    private static final String SUDO_NO_COMMAND = "elvVKh";

    private final List<String> argv;
    private final String stdinCommand;
    private final List<JobProblem> problems = new ArrayList<>();
    private final Set<Character> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();
    private String queue;
    private String file;
    private String posixTime;

    private UnixAtParser(List<String> argv, String stdinCommand) {
        this.argv = argv;
        this.stdinCommand = stdinCommand;
    }

    /**
     * Parses {@code argv} (program name first); {@code stdinCommand} is the job's commands when
     * known, else {@code null}.
     */
    static AtJobResult parse(List<String> argv, String stdinCommand, List<JobProblem> earlier) {
        UnixAtParser parser = new UnixAtParser(argv, stdinCommand);
        parser.problems.addAll(earlier);
        return parser.parse();
    }

    /** The tool a program name stands for, or {@code null} when it is none of them. */
    static String tool(String program) {
        String name = AtJobs.fileName(program).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "at", "batch", "atq", "atrm" -> name;
            default -> null;
        };
    }

    /**
     * The command {@code sudo} runs in {@code words} (its options and environment assignments
     * skipped), or {@code words} themselves when they do not start with sudo; empty when sudo runs
     * no command ({@code sudo -l}, {@code sudo -e file}).
     */
    static List<String> behindSudo(List<String> words) {
        if (words.isEmpty() || !AtJobs.fileName(words.get(0)).equals("sudo")) {
            return words;
        }
        int i = 1;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            if (word.startsWith("--")) {
                i += SUDO_LONG_WITH_VALUE.contains(word) ? 2 : 1;
            } else if (word.length() > 1 && word.startsWith("-")) {
                int used = sudoOptionGroup(word);
                if (used < 0) {
                    return List.of();
                }
                i += used;
            } else if (word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else {
                break;
            }
        }
        return i < words.size() ? words.subList(i, words.size()) : List.of();
    }

    /**
     * How many words a group of sudo's short options uses (1, or 2 when its last option takes the
     * next word as its value); -1 when an option makes sudo run no command.
     */
    private static int sudoOptionGroup(String group) {
        for (int c = 1; c < group.length(); c++) {
            char option = group.charAt(c);
            if (SUDO_NO_COMMAND.indexOf(option) >= 0) {
                return -1;
            }
            if (SUDO_OPTIONS_WITH_VALUE.indexOf(option) >= 0) {
                return c + 1 < group.length() ? 1 : 2;
            }
        }
        return 1;
    }

    private AtJobResult parse() {
        readOptions();
        String tool = tool(argv.get(0));
        if ("atq".equals(tool) || flags.contains('l')) {
            return listOrDelete(Invocation.LIST);
        }
        if ("atrm".equals(tool) || flags.contains('r') || flags.contains('d')) {
            return listOrDelete(Invocation.DELETE);
        }
        if (flags.contains('c')) {
            return listOrDelete(Invocation.LIST);
        }
        if (flags.contains('h')) {
            return new AtJobResult.NotAJob("at -h only prints its usage");
        }
        if (flags.contains('V') && operands.isEmpty() && posixTime == null) {
            return new AtJobResult.NotAJob("at -V only prints its version");
        }
        boolean batch = "batch".equals(tool) || flags.contains('b');
        return create(batch ? JobTime.now("batch") : time());
    }

    private void readOptions() {
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                operands.addAll(argv.subList(i + 1, argv.size()));
                return;
            }
            if (arg.length() > 1 && arg.charAt(0) == '-' && !Character.isDigit(arg.charAt(1))) {
                i = optionGroup(i);
            } else {
                operands.add(arg);
            }
        }
    }

    /** Reads the options grouped in {@code argv[i]}; returns the index of the last used arg. */
    private int optionGroup(int i) {
        String arg = argv.get(i);
        for (int c = 1; c < arg.length(); c++) {
            char option = arg.charAt(c);
            if (OPTIONS_WITH_VALUE.indexOf(option) >= 0) {
                String value = c + 1 < arg.length() ? arg.substring(c + 1) : null;
                if (value == null && i + 1 < argv.size()) {
                    value = argv.get(++i);
                }
                optionValue(option, value);
                return i;
            }
            if (FLAGS.indexOf(option) >= 0) {
                flags.add(option);
            } else {
                problems.add(
                        JobProblem.of(JobProblem.OPTION_UNKNOWN, "unknown option", "-" + option));
            }
        }
        return i;
    }

    private void optionValue(char option, String value) {
        if (value == null) {
            problems.add(
                    new JobProblem(
                            JobProblem.OPTION_VALUE_MISSING, "-" + option + " needs a value"));
            return;
        }
        switch (option) {
            case 'q' -> queue = value;
            case 'f' -> file = value;
            case 't' -> posixTime = value;
            default -> {
                // -o is atq's output format: no bearing on the job.
            }
        }
    }

    private JobTime time() {
        String text = String.join(" ", operands);
        try {
            if (posixTime != null) {
                return UnixTimespec.parsePosix(posixTime);
            }
            if (operands.isEmpty()) {
                problems.add(new JobProblem(JobProblem.TIME_MISSING, "no time specification"));
                return null;
            }
            return UnixTimespec.parse(text);
        } catch (IllegalArgumentException e) {
            String shown = posixTime != null ? posixTime : text;
            problems.add(JobProblem.of(JobProblem.TIME_UNPARSED, e.getMessage(), shown));
            return null;
        }
    }

    private AtJobResult create(JobTime time) {
        String command = file != null ? file : stdinCommand;
        JobCommandKind kind = file != null ? JobCommandKind.FILE : JobCommandKind.SHELL;
        if (command == null) {
            kind = JobCommandKind.UNKNOWN;
            problems.add(
                    new JobProblem(
                            JobProblem.COMMAND_ON_STDIN,
                            "the job's commands are read from standard input, which the"
                                    + " command line does not show"));
        }
        AtJob job =
                new AtJob(
                        JobSyntax.UNIX_AT,
                        Invocation.CREATE,
                        null,
                        time,
                        JobRecurrence.ONCE,
                        false,
                        command,
                        kind,
                        queue,
                        List.of());
        return AtJobResult.of(job, problems);
    }

    private AtJobResult listOrDelete(Invocation invocation) {
        List<String> ids = new ArrayList<>();
        for (String operand : operands) {
            if (operand.matches("\\d{1,10}")) {
                ids.add(operand);
            } else {
                problems.add(JobProblem.of(JobProblem.JOB_ID_INVALID, "not a job id", operand));
            }
        }
        AtJob job =
                new AtJob(
                        JobSyntax.UNIX_AT,
                        invocation,
                        null,
                        null,
                        JobRecurrence.ONCE,
                        false,
                        null,
                        JobCommandKind.UNKNOWN,
                        queue,
                        ids);
        return AtJobResult.of(job, problems);
    }
}
