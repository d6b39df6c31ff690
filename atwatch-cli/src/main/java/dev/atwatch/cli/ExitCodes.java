package dev.atwatch.cli;

/** The exit codes of every command. */
final class ExitCodes {

    /** Success (also when alerts were found, unless {@code --fail-on-alert} is given). */
    static final int OK = 0;

    /** Alerts were found and {@code --fail-on-alert} was given; or a validation failed. */
    static final int ALERTS = 1;

    /** The command line, a query or a rule pack is wrong. */
    static final int USAGE = 2;

    /** An input path is missing or cannot be read. */
    static final int INPUT = 3;

    private ExitCodes() {}
}
