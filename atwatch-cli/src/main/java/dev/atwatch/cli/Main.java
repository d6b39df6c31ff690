package dev.atwatch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code atwatch} command. */
@Command(
        name = "atwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Finds abuse of the at job scheduler (ATT&CK T1053.002) in Windows and Linux logs.",
        subcommands = {
            HuntCommand.class,
            FollowCommand.class,
            QueryCommand.class,
            ConvertCommand.class,
            ValidateCommand.class,
            LintCommand.class,
            ReportCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch hunt examples/",
            "  atwatch query --spl-file ../shared/spl/seed-query.spl examples/windows/"
        })
public final class Main implements Runnable {

    /** The environment variable that, set to anything but empty or 0, acts as {@code --debug}. */
    static final String DEBUG_VARIABLE = "ATWATCH_DEBUG";

    /** Longest error message printed for an unexpected failure. */
    private static final int MESSAGE_CHARS = 300;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description =
                    "print the stack trace of an unexpected failure (also "
                            + DEBUG_VARIABLE
                            + "=1)")
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    private Main(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
        System.exit(run(args, out, err, Terminal.detect(System::getenv)));
    }

    /** Runs the command line as if neither stream were a terminal; for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Terminal.NONE);
    }

    /** Runs the command line and returns the exit code; {@code terminal} tells where out goes. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        CommandLine command = commandLine(terminal);
        command.setOut(out);
        command.setErr(err);
        command.setExecutionExceptionHandler(
                (e, line, parsed) -> failure(e, debug(parsed), line.getErr()));
        try {
            return command.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(
                    "error: out of memory; give Java a larger heap (ATWATCH_JAVA_OPTS=-Xmx4g"
                            + " ./atwatch ..., or java -Xmx4g -jar ...) or narrow the search");
            err.flush();
            return ExitCodes.INPUT;
        }
    }

    /**
     * Reports an exception a command threw, in one line, and returns the exit code: {@link
     * ExitCodes#USAGE} for a usage error and for an unexpected failure, {@link ExitCodes#INPUT} for
     * an input error and for a failure caused by an I/O error. The stack trace is printed only when
     * {@code debug} is set.
     */
    static int failure(Exception e, boolean debug, PrintWriter err) {
        int code;
        if (e instanceof UsageException || e instanceof InputException) {
            err.println("error: " + e.getMessage());
            code = e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.INPUT;
        } else {
            boolean io = causedByIo(e);
            err.println(
                    "error: "
                            + (io ? "input could not be read: " : "unexpected failure: ")
                            + describe(e)
                            + (debug ? "" : " (--debug or " + DEBUG_VARIABLE + "=1: stack trace)"));
            code = io ? ExitCodes.INPUT : ExitCodes.USAGE;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Whether {@code --debug} was given to any command of the line, or the variable is set. */
    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        String variable = RunOptions.environment.apply(DEBUG_VARIABLE);
        return variable != null && !variable.isEmpty() && !variable.equals("0");
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /** The exception's message and its root cause, on one line of bounded length. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() == null || e == root ? name(root) : e.getMessage();
        if (root != e && !text.contains(root.getClass().getSimpleName())) {
            text = text + ": " + name(root);
        }
        text = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return text.length() > MESSAGE_CHARS ? text.substring(0, MESSAGE_CHARS) + "..." : text;
    }

    private static String name(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The command line with every command, for streams connected as {@code terminal} says. */
    static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new Main(terminal));
    }

    /** The terminal of the command line {@code spec} belongs to. */
    static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Main main ? main.terminal : Terminal.NONE;
    }
}
