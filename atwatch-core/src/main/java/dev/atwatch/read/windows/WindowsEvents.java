package dev.atwatch.read.windows;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadOptions;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * Channels in the casing Windows gives them. Collectors such as NXLog sometimes lower-case a
     * channel name; sourcetypes must still use the canonical casing to match Splunk's.
     */
    private static final Map<String, String> CANONICAL_CHANNELS = canonicalChannels();

    /**
     * A date and time with {@code T} or a space between them, optional fraction of up to nine
     * digits, and an optional offset ({@code Z}, {@code +00:00}, {@code +0000}); without an offset
     * the time is taken as UTC.
     */
    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("uuuu-MM-dd")
                    .appendPattern("[ ]['T']")
                    .appendPattern("HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .optionalStart()
                    .appendPattern("[ ]")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral("UTC")
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);

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
        String channel = canonicalChannel(system.get("Channel"));
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
     * Parses a {@code SystemTime} to epoch seconds, or {@code NaN} when it is missing or malformed.
     * Accepts the forms Windows and its exporters write: {@code 2021-10-01T17:30:39.1234567Z},
     * python-evtx's {@code 2021-10-01 17:30:39.083965} (UTC, no zone), and an explicit offset such
     * as {@code 2021-10-01T17:30:39.000+00:00}.
     */
    public static double time(String systemTime) {
        if (systemTime == null || systemTime.isEmpty()) {
            return Double.NaN;
        }
        double fast = fastTime(systemTime);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        try {
            var parsed =
                    TIMESTAMP.parseBest(
                            systemTime.trim(), OffsetDateTime::from, LocalDateTime::from);
            Instant instant =
                    parsed instanceof OffsetDateTime offset
                            ? offset.toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /**
     * A time as event exports write {@code _time}: what {@link #time} accepts, or epoch seconds;
     * {@code NaN} for anything else.
     */
    public static double timeOrEpochSeconds(String text) {
        double iso = time(text);
        if (!Double.isNaN(iso) || text == null) {
            return iso;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The common UTC forms ({@code 2021-10-01T17:30:39.0839657Z}, {@code 2021-10-01 17:30:39.08},
     * with or without {@code Z}) parsed without the general formatter, which is slow enough to
     * matter when reading a hundred thousand events a second. Returns NaN for any other form, which
     * the formatter then handles.
     */
    private static double fastTime(String text) {
        int length = text.length();
        if (length < 19
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return Double.NaN;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 59
                || hour < 0
                || minute < 0
                || second < 0) {
            return Double.NaN;
        }
        int end = length;
        if (text.charAt(end - 1) == 'Z') {
            end--;
        }
        double fraction = 0;
        if (end > 19) {
            if (text.charAt(19) != '.' || end == 20 || end > 29) {
                return Double.NaN;
            }
            int value = digits(text, 20, end - 20);
            if (value < 0) {
                return Double.NaN;
            }
            fraction = value / Math.pow(10, end - 20);
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Double.NaN;
        }
        return days * 86_400L + hour * 3600L + minute * 60L + second + fraction;
    }

    /** The value of {@code count} decimal digits at {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The canonical casing of a channel name ({@code security} gives {@code Security}); a channel
     * this class does not know is returned unchanged.
     */
    public static String canonicalChannel(String channel) {
        if (channel == null) {
            return null;
        }
        return CANONICAL_CHANNELS.getOrDefault(channel.toLowerCase(Locale.ROOT), channel);
    }

    private static Map<String, String> canonicalChannels() {
        List<String> names =
                List.of(
                        "Security",
                        "System",
                        "Application",
                        "Setup",
                        "ForwardedEvents",
                        "Windows PowerShell",
                        "Microsoft-Windows-Sysmon/Operational",
                        "Microsoft-Windows-PowerShell/Operational",
                        "Microsoft-Windows-TaskScheduler/Operational",
                        "Microsoft-Windows-WMI-Activity/Operational",
                        "Microsoft-Windows-Windows Defender/Operational",
                        "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall",
                        "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational",
                        "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational",
                        "Microsoft-Windows-Bits-Client/Operational",
                        "Microsoft-Windows-DNS-Client/Operational",
                        "Microsoft-Windows-SMBServer/Security",
                        "Microsoft-Windows-WinRM/Operational",
                        "Microsoft-Windows-CodeIntegrity/Operational",
                        "Microsoft-Windows-AppLocker/EXE and DLL",
                        "Microsoft-Windows-AppLocker/MSI and Script",
                        "Microsoft-Windows-NTLM/Operational",
                        "Microsoft-Windows-Shell-Core/Operational",
                        "Directory Service",
                        "DNS Server");
        Map<String, String> byLowerCase = new HashMap<>();
        for (String name : names) {
            byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(byLowerCase);
    }
}
