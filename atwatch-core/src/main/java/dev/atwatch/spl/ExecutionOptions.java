package dev.atwatch.spl;

import dev.atwatch.event.FieldAliases;

/**
 * How one run evaluates a query.
 *
 * @param semantics Splunk's exact semantics, or portable ones with aliases
 * @param aliases the alias table; ignored under {@link Semantics#SPLUNK}
 * @param now the time {@code now()} returns, in epoch seconds
 */
public record ExecutionOptions(Semantics semantics, FieldAliases aliases, double now) {

    public ExecutionOptions {
        if (semantics == null) {
            throw new IllegalArgumentException("semantics must not be null");
        }
        if (aliases == null) {
            aliases = FieldAliases.NONE;
        }
    }

    /** Splunk semantics, no aliases, {@code now} the current time. */
    public static ExecutionOptions splunk() {
        return new ExecutionOptions(Semantics.SPLUNK, FieldAliases.NONE, currentTime());
    }

    /** Portable semantics with {@code aliases}, {@code now} the current time. */
    public static ExecutionOptions portable(FieldAliases aliases) {
        return new ExecutionOptions(Semantics.PORTABLE, aliases, currentTime());
    }

    /** The aliases in effect: none under Splunk semantics. */
    public FieldAliases activeAliases() {
        return semantics == Semantics.PORTABLE ? aliases : FieldAliases.NONE;
    }

    private static double currentTime() {
        return System.currentTimeMillis() / 1000.0;
    }
}
