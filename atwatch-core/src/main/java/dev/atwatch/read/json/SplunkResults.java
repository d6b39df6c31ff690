package dev.atwatch.read.json;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.read.winclassic.WinClassicReader;
import dev.atwatch.read.windows.WindowsEvents;
import dev.atwatch.read.winxml.WinXmlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one result of a Splunk search export ({@code {"result":{...}}} lines or the elements of
 * {@code {"results":[...]}}) into an event. When the result carries {@code _raw} holding event XML
 * or classic WinEventLog text, that text is read again with its reader so the event has the same
 * fields as when read from the original log; otherwise the result's fields are taken as they are.
 * Either way the result's own {@code _time}, {@code host}, {@code source}, {@code sourcetype} and
 * {@code index} are kept, and the event is marked {@linkplain Event#namedBySplunk() named by
 * Splunk}, so that no profile renames them.
 */
final class SplunkResults {

    private static final List<String> METADATA =
            List.of(Event.HOST, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    private SplunkResults() {}

    /**
     * Emits the event of one result whose fields are the entries under {@code prefix}.
     *
     * @param json the result's JSON text, the {@code _raw} when the result has none
     */
    static void emit(
            JsonEntries entries,
            String prefix,
            String json,
            Provenance where,
            ReadOptions options,
            RecordSink sink) {
        Map<String, List<String>> fields = fields(entries, prefix);
        List<String> raw = fields.get(Event.RAW);
        String text = raw == null ? null : raw.get(0);
        Capture capture = new Capture();
        if (text != null && text.stripLeading().startsWith("<")) {
            WinXmlReader.readEvent(text.strip(), where, options, capture);
        } else if (text != null && WinClassicReader.looksLikeEvent(text.stripLeading())) {
            WinClassicReader.readEvent(text, where, options, capture);
        } else {
            asIs(fields, json, where, options, capture);
        }
        if (capture.rejected != null) {
            sink.rejected(capture.rejected);
        } else if (capture.event != null) {
            sink.event(withMetadata(capture.event, fields, where, options));
            if (capture.warning != null) {
                sink.warning(capture.warning);
            }
        }
    }

    private static Map<String, List<String>> fields(JsonEntries entries, String prefix) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.path(i);
            if (path.startsWith(prefix)) {
                String name = path.substring(prefix.length());
                fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(entries.value(i));
            }
        }
        return fields;
    }

    /** The result's fields as they are, Splunk's internal {@code _} fields aside. */
    private static void asIs(
            Map<String, List<String>> fields,
            String json,
            Provenance where,
            ReadOptions options,
            Capture capture) {
        List<String> time = fields.get(Event.TIME);
        if (time == null || Double.isNaN(WindowsEvents.timeOrEpochSeconds(time.get(0)))) {
            capture.rejected(
                    new Rejected(where, "json.missing-field", "search result has no usable _time"));
            return;
        }
        Event.Builder event = Event.builder(where);
        event.put(Event.RAW, json);
        fields.forEach(
                (name, values) -> {
                    if (!name.startsWith("_") && !values.isEmpty()) {
                        event.put(name, FieldValue.of(values));
                    }
                });
        event.put(Event.INDEX, options.indexOr(ReadOptions.WINDOWS_INDEX));
        capture.event(event.build());
    }

    private static Event withMetadata(
            Event event, Map<String, List<String>> fields, Provenance where, ReadOptions options) {
        Event.Builder copy = Event.builder(where).namedBySplunk();
        event.toMap().forEach(copy::put);
        for (String name : METADATA) {
            List<String> values = fields.get(name);
            if (values != null) {
                copy.put(name, values.get(0));
            }
        }
        if (options.index() != null) {
            copy.put(Event.INDEX, options.index());
        }
        if (options.host() != null) {
            copy.put(Event.HOST, options.host());
        }
        List<String> time = fields.get(Event.TIME);
        double seconds = time == null ? Double.NaN : WindowsEvents.timeOrEpochSeconds(time.get(0));
        if (!Double.isNaN(seconds)) {
            copy.time(seconds);
        }
        return copy.build();
    }

    /** Keeps what a nested reader produced for one result. */
    private static final class Capture implements RecordSink {
        Event event;
        Rejected rejected;
        Warning warning;

        @Override
        public void event(Event e) {
            event = e;
        }

        @Override
        public void rejected(Rejected r) {
            rejected = r;
        }

        @Override
        public void warning(Warning w) {
            warning = w;
        }
    }
}
