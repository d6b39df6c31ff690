package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.syslog.SyslogReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Both Linux readers on damaged input: fixtures cut short and with random bytes written over them.
 * Reading never throws, every event keeps its metadata, and the limits bound what is kept.
 */
class ReaderFuzzTest {

    private static final List<String> AUDIT_FIXTURES =
            List.of("interleaved.log", "long-argument.log", "enriched.log", "hostile.log");
    private static final List<String> SYSLOG_FIXTURES =
            List.of("auth.log", "rsyslog-iso.log", "rfc5424.log", "journal.json");
    private static final ReadOptions SMALL_LIMITS =
            new ReadOptions(
                    null,
                    null,
                    ReadLimits.DEFAULTS
                            .with(ReadLimits.LINE_BYTES, 300)
                            .with(ReadLimits.FIELDS_PER_EVENT, 40)
                            .with(ReadLimits.VALUES_PER_FIELD, 5)
                            .with(ReadLimits.VALUE_CHARS, 50));

    /** A damaged copy of a fixture. */
    record Damage(String fixture, int cut, List<Integer> positions, byte[] noise) {}

    @Property(tries = 300)
    void auditReaderSurvivesDamagedInput(@ForAll("auditDamage") Damage damage) throws IOException {
        check(new AuditdReader(4), "auditd/" + damage.fixture(), damage);
    }

    @Property(tries = 300)
    void syslogReaderSurvivesDamagedInput(@ForAll("syslogDamage") Damage damage)
            throws IOException {
        check(new SyslogReader(), "syslog/" + damage.fixture(), damage);
    }

    private static void check(EventReader reader, String fixture, Damage damage)
            throws IOException {
        byte[] content = damaged(fixture, damage);
        assertThat(reader.recognizes(content, content.length)).isIn(true, false);
        CollectingSink sink = new CollectingSink();
        reader.read(new MemoryInput("fuzz", content, null), SMALL_LIMITS, sink);
        long lines = content.length == 0 ? 0 : countLines(content);
        for (Event event : sink.events) {
            assertThat(event.text(Event.SOURCETYPE)).isNotNull();
            assertThat(event.raw()).isNotNull();
            assertThat(event.names()).hasSizeLessThanOrEqualTo(40 + 12);
            assertThat(event.provenance().line()).isBetween(1L, lines);
        }
        sink.rejected.forEach(r -> assertThat(r.where().line()).isBetween(1L, lines));
    }

    private static long countLines(byte[] content) {
        long lines = 1;
        for (int i = 0; i < content.length - 1; i++) {
            if (content[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static byte[] damaged(String fixture, Damage damage) throws IOException {
        byte[] original;
        try (InputStream in =
                ReaderFuzzTest.class.getResourceAsStream("/dev/atwatch/read/" + fixture)) {
            original = in.readAllBytes();
        }
        int length = Math.min(original.length, damage.cut() % (original.length + 1));
        byte[] content = java.util.Arrays.copyOf(original, length);
        for (int i = 0; i < damage.positions().size() && length > 0; i++) {
            content[damage.positions().get(i) % length] = damage.noise()[i % damage.noise().length];
        }
        return content;
    }

    @Provide
    Arbitrary<Damage> auditDamage() {
        return damage(AUDIT_FIXTURES);
    }

    @Provide
    Arbitrary<Damage> syslogDamage() {
        return damage(SYSLOG_FIXTURES);
    }

    private static Arbitrary<Damage> damage(List<String> fixtures) {
        return Combinators.combine(
                        Arbitraries.of(fixtures),
                        Arbitraries.integers().between(0, 1 << 20),
                        Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(20),
                        Arbitraries.of(
                                        (byte) '"',
                                        (byte) '\'',
                                        (byte) ' ',
                                        (byte) '=',
                                        (byte) '\n',
                                        (byte) ':',
                                        (byte) ')',
                                        (byte) '(',
                                        (byte) 0x1d,
                                        (byte) 0,
                                        (byte) 0xff,
                                        (byte) '{',
                                        (byte) '[',
                                        (byte) 'A')
                                .array(byte[].class)
                                .ofMinSize(1)
                                .ofMaxSize(20))
                .as(Damage::new);
    }
}
