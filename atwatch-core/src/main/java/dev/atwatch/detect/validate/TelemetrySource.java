package dev.atwatch.detect.validate;

import java.nio.file.Path;
import java.util.List;

/**
 * One telemetry source of a replayed test: the files holding what that source recorded, and either
 * the rules expected to detect the test in them or the reason the source cannot see it.
 *
 * @param name the source's name, such as {@code sysmon} or {@code security-4688-no-cmdline}
 * @param files the files read together, resolved against the manifest's folder
 * @param expected ids of the rules that must return at least one row; empty when blind
 * @param blind why the source cannot see the test, or {@code null} when it can
 * @param note a remark shown with the source's results, or {@code null}
 */
public record TelemetrySource(
        String name, List<Path> files, List<String> expected, String blind, String note) {

    public TelemetrySource {
        files = List.copyOf(files);
        expected = List.copyOf(expected);
    }

    /** True when the manifest says this source cannot see the test. */
    public boolean isBlind() {
        return blind != null;
    }
}
