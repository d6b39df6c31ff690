package dev.atwatch.cli;

import dev.atwatch.detect.Alert;
import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RunStats;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.follow.Durations;
import dev.atwatch.follow.FollowedFile;
import dev.atwatch.follow.FollowedStream;
import dev.atwatch.follow.LiveDetector;
import dev.atwatch.follow.LiveSource;
import dev.atwatch.kafka.KafkaSource;
import dev.atwatch.kafka.KafkaTopic;
import dev.atwatch.output.AlertRows;
import dev.atwatch.output.JsonWriter;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.hec.HecDelivery;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.spl.Macros;
import dev.atwatch.spl.Semantics;
import dev.atwatch.suppress.Suppressions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atwatch follow}: runs the rule pack over logs as they grow. */
@Command(
        name = "follow",
        mixinStandardHelpOptions = true,
        description = {
            "Follow log files as they grow (by name, through rotation and truncation) or standard"
                    + " input, and run every rule of the rule pack over what arrived within the"
                    + " last --span, every --interval. Each alert is printed once, as a JSON line,"
                    + " as soon as a search finds it. Runs until interrupted (Ctrl-C), until"
                    + " standard input ends, or until --exit-when-idle."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch follow /var/log/audit/audit.log /var/log/auth.log",
            "  journalctl -f -o json | atwatch follow -",
            "  atwatch follow --kafka-url kafka://kafka1:9092/atwatch-alerts \\",
            "      kafka://kafka1:9092/winlogbeat",
            "  atwatch follow --interval 5s --span 2m --suppressions allowlist.yaml \\",
            "      /var/log/audit/audit.log /var/log/syslog",
            "  export ATWATCH_HEC_TOKEN=...    # the collector's token",
            "  atwatch follow --hec-url https://splunk.example:8088 /var/log/audit/audit.log",
            "  atwatch follow --from-start --exit-when-idle 10s -o alerts.jsonl audit.log"
        })
final class FollowCommand implements Callable<Integer> {

    /** Rejections printed as they happen before the rest are only counted. */
    private static final int REJECTIONS_SHOWN = 5;

    /** How long a stop waits for the last search before the process ends anyway. */
    private static final long STOP_WAIT_SECONDS = 30;

    @Mixin InputOptions input;

    @Mixin RulePacks rules;

    @Option(
            names = "--semantics",
            defaultValue = "portable",
            paramLabel = "MODE",
            completionCandidates = CompletionCandidates.SemanticsModes.class,
            description = "splunk or portable, as for hunt (default: ${DEFAULT-VALUE})")
    String semantics;

    @Option(
            names = "--interval",
            defaultValue = "10s",
            paramLabel = "TIME",
            description = "time between searches: 500ms, 10s, 2m (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(
            names = "--span",
            defaultValue = "60s",
            paramLabel = "TIME",
            description =
                    "how far back each search reads, in arrival time; events a rule joins must"
                            + " arrive within it (default: ${DEFAULT-VALUE})")
    String span;

    @Option(
            names = "--from-start",
            description = "read what the files already hold first (default: only what is added)")
    boolean fromStart;

    @Option(
            names = "--exit-when-idle",
            paramLabel = "TIME",
            description = "stop once no input has grown for TIME (default: run until interrupted)")
    String exitWhenIdle;

    @Option(
            names = "--window-bytes",
            paramLabel = "N",
            description =
                    "bytes held per input for the span (default: 256 MiB; a backlog may take"
                            + " half as much again); when half of it arrived unsearched, a"
                            + " search runs at once")
    long windowBytes = 256L << 20;

    @Option(
            names = "--suppressions",
            paramLabel = "FILE",
            description = "an allowlist of known false positives (YAML), as for hunt")
    Path suppressionsFile;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "append the alerts to FILE instead of standard output")
    Path output;

    @Mixin HecOptions hec;

    @Mixin KafkaOptions kafka;

    @Option(
            names = {"-q", "--quiet"},
            description = "print no notes, warnings or summary on standard error")
    boolean quiet;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "log files to follow; - for standard input; kafka://HOST:PORT/TOPIC for a"
                            + " topic whose messages are log records")
    List<String> paths;

    @Spec CommandSpec spec;

    /** Where standard input is read; tests replace it. */
    static InputStream standardInput = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LiveDetector.Settings settings = settings();
        Semantics mode = RunOptions.semantics(semantics);
        RulePack pack = rules.loadSome();
        List<CompiledRule> compiled = Detector.compile(pack.rules(), Macros.NONE);
        if (!SearchCommand.reportDiagnostics(compiled, err)) {
            return ExitCodes.USAGE;
        }
        Suppressions suppressions = SuppressionRun.load(suppressionsFile);
        ReadOptions readOptions = input.readOptions();
        Readers readers = input.readers();
        HecDelivery delivery = hec.delivery(err, quiet);
        KafkaOptions.Sender topic = kafka.sender(err, quiet);
        List<LiveSource> sources = sources(readOptions.limits(), readers, err);
        Detector detector =
                new Detector(
                        compiled,
                        SearchCommand.executionOptions(mode, pack.aliasesText()),
                        input.profile(),
                        TimeRange.ALL,
                        Runtime.getRuntime().availableProcessors(),
                        readers);
        Report report = new Report(err, suppressions, delivery, topic);
        LiveDetector live = new LiveDetector(detector, readOptions, sources, settings, report);
        if (!quiet) {
            err.printf(
                    Locale.ROOT,
                    "atwatch: following %s; searching the last %s every %s (Ctrl-C to stop)%n",
                    String.join(", ", paths),
                    span,
                    interval);
            err.flush();
        }
        long started = System.nanoTime();
        runUntilStopped(
                live,
                totals -> {
                    if (topic != null) {
                        topic.close();
                    }
                    if (!quiet) {
                        err.printf(
                                Locale.ROOT,
                                "atwatch: followed %d input(s) for %.1f s: %,d bytes,"
                                        + " %d search(es), %d alert(s), %d suppressed,"
                                        + " %d record(s) rejected%n",
                                sources.size(),
                                (System.nanoTime() - started) / 1e9,
                                totals.bytes(),
                                totals.searches(),
                                totals.alerts() - report.suppressed,
                                report.suppressed,
                                totals.rejected());
                    }
                    spec.commandLine().getOut().flush();
                    err.flush();
                });
        if (report.failure != null) {
            throw report.failure;
        }
        return report.undelivered ? HecDelivery.EXIT_NOT_DELIVERED : ExitCodes.OK;
    }

    /**
     * Runs until the live run ends by itself or the process is asked to stop (SIGINT, SIGTERM):
     * then the last search runs, and the process ends only once {@code finish} (closing outputs,
     * the summary) is done with what it found.
     */
    private static void runUntilStopped(
            LiveDetector live, java.util.function.Consumer<LiveDetector.Totals> finish) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            live.stop();
                            try {
                                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "atwatch-follow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            finish.accept(live.run());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is already stopping: the hook is running
            }
        }
    }

    private LiveDetector.Settings settings() {
        long idle = exitWhenIdle == null ? 0 : millis("--exit-when-idle", exitWhenIdle);
        try {
            return new LiveDetector.Settings(
                    millis("--interval", interval), millis("--span", span), windowBytes, idle);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "invalid --interval, --span or --window-bytes: " + e.getMessage());
        }
    }

    /** The duration {@code text} of {@code option} in milliseconds; a bad one is a usage error. */
    static long millis(String option, String text) {
        try {
            return Durations.millis(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for " + option + ": " + e.getMessage());
        }
    }

    /**
     * The sources: standard input once at most; a file that is a folder or an EVTX file is an
     * error, a file that does not exist yet is waited for.
     */
    private List<LiveSource> sources(ReadLimits limits, Readers readers, PrintWriter err)
            throws IOException {
        List<LiveSource> sources = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String path : paths) {
            if (!seen.add(path)) {
                throw new UsageException(path + " is given twice");
            }
            if (KafkaTopic.isAddress(path)) {
                try {
                    sources.add(
                            new KafkaSource(
                                    KafkaTopic.parse(path), fromStart, kafka.client(), note(err)));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                } catch (org.apache.kafka.common.KafkaException e) {
                    throw new UsageException("invalid Kafka settings: " + e.getMessage());
                }
                continue;
            }
            if (path.equals(Inputs.STDIN)) {
                sources.add(new FollowedStream(path, standardInput, limits.maxLineBytes()));
                continue;
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw new UsageException(
                        path + " is a folder: follow takes the log files themselves");
            }
            if (Files.isRegularFile(file) && isGzip(file)) {
                throw new UsageException(
                        path
                                + " is compressed (gzip): follow reads a log as it is written;"
                                + " hunt reads compressed files");
            }
            if (Files.isRegularFile(file) && isEvtx(file)) {
                throw new UsageException(
                        path
                                + " is an EVTX file, whose records are not written line by line:"
                                + " it cannot be followed; hunt a copy of it instead");
            }
            sources.add(new FollowedFile(file, path, fromStart, limits.maxLineBytes(), note(err)));
        }
        return sources;
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static boolean isEvtx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return new String(head, StandardCharsets.ISO_8859_1).equals("ElfFile\0");
        }
    }

    private java.util.function.Consumer<String> note(PrintWriter err) {
        return text -> {
            if (!quiet) {
                err.println("note: " + text);
                err.flush();
            }
        };
    }

    /** Writes alerts as they are found, and tells problems and notes. */
    private final class Report implements LiveDetector.Listener {
        private final PrintWriter err;
        private final Suppressions suppressions;
        private final HecDelivery collector;
        private final KafkaOptions.Sender topic;
        private long shown;
        long suppressed;
        boolean undelivered;
        IOException failure;

        Report(
                PrintWriter err,
                Suppressions suppressions,
                HecDelivery collector,
                KafkaOptions.Sender topic) {
            this.topic = topic;
            this.err = err;
            this.suppressions = suppressions;
            this.collector = collector;
        }

        @Override
        public void alerts(List<Alert> alerts) {
            Detection found = new Detection(List.of(), alerts, new RunStats(), Map.of(), 0);
            List<Alert> kept =
                    SuppressionRun.apply(suppressions, found, LocalDate.now()).kept().alerts();
            suppressed += alerts.size() - kept.size();
            if (kept.isEmpty()) {
                return;
            }
            ResultTable table = AlertRows.table(kept);
            try {
                write(table);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            if (collector != null && !collector.send(kept)) {
                undelivered = true;
            }
            if (topic != null && !topic.send(table)) {
                undelivered = true;
            }
        }

        private void write(ResultTable table) throws IOException {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                writeLines(table, out);
                return;
            }
            try (Writer out =
                    Files.newBufferedWriter(
                            output,
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)) {
                writeLines(table, out);
            }
        }

        private void writeLines(ResultTable table, Writer out) throws IOException {
            JsonWriter.writeRows(
                    JsonWriter.generator(out),
                    out,
                    true,
                    table.rows().size(),
                    JsonWriter.rows(table));
        }

        @Override
        public void rejected(Rejected rejected) {
            if (!quiet && ++shown <= REJECTIONS_SHOWN) {
                err.println(
                        SearchCommand.message(rejected)
                                + (shown == REJECTIONS_SHOWN ? " (further ones are counted)" : ""));
                err.flush();
            }
        }

        @Override
        public void warning(Warning warning) {
            if (!quiet && ++shown <= REJECTIONS_SHOWN) {
                err.println(SearchCommand.message(warning));
                err.flush();
            }
        }

        @Override
        public void note(String text) {
            if (!quiet) {
                err.println("note: " + text);
                err.flush();
            }
        }
    }
}
