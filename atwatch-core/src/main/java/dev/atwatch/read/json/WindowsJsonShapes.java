package dev.atwatch.read.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEventRecord.DataItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the leaves of a JSON Windows event to a {@link WindowsEventRecord} in XML terms, for the
 * three shapes collectors write: evtx_dump's nested {@code Event.System}/{@code Event.EventData},
 * Winlogbeat's {@code winlog.*}, and NXLog's flat objects (as in the OTRF/Mordor data sets) whose
 * EventData fields stand at the top level next to {@code EventID}, {@code Channel} and {@code
 * Hostname}.
 */
final class WindowsJsonShapes {

    /** The JSON shapes of a Windows event. */
    enum Shape {
        NESTED,
        WINLOGBEAT,
        FLAT
    }

    private static final String NESTED_SYSTEM = "Event.System.";
    private static final String NESTED_EVENT_DATA = "Event.EventData.";
    private static final String NESTED_USER_DATA = "Event.UserData.";
    private static final String BEAT_EVENT_DATA = "winlog.event_data.";
    private static final String BEAT_USER_DATA = "winlog.user_data.";
    private static final String SYSTEM_TIME = "TimeCreated.SystemTime";

    private static final Map<String, String> BEAT_SYSTEM =
            Map.ofEntries(
                    Map.entry("winlog.event_id", "EventID"),
                    Map.entry("winlog.channel", "Channel"),
                    Map.entry("winlog.computer_name", "Computer"),
                    Map.entry("winlog.provider_name", "Provider.Name"),
                    Map.entry("winlog.provider_guid", "Provider.Guid"),
                    Map.entry("winlog.record_id", "EventRecordID"),
                    Map.entry("winlog.process.pid", "Execution.ProcessID"),
                    Map.entry("winlog.process.thread.id", "Execution.ThreadID"),
                    Map.entry("winlog.version", "Version"),
                    Map.entry("winlog.activity_id", "Correlation.ActivityID"),
                    Map.entry("winlog.user.identifier", "Security.UserID"),
                    Map.entry("@timestamp", SYSTEM_TIME),
                    Map.entry("event.code", "EventID"));

    private static final Map<String, String> FLAT_SYSTEM =
            Map.ofEntries(
                    Map.entry("EventID", "EventID"),
                    Map.entry("Channel", "Channel"),
                    Map.entry("Hostname", "Computer"),
                    Map.entry("Computer", "Computer"),
                    Map.entry("SourceName", "Provider.Name"),
                    Map.entry("ProviderGuid", "Provider.Guid"),
                    Map.entry("Version", "Version"),
                    Map.entry("Level", "Level"),
                    Map.entry("Task", "Task"),
                    Map.entry("OpcodeValue", "Opcode"),
                    Map.entry("Keywords", "Keywords"),
                    Map.entry("RecordNumber", "EventRecordID"),
                    Map.entry("EventRecordID", "EventRecordID"),
                    Map.entry("ActivityID", "Correlation.ActivityID"),
                    Map.entry("ExecutionProcessID", "Execution.ProcessID"),
                    Map.entry("ExecutionThreadID", "Execution.ThreadID"),
                    Map.entry("UserID", "Security.UserID"));

    /** Where a flat object may carry its time, best first ({@code EventTime} is local time). */
    private static final List<String> FLAT_TIMES =
            List.of("@timestamp", "TimeCreated", "EventTime");

    /**
     * Keys a collector adds about transport, or that would clash with Splunk's own metadata fields;
     * they are not event fields.
     */
    private static final Set<String> FLAT_DROPPED =
            Set.of(
                    "@timestamp",
                    "@version",
                    "TimeCreated",
                    "EventTime",
                    "EventReceivedTime",
                    "SourceModuleName",
                    "SourceModuleType",
                    "host",
                    "port",
                    "tags",
                    "type",
                    "Severity",
                    "SeverityValue",
                    "EventType",
                    "Opcode",
                    "Category",
                    "AccountName",
                    "AccountType",
                    "Domain",
                    "source",
                    "sourcetype",
                    "index",
                    "_time",
                    "_raw");

    private WindowsJsonShapes() {}

    /**
     * The shape an object has so far, given one more of its top-level keys: {@code Event} holding
     * an object makes it nested, {@code winlog} Winlogbeat, {@code EventID} flat; the first two
     * outrank the last.
     */
    static Shape byRootKey(String key, JsonToken token, Shape sofar) {
        boolean object = token == JsonToken.START_OBJECT;
        if (object && key.equals("Event")) {
            return Shape.NESTED;
        }
        if (object && key.equals("winlog")) {
            return Shape.WINLOGBEAT;
        }
        if (sofar == null && key.equals("EventID")) {
            return Shape.FLAT;
        }
        return sofar;
    }

    static WindowsEventRecord record(Shape shape, JsonEntries entries, String raw) {
        return switch (shape) {
            case NESTED -> nested(entries, raw);
            case WINLOGBEAT -> winlogbeat(entries, raw);
            case FLAT -> flat(entries, raw);
        };
    }

    private static WindowsEventRecord nested(JsonEntries entries, String raw) {
        Map<String, String> system = new LinkedHashMap<>();
        List<DataItem> eventData = new ArrayList<>();
        List<DataItem> userData = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.path(i);
            String value = entries.value(i);
            if (path.startsWith(NESTED_SYSTEM)) {
                system.putIfAbsent(
                        withoutAttributes(path.substring(NESTED_SYSTEM.length())), value);
            } else if (path.startsWith(NESTED_EVENT_DATA)) {
                String name = path.substring(NESTED_EVENT_DATA.length());
                if (!hasAttributes(name)) {
                    eventData.add(new DataItem(name.equals("Data") ? null : name, value));
                }
            } else if (path.startsWith(NESTED_USER_DATA) && !hasAttributes(path)) {
                userData.add(new DataItem(lastSegment(path), value));
            }
        }
        return new WindowsEventRecord(system, eventData, userData, raw);
    }

    private static WindowsEventRecord winlogbeat(JsonEntries entries, String raw) {
        Map<String, String> system = new LinkedHashMap<>();
        List<DataItem> eventData = new ArrayList<>();
        List<DataItem> userData = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.path(i);
            String value = entries.value(i);
            String key = BEAT_SYSTEM.get(path);
            if (key != null) {
                system.putIfAbsent(key, value);
            } else if (path.startsWith(BEAT_EVENT_DATA)) {
                eventData.add(new DataItem(path.substring(BEAT_EVENT_DATA.length()), value));
            } else if (path.startsWith(BEAT_USER_DATA) && !hasAttributes(path)) {
                String name = lastSegment(path);
                if (!name.equals("xml_name")) {
                    userData.add(new DataItem(name, value));
                }
            }
        }
        return new WindowsEventRecord(system, eventData, userData, raw);
    }

    private static WindowsEventRecord flat(JsonEntries entries, String raw) {
        Map<String, String> system = new LinkedHashMap<>();
        List<DataItem> eventData = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.path(i);
            String value = entries.value(i);
            String key = FLAT_SYSTEM.get(path);
            if (key != null) {
                system.putIfAbsent(key, value);
            } else if (!FLAT_DROPPED.contains(path)) {
                eventData.add(new DataItem(path, value));
            }
        }
        for (String timeKey : FLAT_TIMES) {
            String time = entries.first(timeKey);
            if (time != null) {
                system.put(SYSTEM_TIME, time);
                break;
            }
        }
        return new WindowsEventRecord(system, eventData, List.of(), raw);
    }

    /** {@code TimeCreated.@.SystemTime} gives {@code TimeCreated.SystemTime}. */
    private static String withoutAttributes(String path) {
        int marker = path.indexOf("." + JsonEntries.ATTRIBUTES + ".");
        if (marker < 0) {
            return path;
        }
        return path.substring(0, marker) + path.substring(marker + 2);
    }

    private static boolean hasAttributes(String path) {
        return path.equals(JsonEntries.ATTRIBUTES)
                || path.startsWith(JsonEntries.ATTRIBUTES + ".")
                || path.contains("." + JsonEntries.ATTRIBUTES + ".")
                || path.endsWith("." + JsonEntries.ATTRIBUTES);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
