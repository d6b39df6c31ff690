package dev.atwatch.read.evtx;

import java.util.List;

/**
 * What a reference tool printed for one record: the System values queries see, and the values that
 * become fields, each as the tool rendered it.
 *
 * @param data the {@code <Data>} items of EventData (an unnamed one named {@code Data}) and the
 *     text leaves of UserData (named by element), in document order, empty values included
 */
record ReferenceRecord(
        String recordId,
        String eventId,
        String timeCreated,
        String computer,
        String channel,
        List<Item> data) {

    /** One named value. */
    record Item(String name, String value) {}
}
