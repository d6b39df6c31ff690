package dev.atwatch.detect.validate;

import java.util.List;

/**
 * A replayed test of the technique and the telemetry each source recorded of it.
 *
 * @param id a short identifier, such as {@code t1-at-cmd}
 * @param name what the test does
 * @param sources the telemetry sources, in manifest order
 * @param chainExpected whether the files of all sources together must link the job's creation,
 *     registration and execution into one complete chain (manifest key {@code chain: complete})
 */
public record ReplayTest(
        String id, String name, List<TelemetrySource> sources, boolean chainExpected) {

    public ReplayTest {
        sources = List.copyOf(sources);
    }

    /** A test that expects no chain. */
    public ReplayTest(String id, String name, List<TelemetrySource> sources) {
        this(id, name, sources, false);
    }
}
