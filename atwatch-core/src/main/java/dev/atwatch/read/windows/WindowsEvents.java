package dev.atwatch.read.windows;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Maps a {@link WindowsEventRecord} to an {@link Event} named as Splunk's Windows add-on names XML
 * events: sourcetype {@code XmlWinEventLog:<Channel>}, {@code EventCode} from {@code EventID}, the
 * System values under their element names, every {@code <Data Name='X'>} as {@code X}, UserData
 * leaves by element name.
 */
public final class WindowsEvents {

    /** The System paths copied to fields, and the field names they get. */
    private static final Map<String, String> SYSTEM_FIELDS =
            Map.ofEntries(
                    Map.entry("EventID", "EventID"),
                    Map.entry("EventID.Qualifiers", "Qualifiers"),
                    Map.entry("Provider.Name", "Name"),
                    Map.entry("Provider.Guid", "Guid"),
                    Map.entry("Version", "Version"),
                    Map.entry("Level", "Level"),
                    Map.entry("Task", "Task"),
                    Map.entry("Opcode", "Opcode"),
                    Map.entry("Keywords", "Keywords"),
                    Map.entry("TimeCreated.SystemTime", "SystemTime"),
                    Map.entry("EventRecordID", "EventRecordID"),
                    Map.entry("Correlation.ActivityID", "ActivityID"),
                    Map.entry("Execution.ProcessID", "ProcessID"),
                    Map.entry("Execution.ThreadID", "ThreadID"),
                    Map.entry("Channel", "Channel"),
                    Map.entry("Computer", "Computer"),
                    Map.entry("Security.UserID", "UserID"));

    private WindowsEvents() {}

    /** Builds the event; the caller checks {@link #time} first when a time is required. */
    public static Event toEvent(WindowsEventRecord record, Provenance where, ReadOptions options) {
        Event.Builder event = Event.builder(where);
        Map<String, String> system = record.system();
        double time = time(system.get("TimeCreated.SystemTime"));
        if (!Double.isNaN(time)) {
            event.time(time);
        }
        event.put(Event.RAW, record.raw());
        String computer = system.get("Computer");
        event.put(Event.HOST, options.host() != null ? options.host() : computer);
        String channel = system.get("Channel");
        String sourcetype = "XmlWinEventLog" + (channel == null ? "" : ":" + channel);
        event.put(Event.SOURCE, sourcetype);
        event.put(Event.SOURCETYPE, sourcetype);
        event.put(Event.INDEX, options.indexOr(ReadOptions.WINDOWS_INDEX));

        event.put("EventCode", system.get("EventID"));
        SYSTEM_FIELDS.forEach((path, field) -> event.put(field, system.get(path)));
        for (WindowsEventRecord.DataItem item : record.userData()) {
            event.add(item.name(), item.value());
        }
        for (WindowsEventRecord.DataItem item : record.eventData()) {
            event.add(item.name() == null ? "Data" : item.name(), item.value());
        }
        return event.build();
    }

    /**
     * Parses a {@code SystemTime} such as {@code 2021-10-01T17:30:39.1234567Z} to epoch seconds, or
     * {@code NaN} when it is missing or malformed.
     */
    public static double time(String systemTime) {
        if (systemTime == null || systemTime.isEmpty()) {
            return Double.NaN;
        }
        try {
            Instant instant = Instant.parse(systemTime);
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
