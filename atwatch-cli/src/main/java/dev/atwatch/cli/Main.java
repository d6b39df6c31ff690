package dev.atwatch.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code atwatch} command. */
@Command(
        name = "atwatch",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Finds abuse of the at job scheduler (ATT&CK T1053.002) in Windows and Linux logs.",
        subcommands = {
            HuntCommand.class,
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
                (e, line, parsed) -> {
                    if (e instanceof UsageException) {
                        line.getErr().println("error: " + e.getMessage());
                        return ExitCodes.USAGE;
                    }
                    if (e instanceof InputException) {
                        line.getErr().println("error: " + e.getMessage());
                        return ExitCodes.INPUT;
                    }
                    throw e;
                });
        return command.execute(args);
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
