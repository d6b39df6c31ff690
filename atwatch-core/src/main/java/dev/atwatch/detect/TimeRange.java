package dev.atwatch.detect;

/**
 * The time range of a run, in epoch seconds: {@code earliest} inclusive, {@code latest} exclusive,
 * as Splunk applies them. {@code NaN} leaves that side open. An event without a time is kept only
 * when the range is open on both sides.
 */
public record TimeRange(double earliest, double latest) {

    public static final TimeRange ALL = new TimeRange(Double.NaN, Double.NaN);

    public boolean isAll() {
        return Double.isNaN(earliest) && Double.isNaN(latest);
    }

    public boolean contains(double time) {
        if (isAll()) {
            return true;
        }
        if (Double.isNaN(time)) {
            return false;
        }
        boolean afterStart = Double.isNaN(earliest) || time >= earliest;
        boolean beforeEnd = Double.isNaN(latest) || time < latest;
        return afterStart && beforeEnd;
    }
}
