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
 * pipeline such as {@code echo cmd | at now}), else the result names the problem.
 */
final class UnixAtParser {

    private static final String OPTIONS_WITH_VALUE = "qfto";
    private static final String FLAGS = "mMlrdbcvVkKh";

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
