package dev.atwatch.cli;

import dev.atwatch.detect.Detection;
import dev.atwatch.detect.RunStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run summary printed on standard error at the end of every run. */
final class Summary {

    private Summary() {}

    static void print(Detection detection, String semantics, String profile, PrintWriter err) {
        RunStats stats = detection.stats();
        double seconds = detection.elapsedNanos() / 1e9;
        err.printf(
                Locale.ROOT,
                "atwatch: %d input(s)%s, %s, %,d records read, %,d events parsed, %,d rejected,"
                        + " %.2f s, %,.0f events/s%n",
                stats.inputs(),
                formats(stats.formats()),
                bytes(stats.bytes()),
                stats.records(),
                stats.events(),
                stats.rejected(),
                seconds,
                seconds > 0 ? stats.events() / seconds : 0.0);
        err.printf(Locale.ROOT, "  semantics %s, profile %s%n", semantics, profile);
        if (stats.prefilteredRecords() > 0) {
            err.printf(
                    Locale.ROOT,
                    "  %,d records skipped unparsed by the prefilter (no rule could match them)%n",
                    stats.prefilteredRecords());
        }
        if (stats.outOfRangeEvents() > 0) {
            err.printf(
                    Locale.ROOT,
                    "  %,d events outside --earliest/--latest%n",
                    stats.outOfRangeEvents());
        }
        printSkipped(stats.skippedInputs(), err);
        printReasons("rejected", stats.reasons(), err);
        printReasons("warning", stats.warnings(), err);
        for (Detection.RuleResults rule : detection.results()) {
            String name =
                    rule.rule().name().equals(rule.rule().id())
                            ? ""
                            : " (" + rule.rule().name() + ")";
            err.printf(
                    Locale.ROOT,
                    "  rule %s%s: %,d row(s)%n",
                    rule.rule().id(),
                    name,
                    rule.results().rows().size());
            for (String note : rule.results().notes()) {
                err.println("    note: " + note);
            }
        }
        if (!detection.aliasHits().isEmpty()) {
            err.println("  aliases that changed a result (portable semantics):");
            detection
                    .aliasHits()
                    .forEach(
                            (alias, n) ->
                                    err.printf(Locale.ROOT, "    %s: %,d event(s)%n", alias, n));
        }
        err.flush();
    }

    /** Each rejection or warning reason with its count and first locations. */
    private static void printReasons(String what, List<RunStats.Reason> reasons, PrintWriter err) {
        for (RunStats.Reason reason : reasons) {
            err.printf(Locale.ROOT, "  %s %s: %,d%n", what, reason.code(), reason.count());
            for (String where : reason.firstLocations()) {
                err.println("    at " + where);
            }
        }
    }

    /** How many skipped inputs are named for each reason. */
    private static final int SKIPPED_NAMED = 3;

    /** Groups skipped inputs by reason and names the first few of each. */
    private static void printSkipped(List<String> skipped, PrintWriter err) {
        Map<String, List<String>> byReason = new TreeMap<>();
        for (String entry : skipped) {
            // The reason may itself hold ": " ("cannot read: ..."); a path seldom does.
            int colon = entry.indexOf(": ");
            String name = colon < 0 ? entry : entry.substring(0, colon);
            String why = colon < 0 ? "skipped" : entry.substring(colon + 2);
            byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(name);
        }
        byReason.forEach(
                (why, names) -> {
                    String shown =
                            String.join(
                                    ", ", names.subList(0, Math.min(SKIPPED_NAMED, names.size())));
                    String more =
                            names.size() > SKIPPED_NAMED
                                    ? " (+" + (names.size() - SKIPPED_NAMED) + " more)"
                                    : "";
                    err.printf(
                            Locale.ROOT,
                            "  skipped %d input(s), %s: %s%s%n",
                            names.size(),
                            why,
                            shown,
                            more);
                });
    }

    private static String formats(Map<String, Long> formats) {
        if (formats.isEmpty()) {
            return "";
        }
        return formats.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", count / 1024.0);
        }
        if (count < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", count / (1024.0 * 1024 * 1024));
    }
}
