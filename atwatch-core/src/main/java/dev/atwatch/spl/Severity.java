package dev.atwatch.spl;

/** How serious a {@link Diagnostic} is: an error stops the query from running, a warning not. */
public enum Severity {
    ERROR,
    WARNING
}
