package dev.atwatch.follow;

import dev.atwatch.detect.Alert;
import dev.atwatch.event.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which alerts of a search over a sliding span are new, for {@link LiveDetector} and the Flink job
 * alike: an alert is new when its row was not in the previous search and its event lies in lines at
 * most one search had read before (new lines, or the newest lines of the previous search, whose
 * event may have been incomplete then). A row of several events (no location) is keyed by its
 * fields, so it is new again when it changes.
 */
public final class NewAlerts {

    /**
     * Where an alert's event was read.
     *
     * @param key names the event's place among all searches (file generation and offset, Kafka
     *     partition and offset)
     * @param searches how many searches had read those lines before this one
     * @param where the location to report, in the source rather than in the span
     */
    public record Place(String key, int searches, Provenance where) {}

    /**
     * @param fresh the new alerts, located in their sources
     * @param keys the rows of this search, for the next one
     */
    public record Selection(List<Alert> fresh, Set<String> keys) {}

    private NewAlerts() {}

    /**
     * Selects the new alerts of {@code found}; {@code place} locates an alert's event, or gives
     * {@code null} when the alert has no location.
     */
    public static Selection select(
            List<Alert> found, Set<String> previousKeys, Function<Alert, Place> place) {
        Set<String> keys = new HashSet<>();
        Map<String, Integer> occurrences = new HashMap<>();
        List<Alert> fresh = new ArrayList<>();
        for (Alert alert : found) {
            Place at = place.apply(alert);
            String base =
                    alert.rule().id()
                            + '\u0000'
                            + (at != null ? at.key() : alert.fields().toString());
            String key = base + '\u0000' + occurrences.merge(base, 1, Integer::sum);
            keys.add(key);
            if (previousKeys.contains(key) || (at != null && at.searches() > 1)) {
                continue; // reported, or seen twice before: a part of an event that left the span
            }
            Provenance where = at != null ? at.where() : alert.provenance();
            fresh.add(new Alert(alert.rule(), alert.fields(), where));
        }
        return new Selection(fresh, keys);
    }
}
