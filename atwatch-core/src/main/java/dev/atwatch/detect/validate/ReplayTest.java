package dev.atwatch.detect.validate;

import java.util.List;

/**
 * A replayed test of the technique and the telemetry each source recorded of it.
 *
 * @param id a short identifier, such as {@code t1-at-cmd}
 * @param name what the test does
 * @param sources the telemetry sources, in manifest order
 */
public record ReplayTest(String id, String name, List<TelemetrySource> sources) {

    public ReplayTest {
        sources = List.copyOf(sources);
    }
}
