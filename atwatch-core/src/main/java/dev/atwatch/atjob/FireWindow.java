package dev.atwatch.atjob;

/**
 * When a scheduled job is expected to start: between {@code earliest} and {@code latest}, both
 * epoch seconds (UTC), inclusive.
 *
 * @param earliest the first second at which the job may start
 * @param latest the last second at which the job is expected to have started
 * @param offsetKnown whether the host's UTC offset was known (or did not matter); when not, the
 *     window spans every offset in use on Earth and is about a day wide
 */
public record FireWindow(long earliest, long latest, boolean offsetKnown) {

    public FireWindow {
        if (latest < earliest) {
            throw new IllegalArgumentException("window ends before it starts");
        }
    }

    /** Whether {@code epochSeconds} falls in the window. */
    public boolean contains(long epochSeconds) {
        return epochSeconds >= earliest && epochSeconds <= latest;
    }
}
