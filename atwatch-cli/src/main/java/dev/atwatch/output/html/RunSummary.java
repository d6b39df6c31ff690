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
 * @param ruleNames each rule's name by id, in rule order; empty in run files of earlier releases
 * @param suppressions the suppression file of the run with what each entry held back, or {@code
 *     null} when the run had none
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
        List<String> notes,
        Map<String, String> ruleNames,
        SuppressionFile suppressions) {

    public RunSummary {
        paths = paths == null ? List.of() : List.copyOf(paths);
        formats = formats == null ? Map.of() : formats;
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        skippedInputs = skippedInputs == null ? List.of() : List.copyOf(skippedInputs);
        rowsPerRule = rowsPerRule == null ? Map.of() : rowsPerRule;
        notes = notes == null ? List.of() : List.copyOf(notes);
        ruleNames = ruleNames == null ? Map.of() : ruleNames;
    }

    /** Records rejected for one reason, with where the first of them were. */
    public record Rejection(String reason, long count, List<String> locations) {
        public Rejection {
            locations = locations == null ? List.of() : List.copyOf(locations);
        }
    }

    /**
     * The suppression file a run applied.
     *
     * @param path the file as given on the command line
     * @param entries every entry, in file order, including those that held nothing back
     */
    public record SuppressionFile(String path, List<SuppressionEntry> entries) {
        public SuppressionFile {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }

        /** Alerts held back by all entries together. */
        public long suppressed() {
            return entries.stream().mapToLong(SuppressionEntry::suppressed).sum();
        }
    }

    /**
     * One suppression entry and what it did in the run.
     *
     * @param expires its last day, ISO-8601, or {@code null} for no end
     * @param expired whether it was past its last day, so that it held nothing back
     * @param suppressed how many alerts it held back
     */
    public record SuppressionEntry(
            String id,
            String owner,
            String reason,
            String expires,
            boolean expired,
            long suppressed) {}
}
