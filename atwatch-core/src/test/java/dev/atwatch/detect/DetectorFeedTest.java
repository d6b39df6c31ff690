package dev.atwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atwatch.event.Event;
import dev.atwatch.event.Profile;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.MemoryInput;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.RecordSink;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the detector feeds the events of inputs read in parallel to the rules' pipelines: in input
 * order whatever the threads do, with at most {@code feed-buffer} matched events buffered by an
 * input read ahead of an earlier one.
 */
class DetectorFeedTest {

    /** A format of this test: a first line {@code COUNTED}, then one event per line. */
    private static final class LineReader implements EventReader {
        @Override
        public String name() {
            return "counted";
        }

        @Override
        public boolean recognizes(byte[] head, int length) {
            return new String(head, 0, length, StandardCharsets.UTF_8).startsWith("COUNTED\n");
        }

        @Override
        public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
            try (BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
                lines.readLine();
                long number = 1;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    Provenance where = new Provenance(input.name(), number - 1, number, -1);
                    sink.event(Event.builder(where).put("n", line).build());
                }
            }
        }
    }

    /** An input whose first read waits until {@link #release} is counted down. */
    private record HeldInput(MemoryInput content, CountDownLatch release) implements Input {
        @Override
        public String name() {
            return content.name();
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public long size() {
            return content.size();
        }

        @Override
        public InputStream open() throws IOException {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return content.open();
        }
    }

    private static MemoryInput input(String name, int events) {
        StringBuilder text = new StringBuilder("COUNTED\n");
        for (int i = 1; i <= events; i++) {
            text.append(name).append('-').append(i).append('\n');
        }
        return MemoryInput.of(name, text.toString());
    }

    private static Detector detector(String search, int threads, int feedBuffer) {
        Rule rule =
                new Rule("r", "r", "", List.of(), "low", List.of(), search, "", "", List.of(), "r");
        List<CompiledRule> compiled = Detector.compile(List.of(rule), Macros.NONE);
        return new Detector(
                compiled,
                ExecutionOptions.splunk(),
                Profile.TA_WINDOWS_LEGACY,
                TimeRange.ALL,
                threads,
                new Readers(List.of(new LineReader())),
                feedBuffer);
    }

    private static List<String> values(Detection detection) {
        List<String> values = new ArrayList<>();
        for (Alert alert : detection.alerts()) {
            values.add(alert.fields().get("n").asString());
        }
        return values;
    }

    private static List<String> expected(List<MemoryInput> inputs) {
        List<String> values = new ArrayList<>();
        for (MemoryInput input : inputs) {
            String text = new String(input.content(), StandardCharsets.UTF_8);
            text.lines().skip(1).forEach(values::add);
        }
        return values;
    }

    @Test
    @Timeout(60)
    void manyInputsWithATinyBufferFinishInInputOrder() {
        List<MemoryInput> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(input("in" + i, 300 + 37 * i));
        }
        List<Input> given = List.copyOf(inputs);

        for (int feedBuffer : new int[] {1, 2, 7}) {
            Detection detection =
                    detector("n=*", 4, feedBuffer)
                            .run(given, ReadOptions.DEFAULTS, RunListener.NONE);

            assertThat(values(detection))
                    .as("feed-buffer=" + feedBuffer)
                    .isEqualTo(expected(inputs));
        }
    }

    @Test
    @Timeout(60)
    void resultsDoNotDependOnThreadsOrBufferSize() {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inputs.add(input("in" + i, 500).trickled(64));
        }
        String search = "n=*-1* | eval k=len(n) | stats count, values(n) as some by k | sort - k";

        Detection reference =
                detector(search, 1, Detector.DEFAULT_FEED_BUFFER)
                        .run(inputs, ReadOptions.DEFAULTS, RunListener.NONE);
        for (int threads : new int[] {2, 6}) {
            for (int feedBuffer : new int[] {1, 3, 100_000}) {
                Detection detection =
                        detector(search, threads, feedBuffer)
                                .run(inputs, ReadOptions.DEFAULTS, RunListener.NONE);

                assertThat(detection.alerts())
                        .extracting(Alert::fields)
                        .as("threads=%d feed-buffer=%d", threads, feedBuffer)
                        .isEqualTo(reference.alerts().stream().map(Alert::fields).toList());
            }
        }
        assertThat(reference.alerts()).isNotEmpty();
    }

    @Test
    @Timeout(60)
    void anInputReadAheadWaitsOnceItsBufferIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MemoryInput first = input("first", 5);
        MemoryInput second = input("second", 1_000);
        Map<String, AtomicInteger> matched = new ConcurrentHashMap<>();
        RunListener listener =
                new RunListener() {
                    @Override
                    public void matched(Rule rule, Event event) {
                        String input = event.provenance().input();
                        matched.computeIfAbsent(input, k -> new AtomicInteger()).incrementAndGet();
                    }
                };
        Detector detector = detector("n=*", 2, 3);
        List<Input> inputs = List.of(new HeldInput(first, release), second);

        Thread run = new Thread(() -> detector.run(inputs, ReadOptions.DEFAULTS, listener), "run");
        run.start();
        // the second input buffers 3 events and blocks offering its 4th
        while (matched.getOrDefault("second", new AtomicInteger()).get() < 4) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(matched.get("second").get()).isEqualTo(4);
        assertThat(run.isAlive()).isTrue();

        release.countDown();
        run.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(run.isAlive()).isFalse();
        assertThat(matched.get("second").get()).isEqualTo(1_000);
        assertThat(matched.get("first").get()).isEqualTo(5);
    }

    @Test
    void aFeedBufferBelowOneIsRefused() {
        assertThatThrownBy(() -> detector("n=*", 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed-buffer");
    }
}
