package dev.atwatch.read.json;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.windows.WindowsEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an object that is an event already named as Splunk names it, with its metadata among its
 * keys ({@code _time}, {@code host}, {@code source}, {@code sourcetype}, {@code index}), into that
 * event, field for field: what {@code atwatch convert} writes as JSON lines. {@code _raw} is the
 * object's own {@code _raw} when it has one, else the object's JSON text; {@code --index} and
 * {@code --host} still override the object's own.
 */
final class ExportedEvents {

    /** The keys whose presence at the top level marks an exported event. */
    static final Set<String> METADATA =
            Set.of(Event.TIME, Event.HOST, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    private ExportedEvents() {}

    /** Emits the event of the object whose leaves are {@code entries}. */
    static void emit(
            JsonEntries entries,
            String json,
            Provenance where,
            ReadOptions options,
            RecordSink sink) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            fields.computeIfAbsent(entries.path(i), k -> new ArrayList<>(1)).add(entries.value(i));
        }
        List<String> times = fields.get(Event.TIME);
        double time = times == null ? Double.NaN : WindowsEvents.timeOrEpochSeconds(times.get(0));
        if (Double.isNaN(time)) {
            sink.rejected(
                    new Rejected(
                            where, "json.missing-field", "exported event has no usable _time"));
            return;
        }
        Event.Builder event = Event.builder(where);
        fields.forEach(
                (name, values) -> {
                    values.removeIf(String::isEmpty);
                    if (name.equals(Event.TIME)) {
                        event.time(time);
                    } else if (!values.isEmpty()) {
                        event.put(name, FieldValue.of(values));
                    }
                });
        if (event.get(Event.RAW) == null) {
            event.put(Event.RAW, json);
        }
        event.put(Event.INDEX, options.index());
        event.put(Event.HOST, options.host());
        sink.event(event.build());
    }
}
