package dev.atwatch.output.html;

import java.util.List;
import java.util.Map;

/**
 * What a run read and found, as the summary on standard error tells it.
 *
 * @param generated when the run ended, ISO-8601
 * @param command {@code hunt} or {@code query}
 * @param paths the paths given on the command line
 * @param formats inputs read per reader
 * @param earliest the requested start of the time range, or {@code null} when open
 * @param latest the requested end of the time range, or {@code null} when open
 * @param firstAlert the time of the earliest alert, ISO-8601, or {@code null}
 * @param lastAlert the time of the latest alert, ISO-8601, or {@code null}
 * @param rowsPerRule rows found by each rule, in rule order
 */
public record RunSummary(
        String generated,
        String command,
        String semantics,
        String profile,
        List<String> paths,
        Map<String, Long> formats,
        long inputs,
        long bytes,
        long records,
        long events,
        long rejected,
        List<Rejection> rejections,
        List<String> skippedInputs,
        String earliest,
        String latest,
        String firstAlert,
        String lastAlert,
        double seconds,
        Map<String, Long> rowsPerRule,
        List<String> notes) {

    public RunSummary {
        paths = paths == null ? List.of() : List.copyOf(paths);
        formats = formats == null ? Map.of() : formats;
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        skippedInputs = skippedInputs == null ? List.of() : List.copyOf(skippedInputs);
        rowsPerRule = rowsPerRule == null ? Map.of() : rowsPerRule;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Records rejected for one reason, with where the first of them were. */
    public record Rejection(String reason, long count, List<String> locations) {
        public Rejection {
            locations = locations == null ? List.of() : List.copyOf(locations);
        }
    }
}
