package dev.atwatch.read.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.auditd.TrickleInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogReaderTest {

    /** Mid-January 2027, a few days after the auth.log fixture was written. */
    private static final Clock JANUARY_2027 =
            Clock.fixed(Instant.parse("2027-01-05T10:00:00Z"), ZoneOffset.UTC);

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = SyslogReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    static CollectingSink read(String name, Clock clock) throws IOException {
        CollectingSink sink = new CollectingSink();
        new SyslogReader(clock)
                .read(new MemoryInput(name, fixture(name), null), ReadOptions.DEFAULTS, sink);
        return sink;
    }

    @Test
    void extractsSudoToAtWithTheInvokingAndTargetUsers() throws IOException {
        Event sudo = read("auth.log", JANUARY_2027).events.get(2);

        assertThat(sudo.text("process")).isEqualTo("sudo");
        assertThat(sudo.get("pid")).isNull();
        assertThat(sudo.text("sudo_user")).isEqualTo("bob");
        assertThat(sudo.text("src_user")).isEqualTo("bob");
        assertThat(sudo.text("User")).isEqualTo("bob");
        assertThat(sudo.text("USER")).isEqualTo("root");
        assertThat(sudo.text("COMMAND")).isEqualTo("/usr/bin/at now");
        assertThat(sudo.text("PWD")).isEqualTo("/home/bob");
        assertThat(sudo.text("TTY")).isEqualTo("pts/0");
        assertThat(sudo.text("sourcetype")).isEqualTo("linux_secure");
        assertThat(sudo.text("index")).isEqualTo("linux");
        assertThat(sudo.text("host")).isEqualTo("web01");
    }

    @Test
    void infersTheYearAndFollowsTheRolloverFromDecemberToJanuary() throws IOException {
        List<Event> events = read("auth.log", JANUARY_2027).events;

        assertThat(events.get(0).time())
                .isEqualTo(Instant.parse("2026-12-31T23:59:01Z").getEpochSecond());
        assertThat(events.get(2).time())
                .isEqualTo(Instant.parse("2027-01-01T00:02:11Z").getEpochSecond());
    }

    @Test
    void takesTheYearFromTheFileModificationTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("syslog");
        Files.write(
                file,
                "Mar  4 05:06:07 h atd[1]: Starting job 1 (a1) for user 'x' (7)\n"
                        .getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-03-04T06:00:00Z")));
        CollectingSink sink = new CollectingSink();
        new SyslogReader(JANUARY_2027).read(MemoryInput.of(file), ReadOptions.DEFAULTS, sink);

        Event atd = sink.events.get(0);
        assertThat(atd.time()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z").getEpochSecond());
        assertThat(atd.text("sourcetype")).isEqualTo("syslog");
    }

    @Test
    void extractsPamSessionsCronAndAtdJobs() throws IOException {
        List<Event> events = read("auth.log", JANUARY_2027).events;

        Event pam = events.get(3);
        assertThat(pam.text("pam_module")).isEqualTo("pam_unix");
        assertThat(pam.text("pam_service")).isEqualTo("sudo");
        assertThat(pam.text("action")).isEqualTo("opened");
        assertThat(pam.text("user")).isEqualTo("root");
        assertThat(pam.text("src_user")).isEqualTo("bob");
        assertThat(events.get(4).text("action")).isEqualTo("closed");
        assertThat(events.get(4).get("src_user")).isNull();

        Event cron = events.get(1);
        assertThat(cron.text("process")).isEqualTo("CRON");
        assertThat(cron.text("pid")).isEqualTo("4102");
        assertThat(cron.text("user")).isEqualTo("root");
        assertThat(cron.text("command"))
                .isEqualTo("command -v debian-sa1 > /dev/null && debian-sa1 1 1");

        Event atd = events.get(5);
        assertThat(atd.text("job_id")).isEqualTo("5");
        assertThat(atd.text("job_file")).isEqualTo("a00005019a3b2c");
        assertThat(atd.text("user")).isEqualTo("bob");
        assertThat(atd.text("uid")).isEqualTo("1000");
        assertThat(atd.text("sourcetype")).isEqualTo("linux_secure");
    }

    @Test
    void rejectsALineInNoSyslogShapeWithItsLocation() throws IOException {
        CollectingSink sink = read("auth.log", JANUARY_2027);

        assertThat(sink.events).hasSize(6);
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("syslog.unparsed");
                            assertThat(r.where().line()).isEqualTo(7);
                            assertThat(r.where().offset())
                                    .isEqualTo(fixtureText("auth.log").indexOf("this line"));
                        });
    }

    @Test
    void readsRsyslogIsoTimestampsWithTheirOffset() throws IOException {
        List<Event> events = read("rsyslog-iso.log", JANUARY_2027).events;

        assertThat(events.get(0).time()).isEqualTo(1796322661.123456);
        assertThat(events.get(0).text("job_id")).isEqualTo("12");
        assertThat(events.get(0).text("sourcetype")).isEqualTo("syslog");
        assertThat(events.get(1).time())
                .isEqualTo(Instant.parse("2026-12-03T17:31:02Z").getEpochSecond());
        assertThat(events.get(1).text("process")).isEqualTo("systemd");
        assertThat(events.get(1).text("pid")).isEqualTo("1");
    }

    @Test
    void readsRfc5424WithAndWithoutStructuredData() throws IOException {
        List<Event> events = read("rfc5424.log", JANUARY_2027).events;

        Event sudo = events.get(0);
        assertThat(sudo.text("process")).isEqualTo("sudo");
        assertThat(sudo.text("pid")).isEqualTo("4410");
        assertThat(sudo.text("COMMAND")).isEqualTo("/usr/bin/at -f /tmp/x.sh now + 1 minute");
        assertThat(sudo.text("sudo_user")).isEqualTo("alice");
        assertThat(sudo.text("sourcetype")).isEqualTo("linux_secure");
        assertThat(sudo.time()).isEqualTo(1796322665.002);
        assertThat(events.get(1).text("message")).startsWith("Starting job 13");
        assertThat(events.get(1).text("user")).isEqualTo("root");
    }

    @Test
    void readsJournalEntriesAndDecodesByteArrayMessages() throws IOException {
        CollectingSink sink = read("journal.json", JANUARY_2027);

        Event sudo = sink.events.get(0);
        assertThat(sudo.time()).isEqualTo(1796322661.123456);
        assertThat(sudo.text("host")).isEqualTo("app03");
        assertThat(sudo.text("process")).isEqualTo("sudo");
        assertThat(sudo.text("pid")).isEqualTo("5120");
        assertThat(sudo.text("_CMDLINE")).isEqualTo("sudo at now");
        assertThat(sudo.text("COMMAND")).isEqualTo("/usr/bin/at now");
        assertThat(sudo.text("sudo_user")).isEqualTo("carol");
        assertThat(sudo.text("sourcetype")).isEqualTo("linux_secure");
        Event atd = sink.events.get(1);
        assertThat(atd.text("message"))
                .isEqualTo("Starting job 7 (a0000701a3b2c6) for user 'root' (0)");
        assertThat(atd.text("job_id")).isEqualTo("7");
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("syslog.bad-json");
                            assertThat(r.where().line()).isEqualTo(3);
                        });
    }

    @Test
    void givesTheSameEventsWhateverTheReadBoundaries() throws IOException {
        for (String name : List.of("auth.log", "rsyslog-iso.log", "rfc5424.log", "journal.json")) {
            CollectingSink whole = read(name, JANUARY_2027);
            for (int step : new int[] {1, 3, 17}) {
                CollectingSink cut = new CollectingSink();
                new SyslogReader(JANUARY_2027)
                        .read(
                                new TrickleInput(name, fixture(name), step),
                                ReadOptions.DEFAULTS,
                                cut);
                assertThat(cut.events)
                        .extracting(Event::toMap)
                        .isEqualTo(whole.events.stream().map(Event::toMap).toList());
                assertThat(cut.rejected).isEqualTo(whole.rejected);
            }
        }
    }

    @Test
    void readsAPriorityPrefixAndTakesTheHostFromTheOptions() throws IOException {
        String line = "<38>Dec  3 18:31:01 web01 sshd[77]: Accepted publickey for bob\n";
        CollectingSink sink = new CollectingSink();
        new SyslogReader(JANUARY_2027)
                .read(
                        MemoryInput.of("-", line),
                        new ReadOptions("os", "collector", ReadLimits.DEFAULTS),
                        sink);

        Event sshd = sink.events.get(0);
        assertThat(sshd.text("process")).isEqualTo("sshd");
        assertThat(sshd.text("host")).isEqualTo("collector");
        assertThat(sshd.text("index")).isEqualTo("os");
        assertThat(sshd.text("sourcetype")).isEqualTo("linux_secure");
        assertThat(sshd.time()).isEqualTo(Instant.parse("2026-12-03T18:31:01Z").getEpochSecond());
    }

    @Test
    void recognizesEachShapeButNotAuditRecords() {
        SyslogReader reader = new SyslogReader(JANUARY_2027);
        assertThat(recognizes(reader, "Dec  3 18:31:01 h atd[1]: x\n")).isTrue();
        assertThat(recognizes(reader, "2026-12-03T18:31:01+00:00 h sudo: x\n")).isTrue();
        assertThat(recognizes(reader, "<13>1 2026-12-03T18:31:01Z h app - - - x\n")).isTrue();
        assertThat(recognizes(reader, "{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"x\"}\n"))
                .isTrue();
        assertThat(recognizes(reader, "type=SYSCALL msg=audit(1.2:3): a=b\n")).isFalse();
        assertThat(recognizes(reader, "{\"EventID\":4688}\n")).isFalse();
    }

    private static boolean recognizes(SyslogReader reader, String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return reader.recognizes(bytes, bytes.length);
    }

    private static String fixtureText(String name) throws IOException {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }
}
