package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real audit logs of the shared data sets, read whole. */
class AuditdRealSamplesTest {

    static Path datasets() {
        String shared = System.getProperty("atwatch.shared");
        Path path = shared == null ? null : Path.of(shared, "datasets");
        Assumptions.assumeTrue(
                path != null && Files.isDirectory(path),
                "the shared data sets are not available (system property atwatch.shared)");
        return path;
    }

    static List<Path> auditLogs() throws IOException {
        Path datasets = datasets();
        List<Path> logs;
        try (Stream<Path> files =
                Stream.concat(
                        Files.walk(datasets.resolve("linux-auditd-benign")),
                        Files.walk(datasets.resolve("auditd-sec-content-mapping")))) {
            logs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        return logs;
    }

    static CollectingSink read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new AuditdReader().read(MemoryInput.of(file), ReadOptions.DEFAULTS, sink);
        return sink;
    }

    @Test
    void everySampleIsRecognizedAndReadWithoutRejectionButTheSerialLessRecord() throws IOException {
        List<Path> logs = auditLogs();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(8);
        for (Path log : logs) {
            byte[] head = Files.readAllBytes(log);
            assertThat(new AuditdReader().recognizes(head, Math.min(head.length, 65536)))
                    .as(log.toString())
                    .isTrue();
            CollectingSink sink = read(log);
            assertThat(sink.events).as(log.toString()).isNotEmpty();
            if (log.endsWith("audit-rhel7.log")) {
                // go-libaudit's sample deliberately holds 'type=UNKNOWN[1329] msg=?', which has
                // no serial: ausearch drops it silently, atwatch reports it.
                assertThat(sink.rejected)
                        .singleElement()
                        .satisfies(
                                r -> {
                                    assertThat(r.reason()).isEqualTo("auditd.no-serial");
                                    assertThat(r.where().line()).isEqualTo(31);
                                });
            } else {
                assertThat(sink.rejected).as(log.toString()).isEmpty();
            }
        }
    }

    @Test
    void findsTheThreeAtExecutionsOfTheInterpretedSample() throws IOException {
        Path log = datasets().resolve("auditd-sec-content-mapping/ausearch-interpreted.log");
        List<Event> at =
                read(log).events.stream()
                        .filter(e -> "at_susp".equals(e.text("key")))
                        .filter(e -> e.get("type").strings().contains("SYSCALL"))
                        .toList();
        assertThat(at).hasSize(3);
        assertThat(at)
                .allSatisfy(
                        e -> {
                            assertThat(e.text("exe")).isEqualTo("/usr/bin/at");
                            assertThat(e.text("Image")).isEqualTo("/usr/bin/at");
                            assertThat(e.text("euid")).isEqualTo("root");
                            assertThat(e.text("auid")).isEqualTo("test-2");
                            assertThat(e.text("User")).isEqualTo("test-2");
                            assertThat(e.text("syscall")).isEqualTo("execve");
                            assertThat(e.text("sourcetype")).isEqualTo("linux:audit");
                            assertThat(e.text("index")).isEqualTo("linux");
                            assertThat(e.get("host")).isNull();
                        });
        assertThat(at.stream().map(e -> e.text("proctitle")).collect(Collectors.toList()))
                .containsExactly("at now +5 minutes", "at now +5 minutes", "at");
        assertThat(at.get(0).text("CommandLine")).isEqualTo("at now +5 minutes");
        assertThat(at.get(0).get("type").strings())
                .containsExactly("SYSCALL", "EXECVE", "PATH", "PROCTITLE");
        assertThat(at.get(0).text("a0")).isEqualTo("at");
        assertThat(at.get(0).text("a3")).isEqualTo("minutes");
        // 03/28/2023 09:48:28.232 read as UTC
        assertThat(at.get(0).time())
                .isCloseTo(1679996908.232, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void findsTheAtDenyCreation() throws IOException {
        Path log = datasets().resolve("auditd-sec-content-mapping/ausearch-interpreted.log");
        assertThat(read(log).events)
                .filteredOn(
                        e ->
                                e.get("name") != null
                                        && e.get("name").strings().contains("/etc/at.deny"))
                .anySatisfy(e -> assertThat(e.get("objtype").strings()).contains("CREATE"));
    }

    @Test
    void reassemblesThe48ArgumentExecveAndDecodesItsHexProctitle() throws IOException {
        Path log = datasets().resolve("linux-auditd-benign/audit-userspace/auparse/test/test4.log");
        List<Event> events = read(log).events;
        assertThat(events).hasSize(2);
        Event ld = events.get(0);
        assertThat(ld.text("argc")).isEqualTo("48");
        assertThat(ld.text("a0")).isEqualTo("/bin/sh");
        assertThat(ld.text("a47"))
                .isEqualTo("/usr/lib64/gcc/aarch64-alt-linux/8/../../../../lib64/crtn.o");
        assertThat(ld.get("a48")).isNull();
        assertThat(ld.text("CommandLine"))
                .startsWith("/bin/sh -efu /usr/bin/ld -plugin ")
                .endsWith(" /usr/lib64/gcc/aarch64-alt-linux/8/../../../../lib64/crtn.o");
        assertThat(ld.text("CommandLine").split(" ")).hasSize(48);
        assertThat(ld.text("proctitle"))
                .startsWith("/bin/sh -efu /usr/bin/ld -plugin /usr/libexec/");
        assertThat(ld.get("name").strings())
                .containsExactly("/usr/bin/ld", "/bin/sh", "/lib64/ld-linux-aarch64.so.1");
        assertThat(ld.text("cwd")).isEqualTo("/usr/src/RPM/BUILD/zlib-1.2.11-alt1");
        assertThat(ld.text("exe")).isEqualTo("/bin/sh4");
        assertThat(ld.text("ProcessId")).isEqualTo("105183");
        assertThat(ld.text("ParentProcessId")).isEqualTo("105182");
        assertThat(ld.text("User")).isEqualTo("583");
        assertThat(ld.raw().split("\n")).hasSize(7);
        assertThat(events.get(1).text("a215")).isEqualTo("configure.ac");
    }

    @Test
    void decodesHexExecutableAndCwdAndUsesTheNodeAsHost() throws IOException {
        Path base = datasets().resolve("linux-auditd-benign");
        List<Event> rhel7 =
                read(base.resolve("go-libaudit/auparse/testdata/audit-rhel7.log")).events;
        assertThat(rhel7).anySatisfy(e -> assertThat(e.text("cwd")).isEqualTo("/tmp/a b c"));
        assertThat(rhel7)
                .anySatisfy(
                        e ->
                                assertThat(e.text("exe"))
                                        .isEqualTo("/usr/bin/python2.7;58d1ccfb (deleted)"));
        assertThat(rhel7)
                .anySatisfy(e -> assertThat(e.text("cmd")).isEqualTo("./metricbeat -c mb.dev.yml"));
        List<Event> test3 = read(base.resolve("audit-userspace/auparse/test/test3.log")).events;
        assertThat(test3)
                .allSatisfy(e -> assertThat(e.text("host")).isEqualTo("auditdtest.a1959.org"));
        assertThat(test3)
                .anySatisfy(e -> assertThat(e.text("proctitle")).isEqualTo("sshd: burn [priv]"));
    }
}
