package dev.atwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Chains linked as events stream in: memory stays within the limits however many jobs and events
 * come, and the chains do not depend on how the inputs' events interleave.
 */
class StreamingTest {

    private static final String HOST = "ws-stream-01.kestrel.lan";
    private static final long START = 1_775_001_600L; // 2026-04-01T00:00:00Z
    private static final int JOBS = 4_000;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** Room for a few hours of the stream's candidates, far less than the whole run has. */
    private static final ChainLimits LIMITS =
            new ChainLimits(1_000, 100, 8 * 86_400, 300, 120, 600);

    /** Most event time between two readers in {@link #feed}. */
    private static final double LAG_SECONDS = 300;

    @Test
    void memoryStaysWithinTheLimitsOverManyJobsAndAStreamOfEvents() {
        Correlator correlator = new Correlator(LIMITS);
        List<List<Event>> inputs = List.of(sysmon(), security());

        ChainReport report = feed(correlator, inputs, new Random(1));

        assertThat(report.candidates()).isGreaterThan(6_000);
        assertThat(correlator.peakHeld()).isLessThan(LIMITS.candidates() / 2);
        assertThat(report.droppedCandidates()).isZero();
        assertThat(correlator.peakOpenJobs()).isLessThanOrEqualTo(LIMITS.openJobsPerHost());
        assertThat(report.closedEarly()).isPositive();
        assertThat(report.notes())
                .singleElement()
                .asString()
                .contains(report.closedEarly() + " jobs were closed before their run was due");
        // Every job is a chain; the weekly ones that did not fit were closed early, the runs of
        // the others were all found, in either log.
        assertThat(report.chains()).hasSize(JOBS);
        assertThat(report.chains())
                .filteredOn(c -> c.job().get("JobCommand").contains("near"))
                .hasSize(JOBS / 2)
                .allSatisfy(c -> assertThat(c.execution()).as(c.toString()).isNotNull());
    }

    @Test
    void chainsDoNotDependOnHowInputsInterleave() throws Exception {
        List<List<Event>> inputs = List.of(sysmon(), security());
        String expected = ChainRun.describe(feed(new Correlator(LIMITS), inputs, new Random(1)));

        for (int seed = 2; seed <= 3; seed++) {
            String other =
                    ChainRun.describe(feed(new Correlator(LIMITS), inputs, new Random(seed)));
            assertThat(other).as("seed " + seed).isEqualTo(expected);
        }
        assertThat(ChainRun.describe(threads(inputs))).isEqualTo(expected);
    }

    @Test
    void inputReadLongAfterAnotherOfTheSameHostStillLinksInTimeOrder() {
        double created = START + 10;
        double runs = START + 3 * 60 + 0.5;
        List<Event> security = new ArrayList<>();
        security.add(
                creation("security", 1, created, "at " + clock(START + 180) + " c:\\t\\a.exe"));
        List<Event> sysmon = List.of(run("sysmon", 1, runs, "c:\\t\\a.exe"));
        Correlator correlator = new Correlator(ChainLimits.DEFAULTS);
        correlator.begin(2);

        // The run's input is read to its end before the creation's input starts.
        sysmon.forEach(e -> correlator.accept(1, e));
        correlator.end(1);
        security.forEach(e -> correlator.accept(0, e));
        correlator.end(0);
        ChainReport report = correlator.finish();

        assertThat(report.chains())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.execution()).isNotNull();
                            assertThat(c.execution().time()).isEqualTo(runs);
                        });
    }

    @Test
    void eventFarBehindItsInputIsLinkedOutOfOrderAndCounted() {
        Correlator correlator = new Correlator(LIMITS);
        correlator.begin(1);
        double late = START + 10;

        // Ascending, as its first two minutes show, then an hour and a half on.
        correlator.accept(0, noise("sysmon", 1, START));
        correlator.accept(0, noise("sysmon", 2, START + 120));
        correlator.accept(0, noise("sysmon", 3, START + 5_000));
        correlator.accept(0, creation("sysmon", 4, late, "at 23:00 c:\\t\\b.exe"));
        correlator.end(0);
        ChainReport report = correlator.finish();

        assertThat(report.lateCandidates()).isEqualTo(1);
        assertThat(report.chains())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.creation().time()).isEqualTo(late);
                        });
        assertThat(report.notes())
                .singleElement()
                .asString()
                .contains("more than 600 seconds behind")
                .contains("chain-reorder-seconds=N");
    }

    /**
     * Sysmon: one at.exe creation every 10 seconds, alternately a job due in about six minutes,
     * whose run follows (here, or for one in two of them in the Security log), and a weekly job,
     * which waits for days.
     */
    private static List<Event> sysmon() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            double created = START + 10.0 * i;
            if (i % 2 == 0) {
                String command = "c:\\t\\near" + i + ".exe";
                events.add(creation("sysmon", 0, created, "at " + clock(due(i)) + " " + command));
                if (i % 4 != 0) {
                    events.add(run("sysmon", 0, due(i) + 0.5, command));
                }
            } else {
                String command = "c:\\t\\far" + i + ".exe";
                events.add(creation("sysmon", 0, created, "at 03:00 /every:M " + command));
            }
        }
        return numbered(events);
    }

    /** When near job {@code i} is due: the minute after the next five. */
    private static long due(int i) {
        return (START + 10L * i + 300) / 60 * 60 + 60;
    }

    /**
     * Security: a process every second, every 30 seconds a task of some other service, and the runs
     * of one near job in four.
     */
    private static List<Event> security() {
        List<Event> events = new ArrayList<>();
        for (int s = 0; s < JOBS * 10 + 600; s++) {
            double time = START + s + 0.25;
            events.add(
                    s % 30 == 0
                            ? run("security", 0, time, "c:\\windows\\system32\\defrag.exe -c")
                            : noise("security", 0, time));
        }
        for (int i = 0; i < JOBS; i += 4) {
            events.add(securityRun(due(i) + 0.75, "c:\\t\\near" + i + ".exe"));
        }
        return numbered(events);
    }

    /** One input's events in time order, with record numbers. */
    private static List<Event> numbered(List<Event> events) {
        events.sort(Comparator.comparingDouble(Event::time));
        List<Event> numbered = new ArrayList<>();
        for (Event e : events) {
            Provenance p = e.provenance();
            Provenance at = new Provenance(p.input(), numbered.size() + 1, numbered.size() + 1, 0);
            Event.Builder copy = Event.builder(at);
            e.toMap().forEach(copy::put);
            numbered.add(copy.build());
        }
        return numbered;
    }

    /**
     * Feeds the inputs' events in a random interleaving that keeps each input's own order, as
     * readers do that run at varying speeds, up to {@link #LAG_SECONDS} apart in event time.
     */
    private static ChainReport feed(
            Correlator correlator, List<List<Event>> inputs, Random random) {
        correlator.begin(inputs.size());
        int[] next = new int[inputs.size()];
        int left = inputs.size();
        while (left > 0) {
            int input = -1;
            double soonest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < inputs.size(); i++) {
                if (next[i] < inputs.get(i).size()) {
                    double at =
                            inputs.get(i).get(next[i]).time() + random.nextDouble() * LAG_SECONDS;
                    if (at < soonest) {
                        soonest = at;
                        input = i;
                    }
                }
            }
            List<Event> events = inputs.get(input);
            correlator.accept(input, events.get(next[input]++));
            if (next[input] == events.size()) {
                correlator.end(input);
                left--;
            }
        }
        return correlator.finish();
    }

    /**
     * Feeds each input from a thread of its own, as the detector does. One thread may finish long
     * before the other: the buffer is made large enough to wait for it.
     */
    private static ChainReport threads(List<List<Event>> inputs) throws Exception {
        Correlator correlator = new Correlator(LIMITS.with(ChainLimits.CANDIDATES, 100_000));
        correlator.begin(inputs.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int input = i;
            Thread thread =
                    new Thread(
                            () -> {
                                awaitQuietly(start);
                                inputs.get(input).forEach(e -> correlator.accept(input, e));
                                correlator.end(input);
                            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return correlator.finish();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Event creation(String input, long record, double time, String commandLine) {
        return process(input, record, time)
                .put("Image", "C:\\Windows\\System32\\at.exe")
                .put("CommandLine", commandLine)
                .put("ParentImage", "C:\\Windows\\System32\\cmd.exe")
                .build();
    }

    private static Event run(String input, long record, double time, String commandLine) {
        return process(input, record, time)
                .put("Image", "C:\\t\\job.exe")
                .put("CommandLine", commandLine)
                .put("ParentImage", "C:\\Windows\\System32\\svchost.exe")
                .put("ParentCommandLine", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p")
                .build();
    }

    private static Event securityRun(double time, String commandLine) {
        return Event.builder(new Provenance("security", 0, 0, 0))
                .time(time)
                .put(Event.HOST, HOST)
                .put("EventCode", "4688")
                .put("NewProcessName", "C:\\t\\job.exe")
                .put("CommandLine", commandLine)
                .put("ParentProcessName", "C:\\Windows\\System32\\svchost.exe")
                .build();
    }

    private static Event noise(String input, long record, double time) {
        return process(input, record, time)
                .put("Image", "C:\\Windows\\System32\\conhost.exe")
                .put("CommandLine", "conhost.exe 0xffffffff -ForceV1")
                .put("ParentImage", "C:\\Windows\\explorer.exe")
                .build();
    }

    private static Event.Builder process(String input, long record, double time) {
        return Event.builder(new Provenance(input, record, record, 0))
                .time(time)
                .put(Event.HOST, HOST)
                .put("EventCode", "1");
    }

    private static String clock(long epochSeconds) {
        return CLOCK.format(Instant.ofEpochSecond(epochSeconds));
    }
}
