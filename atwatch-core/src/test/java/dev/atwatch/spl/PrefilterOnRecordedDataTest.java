package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prefilter soundness on recorded Windows events (OTRF Security-Datasets, flat JSON lines): for
 * searches built from values the recordings really hold, every event the search accepts passes the
 * prefilter on its JSON line.
 */
class PrefilterOnRecordedDataTest {

    private static final String FILE =
            "otrf-security-datasets/datasets/atomic/windows/lateral_movement/host/"
                    + "schtask_create_2020-12-1907003032.json";

    private static List<Event> events;
    private static List<byte[]> lines;

    @BeforeAll
    static void load() throws IOException {
        String shared = System.getProperty("atwatch.shared");
        Path file = shared == null ? null : Path.of(shared, "datasets", FILE);
        events = new ArrayList<>();
        lines = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        long number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            events.add(event(json.readTree(line), line, ++number));
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The event a flat-JSON reader makes: each member a field, EventID also as EventCode. */
    private static Event event(JsonNode node, String line, long number) {
        Event.Builder builder = Event.builder(new Provenance(FILE, number, number, -1));
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (member.getValue().isValueNode()) {
                builder.put(member.getKey(), member.getValue().asText());
            }
        }
        builder.put("EventCode", node.path("EventID").asText());
        builder.put(Event.RAW, line);
        return builder.build();
    }

    @Test
    void everyAcceptedRecordPassesThePrefilter() {
        assumeThat(events).as("OTRF recording under the shared datasets folder").isNotEmpty();
        Random random = new Random(20201219);
        int checkedWithLiterals = 0;
        for (int i = 0; i < 400; i++) {
            Query query =
                    Runs.compile(searchFrom(events.get(random.nextInt(events.size())), random));
            checkedWithLiterals += checkAll(query);
        }
        assertThat(checkedWithLiterals)
                .as("accepted records tested against literals")
                .isGreaterThan(400);
    }

    /** A search for one value of the event: whole, as a glob around a piece, or a bare term. */
    private static String searchFrom(Event event, Random random) {
        List<String> names = new ArrayList<>();
        event.names()
                .forEach(
                        n -> {
                            if (!n.startsWith("_")) {
                                names.add(n);
                            }
                        });
        String name = names.get(random.nextInt(names.size()));
        String value = event.text(name);
        int from = random.nextInt(value.length());
        int to = Math.min(value.length(), from + 3 + random.nextInt(20));
        String piece = quote(value.substring(from, to));
        String whole = quote(value);
        return switch (random.nextInt(4)) {
            case 0 -> name + "=\"" + whole + "\"";
            case 1 -> name + "=\"*" + piece + "*\"";
            case 2 -> "\"" + piece.toUpperCase(Locale.ROOT) + "\"";
            default -> name + "=\"*" + piece + "*\" OR EventCode=4688";
        };
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "");
    }

    private static int checkAll(Query query) {
        int checked = 0;
        EventFilter splunk = query.filter(ExecutionOptions.splunk());
        EventFilter portable = query.filter(ExecutionOptions.portable(FieldAliases.bundled()));
        for (int i = 0; i < events.size(); i++) {
            if (splunk.test(events.get(i)) || portable.test(events.get(i))) {
                byte[] line = lines.get(i);
                assertThat(query.prefilter().mayMatch(line, 0, line.length))
                        .as("%s on record %d", query.text(), i + 1)
                        .isTrue();
                checked += query.prefilter().acceptsEverything() ? 0 : 1;
            }
        }
        return checked;
    }

    @Test
    void prefilterPassesFewRecordsForASelectiveSearch() {
        assumeThat(events).as("OTRF recording under the shared datasets folder").isNotEmpty();
        Prefilter prefilter = Runs.compile("CommandLine=\"*schtasks*\"").prefilter();
        long passed =
                lines.stream().filter(line -> prefilter.mayMatch(line, 0, line.length)).count();
        long matched =
                events.stream()
                        .filter(
                                Runs.compile("CommandLine=\"*schtasks*\"")
                                                .filter(ExecutionOptions.splunk())
                                        ::test)
                        .count();
        assertThat(matched).isPositive();
        assertThat(passed).isBetween(matched, (long) lines.size() / 10);
    }
}
