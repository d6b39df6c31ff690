package dev.atwatch.cli;

import dev.atwatch.correlate.ChainEvent;
import dev.atwatch.correlate.ChainReport;
import dev.atwatch.correlate.Correlator;
import dev.atwatch.detect.Alert;
import dev.atwatch.event.Provenance;
import dev.atwatch.output.html.ReportAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain each alert belongs to: that of the chain whose creation, registration or run its event
 * records. Every output of {@code hunt --chains} names it in the {@value #COLUMN} column.
 */
final class ChainNames {

    /** The alert column naming the chain. */
    static final String COLUMN = "chain";

    private static final ChainNames NONE = new ChainNames(Map.of());

    private final Map<Provenance, ChainEvent> events;

    private ChainNames(Map<Provenance, ChainEvent> events) {
        this.events = events;
    }

    /** The names of {@code report}'s chains; none when {@code report} is {@code null}. */
    static ChainNames of(ChainReport report) {
        return report == null ? NONE : new ChainNames(Correlator.chainsByEvent(report.chains()));
    }

    /** The id of the chain {@code alert}'s event is part of, or {@code null}. */
    String of(Alert alert) {
        ChainEvent event = alert.provenance() == null ? null : events.get(alert.provenance());
        return event == null ? null : event.chain();
    }

    /**
     * {@code reports}, made from {@code alerts} (in the same order), each with the {@value #COLUMN}
     * field when its alert is part of a chain.
     */
    List<ReportAlert> name(List<ReportAlert> reports, List<Alert> alerts) {
        List<ReportAlert> named = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            ReportAlert report = reports.get(i);
            String chain = of(alerts.get(i));
            named.add(chain == null ? report : withChain(report, chain));
        }
        return named;
    }

    private static ReportAlert withChain(ReportAlert r, String chain) {
        Map<String, List<String>> fields = new LinkedHashMap<>(r.fields());
        fields.put(COLUMN, List.of(chain));
        return new ReportAlert(
                r.ruleId(),
                r.ruleName(),
                r.severity(),
                r.time(),
                fields,
                r.source(),
                r.raw(),
                r.explain(),
                r.atJob(),
                r.atJobNotes(),
                r.suppressedBy());
    }
}
