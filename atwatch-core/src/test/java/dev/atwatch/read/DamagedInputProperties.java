package dev.atwatch.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.read.json.JsonEventReader;
import dev.atwatch.read.winclassic.WinClassicReader;
import dev.atwatch.read.winxml.WinXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every reader, fed a real fixture that was cut short, had bytes overwritten or had a slice
 * repeated, must never throw: each damaged record becomes a rejection with a location inside the
 * input, and the reader accounts for every byte it consumed.
 */
class DamagedInputProperties {

    /** A fixture, the reader for it, and one kind of damage done to its bytes. */
    record Case(String fixture, EventReader reader, byte[] content) {
        @Override
        public String toString() {
            return fixture + " (" + content.length + " bytes)";
        }
    }

    private static final List<String[]> FIXTURES =
            List.of(
                    new String[] {"winxml/splunk-one-per-line.xml", "winxml"},
                    new String[] {"winxml/pretty-stream.xml", "winxml"},
                    new String[] {"winxml/malformed-middle.xml", "winxml"},
                    new String[] {"json/nxlog-flat.jsonl", "json"},
                    new String[] {"json/evtx-dump-nested.json", "json"},
                    new String[] {"json/splunk-results.json", "json"},
                    new String[] {"json/splunk-export.jsonl", "json"},
                    new String[] {"winclassic/security-4688.log", "winclassic"},
                    new String[] {"winclassic/truncated.log", "winclassic"});

    @Property(tries = 400)
    void damagedInputNeverStopsAReader(@ForAll("damaged") Case damaged) throws IOException {
        RecordingSink sink = new RecordingSink();

        damaged.reader()
                .read(
                        MemoryInput.of(damaged.fixture(), damaged.content()),
                        ReadOptions.DEFAULTS,
                        sink);

        assertThat(sink.progress).isEqualTo(damaged.content().length);
        assertThat(sink.rejected)
                .allSatisfy(
                        r -> {
                            assertThat(r.where().offset())
                                    .isBetween(0L, (long) damaged.content().length);
                            assertThat(r.reason()).isNotBlank();
                        });
        assertThat(sink.events).allSatisfy(e -> assertThat(e.raw()).isNotEmpty());
    }

    @Provide
    Arbitrary<Case> damaged() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, FIXTURES.size() - 1);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        return Combinators.combine(which, kind, where, value).as(DamagedInputProperties::damage);
    }

    private static Case damage(int which, int kind, double where, byte value) {
        String[] fixture = FIXTURES.get(which);
        byte[] bytes = load(fixture[0]);
        int at = (int) (where * bytes.length);
        byte[] content =
                switch (kind) {
                    case 0 -> Arrays.copyOf(bytes, at);
                    case 1 -> overwrite(bytes, at, value);
                    default -> repeat(bytes, at);
                };
        return new Case(fixture[0], reader(fixture[1]), content);
    }

    private static byte[] overwrite(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        for (int i = at; i < Math.min(copy.length, at + 3); i++) {
            copy[i] = value;
        }
        return copy;
    }

    /** Inserts a copy of the 40 bytes at {@code at}, as a retransmitted buffer would. */
    private static byte[] repeat(byte[] bytes, int at) {
        int n = Math.min(40, bytes.length - at);
        byte[] copy = new byte[bytes.length + n];
        System.arraycopy(bytes, 0, copy, 0, at + n);
        System.arraycopy(bytes, at, copy, at + n, bytes.length - at);
        return copy;
    }

    private static EventReader reader(String name) {
        return switch (name) {
            case "winxml" -> new WinXmlReader();
            case "json" -> new JsonEventReader();
            default -> new WinClassicReader();
        };
    }

    private static byte[] load(String fixture) {
        try (InputStream in = DamagedInputProperties.class.getResourceAsStream(fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
