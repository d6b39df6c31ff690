package dev.atwatch.read.evtx;

import java.util.List;

/**
 * The fields the parity test compares for one record, as one tool rendered them.
 *
 * @param data the EventData items as {@code name=value}, in order
 */
record ReferenceRecord(
        String recordId,
        String eventId,
        String timeCreated,
        String computer,
        String channel,
        List<String> data) {}
