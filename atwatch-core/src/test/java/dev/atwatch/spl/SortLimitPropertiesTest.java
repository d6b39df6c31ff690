package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.column;
import static dev.atwatch.spl.Runs.event;
import static dev.atwatch.spl.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code sort N} holds only its best N rows while they arrive; its answer must be exactly the first
 * N rows of {@code sort 0} (a full stable sort), ties in arrival order and absent fields included.
 */
class SortLimitPropertiesTest {

    private static final List<String> KEYS =
            List.of("k", "- k", "k, -m", "-m, k", "num(k)", "str(m)", "- k, - m");

    /** Small value sets, so that ties are common; null leaves the field absent. */
    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<String> k = Arbitraries.of("1", "2", "10", "a", "B", "b").injectNull(0.2);
        Arbitrary<String> m = Arbitraries.of("x", "y", "3").injectNull(0.2);
        return Combinators.combine(k, m)
                .as(SortLimitPropertiesTest::pair)
                .list()
                .ofMaxSize(60)
                .map(SortLimitPropertiesTest::numbered);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of(KEYS);
    }

    private static String[] pair(String k, String m) {
        return new String[] {k, m};
    }

    private static List<Event> numbered(List<String[]> pairs) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            List<Object> fields = new ArrayList<>(List.of("id", Integer.toString(i)));
            if (pairs.get(i)[0] != null) {
                fields.addAll(List.of("k", pairs.get(i)[0]));
            }
            if (pairs.get(i)[1] != null) {
                fields.addAll(List.of("m", pairs.get(i)[1]));
            }
            events.add(event(fields.toArray()));
        }
        return events;
    }

    @Property(tries = 200)
    void headAfterSortGivesTheFirstRowsAndTheSortNote(
            @ForAll("events") List<Event> events,
            @ForAll("keys") String keys,
            @ForAll @IntRange(min = 0, max = 25) int limit,
            @ForAll @IntRange(min = 1, max = 25) int head) {
        Event[] given = events.toArray(Event[]::new);
        List<String> full = column(run("| sort 0 " + keys, given), "id");
        Results sorted = run("| sort " + limit + " " + keys, given);

        Results cut = run("| sort " + limit + " " + keys + " | head " + head, given);

        int rows = Math.min(head, limit == 0 ? full.size() : Math.min(limit, full.size()));
        assertThat(column(cut, "id")).isEqualTo(full.subList(0, rows));
        assertThat(cut.notes()).isEqualTo(sorted.notes());
    }

    @Property(tries = 300)
    void sortWithALimitIsTheHeadOfTheFullStableSort(
            @ForAll("events") List<Event> events,
            @ForAll("keys") String keys,
            @ForAll @IntRange(min = 1, max = 25) int limit) {
        Event[] given = events.toArray(Event[]::new);
        List<String> full = column(run("| sort 0 " + keys, given), "id");

        Results cut = run("| sort " + limit + " " + keys, given);

        assertThat(column(cut, "id")).isEqualTo(full.subList(0, Math.min(limit, full.size())));
        if (events.size() > limit) {
            assertThat(cut.notes())
                    .containsExactly(
                            "sort: "
                                    + events.size()
                                    + " rows cut to "
                                    + limit
                                    + " (use sort 0 for all)");
        } else {
            assertThat(cut.notes()).isEmpty();
        }
    }
}
