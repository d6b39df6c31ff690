package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds events and runs queries over them, for tests. */
final class Runs {

    /** The fixed "now" of test runs: 2024-01-02T03:04:05Z. */
    static final double NOW = 1704164645;

    private static int counter;

    private Runs() {}

    /**
     * An event from name/value pairs: a String value is put, a List of strings makes a multivalue,
     * a Double is a number.
     */
    static Event event(Object... pairs) {
        Event.Builder builder = Event.builder(new Provenance("test", ++counter, 0, -1));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value instanceof List<?> list) {
                list.forEach(item -> builder.add(name, (String) item));
            } else if (value instanceof Double number) {
                builder.put(name, FieldValue.of(number));
            } else {
                builder.put(name, (String) value);
            }
        }
        return builder.build();
    }

    static Query compile(String text) {
        CompileResult result = Spl.compile(text);
        assertThat(result.ok())
                .as(
                        () ->
                                result.diagnostics().stream()
                                        .map(d -> d.render(text))
                                        .collect(Collectors.joining("\n")))
                .isTrue();
        return result.query().orElseThrow();
    }

    static Results run(String text, Event... events) {
        return run(
                compile(text),
                new ExecutionOptions(Semantics.SPLUNK, FieldAliases.NONE, NOW),
                events);
    }

    static Results portable(String text, Event... events) {
        return run(
                compile(text),
                new ExecutionOptions(Semantics.PORTABLE, FieldAliases.bundled(), NOW),
                events);
    }

    static Results run(Query query, ExecutionOptions options, Event... events) {
        Execution execution = query.start(options);
        for (Event event : events) {
            execution.accept(event);
        }
        return execution.finish();
    }

    /** How many events the query keeps. */
    static int count(String text, Event... events) {
        return run(text, events).rows().size();
    }

    /** Whether the query keeps the single event. */
    static boolean matches(String text, Event event) {
        return count(text, event) == 1;
    }

    /** Evaluates {@code expression} via eval on {@code event}; the text of x, or null. */
    static String eval(String expression, Event event) {
        Results results = run("| eval x=" + expression, event);
        return results.rows().get(0).text("x");
    }

    /** The value of {@code field} in each row. */
    static List<String> column(Results results, String field) {
        List<String> values = new ArrayList<>();
        for (Row row : results.rows()) {
            values.add(row.text(field));
        }
        return values;
    }
}
