package dev.atwatch.cli;

import dev.atwatch.detect.Detector;
import dev.atwatch.spl.Semantics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that read inputs and run searches. */
final class RunOptions {

    @Mixin InputOptions input;

    @Mixin ReportOptions report;

    @Option(
            names = "--semantics",
            defaultValue = "portable",
            paramLabel = "MODE",
            completionCandidates = CompletionCandidates.SemanticsModes.class,
            description =
                    "splunk: exactly Splunk's answer for the chosen --profile, blind spots"
                            + " included; portable: the same plus field and sourcetype aliases"
                            + " (default: ${DEFAULT-VALUE})")
    String semantics;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FORMAT",
            completionCandidates = CompletionCandidates.SearchFormats.class,
            description =
                    "table, csv, json, jsonl, html (one self-contained report page) or run-json"
                            + " (the run with its evidence, for atwatch report)"
                            + " (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write results to FILE (atomically) instead of standard output")
    Path output;

    @Option(
            names = "--earliest",
            paramLabel = "TIME",
            description = "keep events at or after TIME (-24h, -7d, epoch, ISO-8601)")
    String earliest;

    @Option(
            names = "--latest",
            paramLabel = "TIME",
            description = "keep events before TIME (same forms as --earliest)")
    String latest;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "inputs read at once (default: the number of processors); an input read"
                            + " ahead of an earlier one holds at most "
                            + Detector.DEFAULT_FEED_BUFFER
                            + " matched events, then waits (--limit feed-buffer=N)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-on-alert", description = "exit with status 1 when a row is found")
    boolean failOnAlert;

    @Option(
            names = {"-q", "--quiet"},
            description = "print no summary or warnings on standard error")
    boolean quiet;

    @Option(
            names = "--wide",
            description = "do not fit the table to the terminal: show every column, cells whole")
    boolean wide;

    @Option(
            names = "--explain",
            description =
                    "for each alert, the search alternative that matched and, for each score"
                            + " factor, the pattern and the text it matched (below the table, or"
                            + " an explain object in json and jsonl)")
    boolean explain;

    @Option(
            names = "--save-run",
            paramLabel = "FILE",
            description = "also write the run with its evidence as JSON to FILE (atwatch report)")
    Path saveRun;

    @Mixin HecOptions hec;

    @Mixin KafkaOptions kafka;

    /** Where environment variables are read; tests replace it. */
    static Function<String, String> environment = System::getenv;

    static final List<String> FORMATS =
            List.of("table", "csv", "json", "jsonl", "html", "run-json");

    Semantics semantics() {
        return semantics(semantics);
    }

    /** The mode named {@code semantics}; another name is a usage error. */
    static Semantics semantics(String semantics) {
        try {
            return Semantics.byId(semantics);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "invalid value for --semantics: '"
                            + semantics
                            + "'; expected splunk or portable");
        }
    }

    String format() {
        String value = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(value)) {
            throw new UsageException(
                    "invalid value for --format: '" + format + "'; expected one of " + FORMATS);
        }
        return value;
    }

    /**
     * Takes the {@code feed-buffer} limit out of {@code --limit}, whose other names are input
     * limits, and returns it, or its default when it is not given.
     */
    int takeFeedBuffer() {
        Integer value = input.limits.get(Detector.FEED_BUFFER);
        if (value == null) {
            return Detector.DEFAULT_FEED_BUFFER;
        }
        if (value < 1) {
            throw new UsageException(
                    "invalid --limit: " + Detector.FEED_BUFFER + " must be at least 1: " + value);
        }
        Map<String, Integer> rest = new LinkedHashMap<>(input.limits);
        rest.remove(Detector.FEED_BUFFER);
        input.limits = rest;
        return value;
    }

    int threads() {
        if (threads < 1) {
            throw new UsageException("invalid value for --threads: " + threads + "; expected >= 1");
        }
        return threads;
    }
}
