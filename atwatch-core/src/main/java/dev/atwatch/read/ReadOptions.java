package dev.atwatch.read;

/**
 * Options shared by all readers.
 *
 * @param index the {@code index} to give every event, or {@code null} for the format's default
 *     ({@code wineventlog} for Windows data, {@code linux} for Linux data)
 * @param host the {@code host} to give every event, or {@code null} to take it from the data
 * @param limits limits on untrusted input
 * @param filter a test readers may apply to a record's bytes before parsing it
 */
public record ReadOptions(String index, String host, ReadLimits limits, RecordFilter filter) {

    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, ReadLimits.DEFAULTS);

    /** Options that pass every record to the parser. */
    public ReadOptions(String index, String host, ReadLimits limits) {
        this(index, host, limits, RecordFilter.ALL);
    }

    /** A copy with {@code filter} as the record filter. */
    public ReadOptions withFilter(RecordFilter filter) {
        return new ReadOptions(index, host, limits, filter);
    }

    public static final String WINDOWS_INDEX = "wineventlog";
    public static final String LINUX_INDEX = "linux";

    /** The index to use for data whose format defaults to {@code fallback}. */
    public String indexOr(String fallback) {
        return index != null ? index : fallback;
    }
}
