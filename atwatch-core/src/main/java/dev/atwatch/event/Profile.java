package dev.atwatch.event;

import java.util.Locale;

/**
 * How a Splunk add-on names Windows event metadata. Readers name events as the legacy add-on did
 * (sourcetype {@code WinEventLog:Security}, {@code XmlWinEventLog:<Channel>}); a profile rewrites
 * those names for the add-on a query was written against.
 */
public enum Profile {
    /** Splunk_TA_windows before 5.0: the channel is part of the sourcetype. */
    TA_WINDOWS_LEGACY("ta-windows-legacy"),
    /**
     * Splunk_TA_windows 5.0 and later (here "8" for the current major line): sourcetype {@code
     * WinEventLog} or {@code XmlWinEventLog}, the channel moved into {@code source}.
     */
    TA_WINDOWS_8("ta-windows-8");

    private final String id;

    Profile(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The profile named {@code id}, ignoring case. */
    public static Profile byId(String id) {
        for (Profile profile : values()) {
            if (profile.id.equalsIgnoreCase(id)) {
                return profile;
            }
        }
        throw new IllegalArgumentException(
                "unknown profile '" + id + "'; expected ta-windows-legacy or ta-windows-8");
    }

    /**
     * Returns {@code event} named as this profile names it (the same object when unchanged). An
     * event {@linkplain Event#namedBySplunk() named by Splunk} keeps its naming.
     */
    public Event apply(Event event) {
        if (this != TA_WINDOWS_8
                || event.namedBySplunk()
                || !renames(event.text(Event.SOURCETYPE))) {
            return event;
        }
        Event.Builder builder = event.toBuilder();
        apply(builder);
        return builder.build();
    }

    private static boolean renames(String sourcetype) {
        if (sourcetype == null) {
            return false;
        }
        String lower = sourcetype.toLowerCase(Locale.ROOT);
        return lower.startsWith("wineventlog:") || lower.startsWith("xmlwineventlog:");
    }

    /**
     * Applies this profile's naming to an event's builder. Under {@link #TA_WINDOWS_8}, a
     * sourcetype {@code WinEventLog:X} or {@code XmlWinEventLog:X} becomes {@code WinEventLog} or
     * {@code XmlWinEventLog} with source {@code WinEventLog:X} / {@code XmlWinEventLog:X}.
     */
    public void apply(Event.Builder event) {
        if (this != TA_WINDOWS_8) {
            return;
        }
        FieldValue sourcetype = event.get(Event.SOURCETYPE);
        if (sourcetype == null) {
            return;
        }
        String name = sourcetype.asString();
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        String lower = kind.toLowerCase(Locale.ROOT);
        if (colon > 0 && (lower.equals("wineventlog") || lower.equals("xmlwineventlog"))) {
            event.put(Event.SOURCETYPE, kind);
            event.put(Event.SOURCE, name);
        }
    }
}
