package dev.atwatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.atjob.FireWindow;
import dev.atwatch.correlate.Chain;
import dev.atwatch.correlate.ChainReport;
import dev.atwatch.correlate.Link;
import dev.atwatch.correlate.Observation;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.output.JsonWriter;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.ResultWriter;
import dev.atwatch.output.Values;
import dev.atwatch.output.html.ReportChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chains of {@code hunt --chains} in each output: one row per chain, written after the alerts
 * in the same format (after a blank line for {@code table} and {@code csv}; for {@code json} one
 * document holding both; for {@code jsonl} lines marked {@code "record":"chain"}), and the chains
 * as a saved run keeps them.
 */
final class ChainTable {

    static final List<String> COLUMNS =
            List.of(
                    "chain",
                    "host",
                    "created",
                    "command",
                    "registered",
                    "executed",
                    "status",
                    "note");

    /** The key and value that mark a chain's line among the alerts' in {@code jsonl}. */
    static final String RECORD_KEY = "record";

    static final String RECORD_CHAIN = "chain";

    private ChainTable() {}

    /**
     * Writes the alerts, then the chains, as JSON: one document {@code {"alerts": [...], "chains":
     * [...]}} followed by a newline, or (when {@code lines}) one line per alert, then one per chain
     * whose first key is {@value #RECORD_KEY} with the value {@value #RECORD_CHAIN}.
     *
     * @param alertCount how many rows {@code alert} writes
     * @param alert writes one alert as a JSON object
     */
    static void writeJson(
            ChainReport report,
            int alertCount,
            JsonWriter.RowWriter alert,
            boolean lines,
            Writer out)
            throws IOException {
        ResultTable chains = table(report);
        JsonWriter.RowWriter chain = (json, i) -> chainObject(json, chains, i, lines);
        if (lines) {
            JsonWriter.writeRows(JsonWriter.generator(out), out, true, alertCount, alert);
            JsonWriter.writeRows(JsonWriter.generator(out), out, true, chains.rows().size(), chain);
            return;
        }
        JsonGenerator json = JsonWriter.generator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeFieldName("alerts");
        JsonWriter.writeArray(json, alertCount, alert);
        json.writeFieldName("chains");
        JsonWriter.writeArray(json, chains.rows().size(), chain);
        json.writeEndObject();
        json.close();
        out.write('\n');
        out.flush();
    }

    private static void chainObject(JsonGenerator json, ResultTable chains, int i, boolean marked)
            throws IOException {
        json.writeStartObject();
        if (marked) {
            json.writeStringField(RECORD_KEY, RECORD_CHAIN);
        }
        JsonWriter.writeFields(json, chains.columns(), chains.rows().get(i));
        json.writeEndObject();
    }

    /** The chains as a saved run keeps them, for {@code atwatch report} to draw. */
    static List<ReportChain> forReport(ChainReport report) {
        List<ReportChain> chains = new ArrayList<>();
        for (Chain chain : report.chains()) {
            FireWindow window = chain.window();
            chains.add(
                    new ReportChain(
                            chain.id(),
                            chain.host(),
                            chain.status(),
                            chain.missing().stream().map(ChainTable::linkName).toList(),
                            chain.note(),
                            chain.job(),
                            window == null ? null : Values.isoTime(window.earliest()),
                            window == null ? null : Values.isoTime(window.latest()),
                            step(chain, Link.CREATION, chain.creation()),
                            step(chain, Link.REGISTRATION, chain.registration()),
                            step(chain, Link.EXECUTION, chain.execution())));
        }
        return chains;
    }

    private static ReportChain.Step step(Chain chain, Link link, Observation o) {
        if (o == null) {
            return null;
        }
        List<String> sources = chain.sources(link).stream().map(Provenance::describe).toList();
        return new ReportChain.Step(
                linkName(link),
                o.time(),
                o.kind(),
                o.provenance() == null ? "" : o.provenance().describe(),
                o.image(),
                o.commandLine(),
                o.user(),
                o.detail(),
                sources);
    }

    private static String linkName(Link link) {
        return link.name().toLowerCase(Locale.ROOT);
    }

    /** Writes the chains after the alerts in {@code table} or {@code csv}, after a blank line. */
    static void write(ChainReport report, ResultWriter writer, Writer out) throws IOException {
        out.write(System.lineSeparator());
        writer.write(table(report), out);
    }

    static ResultTable table(ChainReport report) {
        List<Map<String, FieldValue>> rows = new ArrayList<>();
        for (Chain chain : report.chains()) {
            rows.add(row(chain));
        }
        return new ResultTable(COLUMNS, rows);
    }

    /** Counts of complete and partial chains, and the notes on limits, for the summary. */
    static void summarise(ChainReport report, PrintWriter err) {
        long complete = report.chains().stream().filter(Chain::complete).count();
        err.printf(
                Locale.ROOT,
                "  chains: %,d complete, %,d partial, from %,d candidate events%n",
                complete,
                report.chains().size() - complete,
                report.candidates());
        for (String note : report.notes()) {
            err.println("    note: " + note);
        }
        err.flush();
    }

    private static Map<String, FieldValue> row(Chain chain) {
        Map<String, FieldValue> row = new LinkedHashMap<>();
        row.put("chain", FieldValue.of(chain.id()));
        row.put("host", FieldValue.of(chain.host()));
        put(row, "created", cell(chain.creation(), null));
        put(row, "command", command(chain));
        put(row, "registered", cell(chain.registration(), registered(chain.registration())));
        put(row, "executed", cell(chain.execution(), executed(chain.execution())));
        row.put("status", FieldValue.of(chain.status()));
        put(row, "note", chain.note());
        return row;
    }

    private static String command(Chain chain) {
        String command = chain.job().get("JobCommand");
        if (command == null && chain.creation() != null) {
            return chain.creation().commandLine();
        }
        return command;
    }

    /** The registration's task or file name, without folders. */
    private static String registered(Observation o) {
        if (o == null || o.detail() == null) {
            return null;
        }
        String detail = o.detail();
        int slash = Math.max(detail.lastIndexOf('\\'), detail.lastIndexOf('/'));
        return detail.substring(slash + 1);
    }

    private static String executed(Observation o) {
        return o == null ? null : o.commandLine();
    }

    /** The event's time (UTC, to the second), then {@code what}. */
    private static String cell(Observation o, String what) {
        if (o == null) {
            return null;
        }
        long millis = (long) Math.floor(o.time() * 1000);
        String time = Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
        return what == null || what.isEmpty() ? time : time + " " + what;
    }

    private static void put(Map<String, FieldValue> row, String column, String value) {
        if (value != null && !value.isEmpty()) {
            row.put(column, FieldValue.of(value));
        }
    }
}
