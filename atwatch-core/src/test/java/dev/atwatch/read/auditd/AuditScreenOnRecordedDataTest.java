package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Spl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audit prefilter soundness on recorded logs (the real samples of the shared data sets and the
 * Linux examples): a search for a value an event really holds, whole or by a piece between
 * wildcards, keeps that event, and the prefilter still skips most events for such searches.
 */
class AuditScreenOnRecordedDataTest {

    private static final ExecutionOptions PORTABLE =
            ExecutionOptions.portable(FieldAliases.bundled());

    @Test
    void searchesForValuesEventsHoldKeepThoseEvents() throws IOException {
        List<Path> logs = new ArrayList<>(AuditdRealSamplesTest.auditLogs());
        Path linux = Path.of(System.getProperty("basedir", "."), "..", "examples", "linux");
        try (Stream<Path> examples = Files.walk(linux.normalize())) {
            examples.filter(p -> p.getFileName().toString().startsWith("audit")).forEach(logs::add);
        }
        Random random = new Random(42);
        long checks = 0;
        long skipped = 0;
        for (Path log : logs) {
            List<Event> events = AuditdRealSamplesTest.read(log).events;
            for (int i = 0; i < 40 && !events.isEmpty(); i++) {
                Event event = events.get(random.nextInt(events.size()));
                String search = searchFor(event, random);
                Query query = Spl.compile(search).query().orElseThrow();
                Set<Long> kept = kept(log, query);
                assertThat(kept).as("%s on %s", search, log).contains(event.provenance().record());
                checks++;
                skipped += events.size() - kept.size();
            }
        }
        assertThat(checks).isGreaterThan(300);
        assertThat(skipped).as("events the prefilter skipped").isGreaterThan(checks);
    }

    /** A comparison on a random field of {@code event} that the event satisfies. */
    private static String searchFor(Event event, Random random) {
        List<String> names = new ArrayList<>();
        for (String name : event.names()) {
            if (!name.startsWith("_") && !Set.of("host", "source", "index").contains(name)) {
                names.add(name);
            }
        }
        String field = names.get(random.nextInt(names.size()));
        FieldValue value = event.get(field);
        String text = value.strings().get(random.nextInt(value.strings().size()));
        if (text.length() > 4 && random.nextBoolean()) {
            int start = random.nextInt(text.length() - 2);
            text =
                    "*"
                            + text.substring(
                                    start, start + 1 + random.nextInt(text.length() - start - 1));
            text += "*";
        }
        return field + "=\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Set<Long> kept(Path log, Query query) throws IOException {
        CollectingSink sink = new CollectingSink();
        ReadOptions options = ReadOptions.DEFAULTS.withFilter(query.prefilter(PORTABLE));
        new AuditdReader().read(MemoryInput.of(log), options, sink);
        Set<Long> kept = new TreeSet<>();
        sink.events.forEach(e -> kept.add(e.provenance().record()));
        return kept;
    }
}
