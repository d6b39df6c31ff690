package dev.atwatch.correlate;

/**
 * Bounds on what the {@link Correlator} keeps and how long it waits, since the events it links are
 * written by attackers too.
 *
 * @param candidates most candidate events held until every input has passed their time; beyond it
 *     the oldest are linked at once, ahead of inputs that lag behind, and counted
 * @param openJobsPerHost most jobs awaiting their execution on one host; beyond it the oldest is
 *     closed as a partial chain, and counted
 * @param windowSeconds longest wait, from a job's creation, for its execution; a predicted run
 *     later than this is not looked for
 * @param registrationSeconds longest delay from a job's creation to its registration
 * @param toleranceSeconds slack on both sides of a predicted fire window (clock skew between log
 *     sources, a scheduler that wakes late)
 * @param reorderSeconds how far back in time an input's events may go, behind its newest event, and
 *     still be linked in time order; later ones are linked out of order, and counted
 */
public record ChainLimits(
        int candidates,
        int openJobsPerHost,
        long windowSeconds,
        long registrationSeconds,
        long toleranceSeconds,
        long reorderSeconds) {

    public static final String CANDIDATES = "chain-candidates";
    public static final String OPEN_JOBS = "chain-open-jobs";
    public static final String WINDOW = "chain-window-seconds";
    public static final String REORDER = "chain-reorder-seconds";

    /** The default reorder window: one hour. */
    public static final long DEFAULT_REORDER_SECONDS = 3_600;

    /**
     * 100,000 candidates, 1,000 open jobs per host, an 8-day window, 5 minutes, 2 minutes, a
     * one-hour reorder window.
     */
    public static final ChainLimits DEFAULTS =
            new ChainLimits(100_000, 1_000, 8 * 86_400, 300, 120, DEFAULT_REORDER_SECONDS);

    /** The names {@link #with} accepts, for messages. */
    public static final String NAMES =
            CANDIDATES + ", " + OPEN_JOBS + ", " + WINDOW + ", " + REORDER;

    public ChainLimits {
        if (candidates < 1 || openJobsPerHost < 1) {
            throw new IllegalArgumentException("chain limits must be at least 1");
        }
        if (windowSeconds < 0
                || registrationSeconds < 0
                || toleranceSeconds < 0
                || reorderSeconds < 0) {
            throw new IllegalArgumentException("chain time limits must not be negative");
        }
    }

    /** Limits with the default reorder window. */
    public ChainLimits(
            int candidates,
            int openJobsPerHost,
            long windowSeconds,
            long registrationSeconds,
            long toleranceSeconds) {
        this(
                candidates,
                openJobsPerHost,
                windowSeconds,
                registrationSeconds,
                toleranceSeconds,
                DEFAULT_REORDER_SECONDS);
    }

    /** Whether {@code name} names a chain limit. */
    public static boolean isChainLimit(String name) {
        return name.equals(CANDIDATES)
                || name.equals(OPEN_JOBS)
                || name.equals(WINDOW)
                || name.equals(REORDER);
    }

    /**
     * A copy with the limit {@code name} set to {@code value}.
     *
     * @throws IllegalArgumentException for an unknown name or a value below 1
     */
    public ChainLimits with(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        int count = (int) Math.min(value, Integer.MAX_VALUE);
        return switch (name) {
            case CANDIDATES ->
                    new ChainLimits(
                            count,
                            openJobsPerHost,
                            windowSeconds,
                            registrationSeconds,
                            toleranceSeconds,
                            reorderSeconds);
            case OPEN_JOBS ->
                    new ChainLimits(
                            candidates,
                            count,
                            windowSeconds,
                            registrationSeconds,
                            toleranceSeconds,
                            reorderSeconds);
            case WINDOW ->
                    new ChainLimits(
                            candidates,
                            openJobsPerHost,
                            value,
                            registrationSeconds,
                            toleranceSeconds,
                            reorderSeconds);
            case REORDER ->
                    new ChainLimits(
                            candidates,
                            openJobsPerHost,
                            windowSeconds,
                            registrationSeconds,
                            toleranceSeconds,
                            value);
            default ->
                    throw new IllegalArgumentException(
                            "unknown chain limit '" + name + "'; expected one of " + NAMES);
        };
    }
}
