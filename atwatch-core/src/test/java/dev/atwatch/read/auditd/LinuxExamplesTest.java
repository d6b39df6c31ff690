package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.syslog.SyslogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled Linux examples: each file is recognized by its reader and read cleanly. */
class LinuxExamplesTest {

    private static final Path EXAMPLES =
            Path.of(System.getProperty("basedir", "."), "..", "examples", "linux").normalize();

    private static final List<EventReader> READERS =
            List.of(new AuditdReader(), new SyslogReader());

    static List<Event> read(String file) throws IOException {
        MemoryInput input = MemoryInput.of(EXAMPLES.resolve(file));
        EventReader reader = readerOf(input.content());
        CollectingSink sink = new CollectingSink();
        reader.read(input, ReadOptions.DEFAULTS, sink);
        assertThat(sink.rejected).as(file).isEmpty();
        return sink.events;
    }

    private static EventReader readerOf(byte[] content) {
        List<EventReader> matching =
                READERS.stream().filter(r -> r.recognizes(content, content.length)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void everyExampleIsRecognizedByOneReaderAndReadWithoutRejection() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().equals("README.md"))
                            .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(13);
        for (Path file : files) {
            assertThat(read(EXAMPLES.relativize(file).toString())).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void rawEnrichedAndInterpretedAuditLogsGiveTheSameCommandLines() throws IOException {
        for (String test : List.of("test4-at-job", "test5-sudo-at")) {
            List<String> raw = commandLines(read(test + "/audit.log"));
            assertThat(commandLines(read(test + "/audit-enriched.log"))).isEqualTo(raw);
            assertThat(commandLines(read(test + "/ausearch-i.txt")))
                    .containsExactlyInAnyOrderElementsOf(raw);
        }
    }

    @Test
    void test4ShowsTheAtJobAndTheShellAtdStarted() throws IOException {
        List<Event> events = read("test4-at-job/audit.log");
        assertThat(events)
                .filteredOn(e -> "at_usage".equals(e.text("key")))
                .extracting(e -> e.text("CommandLine"))
                .containsExactly("atq", "at now + 1 minute");
        assertThat(events)
                .filteredOn(e -> "at_spool".equals(e.text("key")))
                .extracting(e -> e.get("nametype").strings().get(1))
                .containsExactly("CREATE", "DELETE");
        assertThat(events)
                .anySatisfy(
                        e -> {
                            assertThat(e.text("CommandLine")).isEqualTo("sh");
                            assertThat(e.text("ParentProcessId")).isEqualTo("3190");
                            assertThat(e.text("auid")).isEqualTo("4294967295");
                            assertThat(e.text("host")).isEqualTo("web01");
                        });
        assertThat(read("test4-at-job/syslog"))
                .anySatisfy(e -> assertThat(e.text("pid")).isEqualTo("3190"));
    }

    @Test
    void test5ShowsSudoToAtAndAtRunningAsRootForAlice() throws IOException {
        List<Event> events = read("test5-sudo-at/audit-enriched.log");
        assertThat(events)
                .anySatisfy(
                        e -> {
                            assertThat(e.text("CommandLine")).isEqualTo("sudo at now");
                            assertThat(e.text("AUID")).isEqualTo("alice");
                        });
        assertThat(events)
                .anySatisfy(
                        e -> {
                            assertThat(e.text("CommandLine")).isEqualTo("at now");
                            assertThat(e.text("euid")).isEqualTo("0");
                            assertThat(e.text("auid")).isEqualTo("1001");
                            assertThat(e.text("User")).isEqualTo("root");
                        });
        assertThat(events).anySatisfy(e -> assertThat(e.text("cmd")).isEqualTo("at now"));
        assertThat(read("test5-sudo-at/secure"))
                .anySatisfy(
                        e -> {
                            assertThat(e.text("COMMAND")).isEqualTo("/bin/at now");
                            assertThat(e.text("sudo_user")).isEqualTo("alice");
                        });
        assertThat(read("test5-sudo-at/journal.json"))
                .anySatisfy(e -> assertThat(e.text("_CMDLINE")).isEqualTo("sudo at now"));
    }

    private static List<String> commandLines(List<Event> events) {
        return events.stream().map(e -> e.text("CommandLine")).filter(c -> c != null).toList();
    }
}
