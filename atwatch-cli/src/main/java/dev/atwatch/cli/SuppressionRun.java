package dev.atwatch.cli;

import dev.atwatch.detect.Alert;
import dev.atwatch.detect.Detection;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.html.ReportAlert;
import dev.atwatch.output.html.RunSummary;
import dev.atwatch.suppress.Suppression;
import dev.atwatch.suppress.Suppressions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The suppression stage of a run: splits the alerts into those kept and those an allowlist entry
 * held back (never dropped silently: counted per entry, listed with {@code --show-suppressed}, kept
 * in reports), and warns about expired entries, which no longer suppress.
 */
final class SuppressionRun {

    /** The column naming the entry that held an alert back. */
    static final String COLUMN = "suppressed_by";

    private final Detection kept;
    private final List<Alert> suppressed;
    private final List<String> entries;
    private final Suppressions suppressions;
    private final List<Suppression> expired;

    private SuppressionRun(
            Detection kept,
            List<Alert> suppressed,
            List<String> entries,
            Suppressions suppressions,
            List<Suppression> expired) {
        this.kept = kept;
        this.suppressed = suppressed;
        this.entries = entries;
        this.suppressions = suppressions;
        this.expired = expired;
    }

    /**
     * The allowlist in {@code file}, or none for {@code null}: a missing file exits with code 3, a
     * bad one is a usage error.
     */
    static Suppressions load(Path file) {
        if (file == null) {
            return Suppressions.none();
        }
        try {
            return Suppressions.load(file);
        } catch (NoSuchFileException e) {
            throw new InputException("suppressions file not found: " + file);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static SuppressionRun apply(Suppressions suppressions, Detection detection, LocalDate today) {
        List<Alert> kept = new ArrayList<>();
        List<Alert> suppressed = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (Alert alert : detection.alerts()) {
            Optional<Suppression> entry = suppressions.match(view(alert), today);
            if (entry.isPresent()) {
                suppressed.add(alert);
                entries.add(entry.get().id());
            } else {
                kept.add(alert);
            }
        }
        Detection rest =
                new Detection(
                        detection.results(),
                        kept,
                        detection.stats(),
                        detection.aliasHits(),
                        detection.elapsedNanos());
        return new SuppressionRun(
                rest, suppressed, entries, suppressions, suppressions.expired(today));
    }

    /** The detection without the suppressed alerts. */
    Detection kept() {
        return kept;
    }

    /** The suppressed alerts, in alert order. */
    List<Alert> alerts() {
        return suppressed;
    }

    /** {@code reports} (of {@link #alerts()}, in order) marked with the entry that held each. */
    List<ReportAlert> reportAlerts(List<ReportAlert> reports) {
        List<ReportAlert> marked = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            ReportAlert r = reports.get(i);
            marked.add(
                    new ReportAlert(
                            r.ruleId(),
                            r.ruleName(),
                            r.severity(),
                            r.time(),
                            r.fields(),
                            r.source(),
                            r.raw(),
                            r.explain(),
                            r.atJob(),
                            r.atJobNotes(),
                            entries.get(i)));
        }
        return marked;
    }

    /**
     * What each entry of the file at {@code path} held back, for reports; {@code null} when the run
     * had no suppression file.
     */
    RunSummary.SuppressionFile summary(Path path) {
        if (path == null) {
            return null;
        }
        Map<String, Long> counts = suppressions.counts();
        List<RunSummary.SuppressionEntry> shown = new ArrayList<>();
        for (Suppression entry : suppressions.entries()) {
            shown.add(
                    new RunSummary.SuppressionEntry(
                            entry.id(),
                            entry.owner(),
                            entry.reason(),
                            entry.expires() == null ? null : entry.expires().toString(),
                            expired.contains(entry),
                            counts.getOrDefault(entry.id(), 0L)));
        }
        return new RunSummary.SuppressionFile(path.toString(), shown);
    }

    /**
     * {@code table} followed by the suppressed alerts, each naming its entry, and its chain when
     * {@code table} has a {@value ChainNames#COLUMN} column and {@code chainOf} gives one.
     */
    ResultTable appendTo(ResultTable table, Function<Alert, String> chainOf) {
        List<String> columns = new ArrayList<>(table.columns());
        columns.add(COLUMN);
        List<Map<String, FieldValue>> rows = new ArrayList<>(table.rows());
        for (int i = 0; i < suppressed.size(); i++) {
            Alert alert = suppressed.get(i);
            Map<String, FieldValue> row = new LinkedHashMap<>();
            row.put("rule", FieldValue.of(alert.rule().id()));
            row.putAll(alert.fields());
            if (alert.provenance() != null) {
                row.put("source", FieldValue.of(alert.sourceText()));
            }
            String chain = chainOf.apply(alert);
            if (chain != null && columns.contains(ChainNames.COLUMN)) {
                row.put(ChainNames.COLUMN, FieldValue.of(chain));
            }
            row.put(COLUMN, FieldValue.of(entries.get(i)));
            for (String column : alert.fields().keySet()) {
                if (!columns.contains(column)) {
                    columns.add(columns.size() - 1, column);
                }
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /**
     * Counts per entry, zeros included so that an entry that matches nothing any more shows, and
     * expiry warnings, for the run summary.
     */
    void printSummary(PrintWriter err) {
        for (Suppression entry : expired) {
            err.printf(
                    Locale.ROOT,
                    "warning: suppression %s expired on %s and no longer applies (owner %s)%n",
                    entry.id(),
                    entry.expires(),
                    entry.owner());
        }
        if (suppressions.entries().isEmpty()) {
            err.flush();
            return;
        }
        err.printf(
                Locale.ROOT,
                "  %d alert(s) suppressed%s, per entry:%n",
                suppressed.size(),
                suppressed.isEmpty() ? "" : " (list them with --show-suppressed)");
        List<String> past = expired.stream().map(Suppression::id).toList();
        suppressions
                .counts()
                .forEach(
                        (id, n) ->
                                err.printf(
                                        Locale.ROOT,
                                        "    %s: %,d%s%n",
                                        id,
                                        n,
                                        past.contains(id) ? " (expired)" : ""));
        err.flush();
    }

    /** An alert as suppression entries see it: its fields plus {@code rule}. */
    private static Fields view(Alert alert) {
        Map<String, FieldValue> fields = new LinkedHashMap<>(alert.fields());
        fields.put("rule", FieldValue.of(alert.rule().id()));
        return new Fields() {
            @Override
            public FieldValue get(String name) {
                return fields.get(name);
            }

            @Override
            public Iterable<String> names() {
                return fields.keySet();
            }
        };
    }
}
