package dev.atwatch.correlate;

/**
 * How far one input's events have come in time, so that the {@link Correlator} knows which of the
 * events it holds can no longer be preceded by an event of this input.
 *
 * <p>An input's events are expected in time order, give or take the reorder window: then nothing
 * earlier than its newest time minus the window can still come. Which way an input runs is decided
 * by its own events, once one lies more than {@link #DIRECTION_SECONDS} from the first: later, and
 * the input is read as ascending; earlier (a Splunk export, newest first), and nothing is known of
 * the input's future times until it ends. Until that is decided, nothing is known either.
 *
 * <p>{@link #observe} is called by the one thread that reads the input; {@link #lowerBound} by any
 * thread. Both decisions depend on the input's own events only, never on other inputs or on thread
 * timing.
 */
final class InputClock {

    /** How far an event must lie from an input's first to tell which way the input runs. */
    static final double DIRECTION_SECONDS = 60;

    /** Which way an input's times run. */
    enum Direction {
        UNKNOWN,
        ASCENDING,
        UNORDERED
    }

    private final double reorderSeconds;
    private double first = Double.NaN;
    private volatile double newest = Double.NEGATIVE_INFINITY;
    private volatile Direction direction = Direction.UNKNOWN;
    private volatile boolean ended;

    InputClock(double reorderSeconds) {
        this.reorderSeconds = reorderSeconds;
    }

    /**
     * Notes the time of the input's next event and returns when it is to be linked: its own time,
     * or, for an event that comes later than the reorder window allows, the earliest time that can
     * still be linked in order (the newest time seen, minus the window).
     */
    double observe(double time) {
        double floor = newest - reorderSeconds;
        double key = direction == Direction.ASCENDING && time < floor ? floor : time;
        newest = Math.max(newest, time);
        if (direction == Direction.UNKNOWN) {
            decide(time);
        }
        return key;
    }

    private void decide(double time) {
        if (Double.isNaN(first)) {
            first = time;
        } else if (time > first + DIRECTION_SECONDS) {
            direction = Direction.ASCENDING;
        } else if (time < first - DIRECTION_SECONDS) {
            direction = Direction.UNORDERED;
        }
    }

    /** The input has no more events. */
    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    /**
     * No event of this input still to come is to be linked before this time: infinite once the
     * input has ended, minus infinity while its direction is not known or its events run backward.
     */
    double lowerBound() {
        if (ended) {
            return Double.POSITIVE_INFINITY;
        }
        if (direction != Direction.ASCENDING) {
            return Double.NEGATIVE_INFINITY;
        }
        return newest - reorderSeconds;
    }
}
