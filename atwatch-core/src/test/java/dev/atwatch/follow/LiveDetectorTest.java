package dev.atwatch.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atwatch.detect.Alert;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.RulePack;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live run over sources whose lines arrive one part per search, so that what each search sees
 * is known: alerts once, events split between arrivals, locations after older lines left the
 * window, rejections once, joins across sources.
 */
class LiveDetectorTest {

    private static final Path TEST4 = Path.of("..", "examples", "linux", "test4-at-job");

    private final List<Alert> alerts = new ArrayList<>();
    private final List<Rejected> rejections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong largestSearch =
            new java.util.concurrent.atomic.AtomicLong();

    @TempDir Path dir;

    /** Hands out part {@code k} once {@code k} searches have run; ends after the last part. */
    private final class Parts implements LiveSource {
        private final String name;
        private final List<byte[]> parts;
        private int next;
        private long offset;
        private long line = 1;

        Parts(String name, List<String> parts) {
            this.name = name;
            this.parts = parts.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Chunk poll() {
            if (next >= parts.size() || searches.get() < next) {
                return null;
            }
            byte[] bytes = parts.get(next++);
            long lines = Chunk.countLines(bytes, bytes.length);
            Chunk chunk = new Chunk(bytes, 0, offset, line, lines);
            offset += bytes.length;
            line += lines;
            return chunk;
        }

        @Override
        public boolean ended() {
            return next >= parts.size() && searches.get() >= next;
        }

        @Override
        public void close() {}
    }

    private final LiveDetector.Listener listener =
            new LiveDetector.Listener() {
                @Override
                public void alerts(List<Alert> found) {
                    alerts.addAll(found);
                }

                @Override
                public void rejected(Rejected rejected) {
                    rejections.add(rejected);
                }

                @Override
                public void note(String text) {
                    notes.add(text);
                }

                @Override
                public void searched(Detection detection, long bytes) {
                    searches.incrementAndGet();
                    largestSearch.accumulateAndGet(bytes, Math::max);
                }
            };

    private static Detector detector() throws Exception {
        RulePack pack = RulePack.bundled();
        return new Detector(
                Detector.compile(pack.rules(), Macros.NONE),
                ExecutionOptions.portable(FieldAliases.bundled()),
                Profile.TA_WINDOWS_LEGACY,
                TimeRange.ALL,
                1,
                new Readers(Readers.all()));
    }

    private LiveDetector.Totals follow(long windowBytes, LiveSource... sources) throws Exception {
        LiveDetector.Settings settings = new LiveDetector.Settings(20, 600_000, windowBytes, 0);
        return new LiveDetector(
                        detector(), ReadOptions.DEFAULTS, List.of(sources), settings, listener)
                .run();
    }

    /** What {@code hunt} finds in the files: rule and location of each alert. */
    private static List<String> hunted(Path... files) throws Exception {
        List<String> names = java.util.Arrays.stream(files).map(Path::toString).toList();
        return detector()
                .run(Inputs.expand(names), ReadOptions.DEFAULTS, RunListener.NONE)
                .alerts()
                .stream()
                .map(LiveDetectorTest::describe)
                .toList();
    }

    private static String describe(Alert alert) {
        return alert.rule().id() + " " + alert.sourceText();
    }

    private static String text(Alert alert, String field) {
        FieldValue value = alert.fields().get(field);
        return value == null ? null : value.asString();
    }

    /** {@code count} one-record audit events of a cron login, serials from {@code serial}. */
    private static String benign(int count, int serial) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(
                    String.format(
                            Locale.ROOT,
                            "node=web01 type=USER_ACCT msg=audit(1796322000.%03d:%d): pid=2%03d"
                                    + " uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:accounting"
                                    + " grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\""
                                    + " hostname=? addr=? terminal=cron res=success'\n",
                            i % 1000,
                            serial + i,
                            i % 1000));
        }
        return lines.toString();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void reportsEachAlertOnceThoughSeveralSearchesSeeItAndWhereHuntDoes() throws Exception {
        Path audit = TEST4.resolve("audit.log");
        String log = read(audit);
        Parts source =
                new Parts(
                        audit.toString(),
                        List.of(log, benign(10, 20_000), benign(10, 30_000), benign(10, 40_000)));

        LiveDetector.Totals totals = follow(64L << 20, source);

        assertThat(totals.searches()).isGreaterThanOrEqualTo(4);
        assertThat(alerts).extracting(LiveDetectorTest::describe).isEqualTo(hunted(audit));
        assertThat(totals.alerts()).isEqualTo(alerts.size());
    }

    @Test
    void anEventSplitBetweenTwoArrivalsIsReportedOnceAndWhole() throws Exception {
        String log = read(TEST4.resolve("audit.log"));
        for (String cutBefore :
                List.of(
                        "type=EXECVE msg=audit(1796322662.274",
                        "type=CWD msg=audit(1796322662.274")) {
            alerts.clear();
            searches.set(0);
            int cut = log.lastIndexOf("node=web01 " + cutBefore);
            Parts source =
                    new Parts("audit.log", List.of(log.substring(0, cut), log.substring(cut)));

            follow(64L << 20, source);

            assertThat(alerts)
                    .as("cut before %s", cutBefore)
                    .filteredOn(a -> a.rule().id().equals("linux-at-job-scheduled"))
                    .singleElement()
                    .satisfies(
                            a -> assertThat(text(a, "CommandLine")).isEqualTo("at now + 1 minute"))
                    .satisfies(a -> assertThat(a.sourceText()).isEqualTo("audit.log:26"));
        }
    }

    @Test
    void locationsAreTheFilesOnceOlderLinesHaveLeftTheWindow() throws Exception {
        String first = benign(600, 20_000);
        String second = benign(600, 30_000);
        assertThat(first.length()).isGreaterThan(64 << 10);
        String log = read(TEST4.resolve("audit.log"));
        Parts source = new Parts("audit.log", List.of(first, second, log));

        follow(64 << 10, source);

        assertThat(alerts)
                .extracting(LiveDetectorTest::describe)
                .containsExactly(
                        "linux-at-job-scheduled audit.log:" + (1200 + 26),
                        "linux-at-spool-write audit.log:" + (1200 + 34));
    }

    @Test
    void anEventCutByTheStartOfTheWindowIsNotReportedAgain() throws Exception {
        String log = read(TEST4.resolve("audit.log"));
        int cut = log.lastIndexOf("node=web01 type=EXECVE msg=audit(1796322662.274");
        Parts source =
                new Parts(
                        "audit.log",
                        List.of(
                                benign(600, 20_000) + log.substring(0, cut),
                                log.substring(cut) + benign(600, 30_000),
                                benign(600, 40_000),
                                benign(600, 50_000),
                                benign(600, 60_000)));

        LiveDetector.Totals totals = follow(64 << 10, source);

        assertThat(totals.searches()).isGreaterThanOrEqualTo(5);
        assertThat(alerts)
                .filteredOn(a -> a.rule().id().equals("linux-at-job-scheduled"))
                .singleElement()
                .satisfies(a -> assertThat(text(a, "uid")).isEqualTo("1000"));
    }

    @Test
    void aRejectedRecordIsReportedOnceAtItsLineInTheFile() throws Exception {
        String broken = "node=web01 type=SYSCALL msg=audit(1796322000.000): no serial\n";
        Parts source =
                new Parts(
                        "audit.log",
                        List.of(benign(5, 20_000), broken + benign(5, 30_000), benign(5, 40_000)));

        LiveDetector.Totals totals = follow(64L << 20, source);

        assertThat(rejections)
                .singleElement()
                .satisfies(r -> assertThat(r.where().describe()).isEqualTo("audit.log:6"));
        assertThat(totals.rejected()).isEqualTo(1);
    }

    @Test
    void aRuleJoiningTwoSourcesSeesThemWithinTheSpan() throws Exception {
        Path audit = TEST4.resolve("audit.log");
        Path syslog = TEST4.resolve("syslog");
        Parts auditParts = new Parts(audit.toString(), List.of(read(audit)));
        Parts syslogParts = new Parts(syslog.toString(), List.of("", read(syslog)));

        follow(64L << 20, auditParts, syslogParts);

        assertThat(alerts)
                .extracting(LiveDetectorTest::describe)
                .containsExactlyInAnyOrderElementsOf(hunted(audit, syslog));
        assertThat(alerts)
                .filteredOn(a -> a.rule().id().equals("linux-shell-started-by-atd"))
                .singleElement()
                .satisfies(a -> assertThat(text(a, "JobFile")).isEqualTo("a0000201c8d418"));
    }

    @Test
    void stopsWhenAskedFromAnotherThreadAfterALastSearch() throws Exception {
        Path log = dir.resolve("audit.log");
        Files.writeString(log, read(TEST4.resolve("audit.log")));
        FollowedFile file = new FollowedFile(log, log.toString(), true, 1 << 20, notes::add);
        LiveDetector.Settings settings = new LiveDetector.Settings(60_000, 600_000, 1 << 20, 0);
        LiveDetector live =
                new LiveDetector(
                        detector(), ReadOptions.DEFAULTS, List.of(file), settings, listener);
        Thread stopper =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(300);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            live.stop();
                        });
        stopper.start();

        LiveDetector.Totals totals = live.run();
        stopper.join();

        assertThat(totals.searches())
                .as("only the last one: the interval is a minute")
                .isEqualTo(1);
        assertThat(alerts).extracting(LiveDetectorTest::describe).isEqualTo(hunted(log));
    }

    @Test
    void stopsOnceNoSourceGrewForTheIdleTime() throws Exception {
        Path log = dir.resolve("quiet.log");
        Files.writeString(log, "");
        FollowedFile file = new FollowedFile(log, log.toString(), false, 1 << 20, notes::add);
        LiveDetector.Settings settings = new LiveDetector.Settings(50, 1000, 1 << 20, 300);
        long start = System.nanoTime();

        LiveDetector.Totals totals =
                new LiveDetector(
                                detector(), ReadOptions.DEFAULTS, List.of(file), settings, listener)
                        .run();

        assertThat((System.nanoTime() - start) / 1e6).isBetween(300.0, 10_000.0);
        assertThat(totals.bytes()).isZero();
        assertThat(alerts).isEmpty();
    }

    @Test
    void aSourceThatCannotBeReadIsToldOnceUntilItCanAgain() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        LiveSource flaky =
                new LiveSource() {
                    @Override
                    public String name() {
                        return "flaky.log";
                    }

                    @Override
                    public Chunk poll() throws IOException {
                        int n = polls.incrementAndGet();
                        if (n <= 5) {
                            throw new IOException("permission denied");
                        }
                        return null;
                    }

                    @Override
                    public boolean ended() {
                        return polls.get() > 8;
                    }

                    @Override
                    public void close() {}
                };

        follow(1 << 20, flaky);

        assertThat(notes)
                .containsExactly(
                        "cannot read flaky.log: permission denied; trying again",
                        "reading flaky.log again");
    }

    @Test
    void aSourceOfNoKnownFormatIsToldOnceNotSkippedSilently() throws Exception {
        Parts source =
                new Parts(
                        "notes.txt",
                        List.of("dear diary\n", "nothing happened\n", "still nothing\n"));

        follow(1 << 20, source);

        assertThat(notes).containsExactly("notes.txt is not searched: unknown format");
    }

    @Test
    void aBacklogIsSearchedInBoundedWindowsWithoutLosingAnAlert() throws Exception {
        String log = read(TEST4.resolve("audit.log"));
        List<byte[]> parts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String part = benign(100, 100_000 + i * 100) + (i % 13 == 5 ? log : "");
            parts.add(part.getBytes(StandardCharsets.UTF_8));
            all.append(part);
        }
        int largestPart = parts.stream().mapToInt(p -> p.length).max().orElseThrow();
        LiveSource backlog =
                new LiveSource() {
                    private int next;
                    private long offset;
                    private long line = 1;

                    @Override
                    public String name() {
                        return "backlog.log";
                    }

                    @Override
                    public Chunk poll() {
                        if (next >= parts.size()) {
                            return null;
                        }
                        byte[] bytes = parts.get(next++);
                        long lines = Chunk.countLines(bytes, bytes.length);
                        Chunk chunk = new Chunk(bytes, 0, offset, line, lines);
                        offset += bytes.length;
                        line += lines;
                        return chunk;
                    }

                    @Override
                    public boolean ended() {
                        return next >= parts.size();
                    }

                    @Override
                    public void close() {}
                };
        Path whole = dir.resolve("backlog.log");
        Files.writeString(whole, all);
        long window = 64 << 10;
        LiveDetector.Settings settings = new LiveDetector.Settings(60_000, 600_000, window, 0);

        new LiveDetector(detector(), ReadOptions.DEFAULTS, List.of(backlog), settings, listener)
                .run();

        assertThat(largestSearch.get()).isLessThanOrEqualTo(window * 3 / 2 + largestPart);
        assertThat(searches.get()).isGreaterThan(5);
        assertThat(alerts)
                .extracting(a -> a.rule().id() + " " + a.sourceText().replace("backlog.log", ""))
                .containsExactlyInAnyOrderElementsOf(
                        hunted(whole).stream().map(a -> a.replace(whole.toString(), "")).toList());
    }

    @Test
    void theSpanMustCoverTheInterval() {
        assertThatThrownBy(() -> new LiveDetector.Settings(10_000, 5_000, 1 << 20, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("span");
        assertThatThrownBy(() -> new LiveDetector.Settings(10, 5_000, 100, 0))
                .hasMessageContaining("64 KiB");
    }
}
