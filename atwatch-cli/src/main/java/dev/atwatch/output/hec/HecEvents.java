package dev.atwatch.output.hec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.detect.Alert;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.output.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alerts as Splunk HTTP Event Collector events: {@code {"time": epoch, "host": ..., "source":
 * "atwatch", "sourcetype": "atwatch:alert", "event": {fields..., "rule": id, "alert_id": id}}}.
 * {@code alert_id} ({@code <run id>-<n>}) names each alert of a run once, so that an alert sent
 * twice (a batch retried after the server kept it but the answer was lost) can be recognised.
 */
public final class HecEvents {

    public static final String SOURCE = "atwatch";
    public static final String SOURCETYPE = "atwatch:alert";

    private static final JsonFactory JSON = new JsonFactory();

    private HecEvents() {}

    /** One HEC event per alert, in order, numbered from 1 under {@code runId}. */
    public static List<String> of(List<Alert> alerts, String runId) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            events.add(event(alerts.get(i), runId + "-" + (i + 1)));
        }
        return events;
    }

    static String event(Alert alert, String alertId) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            Map<String, FieldValue> fields = alert.fields();
            if (fields.get(Event.TIME) instanceof FieldValue.Number time) {
                json.writeNumberField("time", time.value());
            }
            FieldValue host = fields.get(Event.HOST);
            if (host != null) {
                json.writeStringField("host", host.asString());
            }
            json.writeStringField("source", SOURCE);
            json.writeStringField("sourcetype", SOURCETYPE);
            json.writeFieldName("event");
            body(json, alert, alertId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void body(JsonGenerator json, Alert alert, String alertId) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, FieldValue> field : alert.fields().entrySet()) {
            json.writeFieldName(field.getKey());
            JsonWriter.writeValue(json, field.getKey(), field.getValue());
        }
        json.writeStringField("rule", alert.rule().id());
        json.writeStringField("rule_name", alert.rule().name());
        json.writeStringField("severity", alert.rule().severity());
        if (!alert.sourceText().isEmpty()) {
            json.writeStringField("event_source", alert.sourceText());
        }
        json.writeStringField("alert_id", alertId);
        json.writeEndObject();
    }
}
