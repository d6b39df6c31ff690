package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Spl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading on several threads gives exactly what reading on one gives, and stops cleanly. */
class PipelinedReadTest {

    private static final AuditdReader ONE_THREAD = new AuditdReader();
    private static final AuditdReader TWO_THREADS =
            new AuditdReader(AuditdReader.DEFAULT_OPEN_EVENTS, 0);

    @Test
    void givesTheSameEventsAndRejectionsInTheSameOrder() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("interleaved.log", "hostile.log", "long-argument.log")) {
            log.append(new String(AuditdReaderTest.fixture(name), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 2000; i++) {
            log.append("type=SYSCALL msg=audit(1796301600.")
                    .append(i % 1000)
                    .append(":")
                    .append(10000 + i)
                    .append("): syscall=59 pid=")
                    .append(i)
                    .append('\n');
        }
        MemoryInput input = MemoryInput.of("mixed.log", log.toString());

        Recorder one = new Recorder();
        ONE_THREAD.read(input, ReadOptions.DEFAULTS, one);
        Recorder two = new Recorder();
        TWO_THREADS.read(input, ReadOptions.DEFAULTS, two);

        assertThat(two.items).hasSize(one.items.size()).isEqualTo(one.items);
        assertThat(two.bytes).isEqualTo(log.length());
    }

    @Test
    void screensOnItsOwnThreadAsOneThreadDoes() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("interleaved.log", "enriched.log", "long-argument.log")) {
            log.append(new String(AuditdReaderTest.fixture(name), StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 3000; i++) {
            String exe = i % 7 == 0 ? "/usr/bin/at" : "/usr/bin/ls";
            log.append("type=SYSCALL msg=audit(1796301600.")
                    .append(i % 1000)
                    .append(":")
                    .append(20000 + i)
                    .append("): syscall=59 exe=\"")
                    .append(exe)
                    .append("\" pid=")
                    .append(i)
                    .append("\ntype=EXECVE msg=audit(1796301600.")
                    .append(i % 1000)
                    .append(":")
                    .append(20000 + i)
                    .append("): argc=1 a0=\"")
                    .append(exe.substring(9))
                    .append("\"\n");
        }
        MemoryInput input = MemoryInput.of("screened.log", log.toString());
        Query query = Spl.compile("type=EXECVE exe=\"*/at\"").query().orElseThrow();
        ReadOptions options =
                ReadOptions.DEFAULTS.withFilter(
                        query.prefilter(ExecutionOptions.portable(FieldAliases.bundled())));

        Recorder one = new Recorder();
        ONE_THREAD.read(input, options, one);
        Recorder two = new Recorder();
        TWO_THREADS.read(input, options, two);

        assertThat(one.prefiltered).isGreaterThan(2000);
        assertThat(two.items).isEqualTo(one.items);
        assertThat(two.prefiltered).isEqualTo(one.prefiltered);
        assertThat(two.bytes).isEqualTo(log.length());
    }

    @Test
    @Timeout(10)
    void stopsTheFirstStageWhenTheSinkFails() {
        String line = "type=SYSCALL msg=audit(1796301600.000:%d): syscall=59\n";
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            log.append(String.format(java.util.Locale.ROOT, line, i));
        }
        RecordSink failing =
                new Recorder() {
                    @Override
                    public void event(Event event) {
                        throw new IllegalStateException("sink is full");
                    }
                };
        assertThatThrownBy(
                        () ->
                                TWO_THREADS.read(
                                        MemoryInput.of("x", log.toString()),
                                        ReadOptions.DEFAULTS,
                                        failing))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(10)
    void passesOnAnInputThatFailsToBeRead() {
        byte[] start =
                "type=SYSCALL msg=audit(1796301600.000:1): syscall=59\n"
                        .getBytes(StandardCharsets.UTF_8);
        InputStream broken =
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                };
        Input input =
                new Input() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public Optional<Path> path() {
                        return Optional.empty();
                    }

                    @Override
                    public long size() {
                        return 1 << 30;
                    }

                    @Override
                    public InputStream open() {
                        return new SequenceInputStream(new ByteArrayInputStream(start), broken);
                    }
                };
        for (AuditdReader reader : List.of(ONE_THREAD, TWO_THREADS)) {
            assertThatThrownBy(() -> reader.read(input, ReadOptions.DEFAULTS, new Recorder()))
                    .hasMessage("disk gone");
        }
    }

    /** Records what the sink received, events by their fields. */
    static class Recorder implements RecordSink {
        final List<Object> items = new java.util.ArrayList<>();
        long bytes;
        long prefiltered;

        @Override
        public void prefiltered(long records) {
            prefiltered += records;
        }

        @Override
        public void event(Event event) {
            items.add(event.toMap());
            items.add(event.provenance());
        }

        @Override
        public void rejected(Rejected rejected) {
            items.add(rejected);
        }

        @Override
        public void progress(long bytes) {
            this.bytes += bytes;
        }
    }
}
