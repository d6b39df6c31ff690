package dev.atwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return on(Terminal.NONE, args);
    }

    /** Runs as if the streams were connected as {@code terminal} says. */
    static CommandRun on(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
