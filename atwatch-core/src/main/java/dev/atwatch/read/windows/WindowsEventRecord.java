package dev.atwatch.read.windows;

import java.util.List;
import java.util.Map;

/**
 * A Windows event in the shape of its XML rendering, independent of where it was read from (event
 * XML, EVTX, a JSON export). {@link WindowsEvents#toEvent} turns it into an {@link
 * dev.atwatch.event.Event} with the field names Splunk's Windows add-on extracts, so every Windows
 * format yields the same fields.
 *
 * @param system the {@code <System>} values keyed by path: {@code EventID}, {@code
 *     EventID.Qualifiers}, {@code Provider.Name}, {@code Provider.Guid}, {@code Version}, {@code
 *     Level}, {@code Task}, {@code Opcode}, {@code Keywords}, {@code TimeCreated.SystemTime},
 *     {@code EventRecordID}, {@code Correlation.ActivityID}, {@code Execution.ProcessID}, {@code
 *     Execution.ThreadID}, {@code Channel}, {@code Computer}, {@code Security.UserID}
 * @param eventData the {@code <EventData>} items in order; an unnamed {@code <Data>} has a {@code
 *     null} name
 * @param userData the text leaves of {@code <UserData>}, keyed by element name, in order
 * @param raw the event's XML on one line, used as {@code _raw}
 */
public record WindowsEventRecord(
        Map<String, String> system, List<DataItem> eventData, List<DataItem> userData, String raw) {

    /** One named value of EventData or UserData. */
    public record DataItem(String name, String value) {}
}
