package dev.atwatch.spl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.spl.ast.SortKey;
import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the sort stage holds while results arrive. */
class SortStageTest {

    private static final SortKey DESCENDING_N =
            new SortKey("n", true, SortKey.Kind.AUTO, new Span(0, 0));

    private static Record record(long n) {
        Map<String, FieldValue> fields = Record.newMap();
        fields.put("n", FieldValue.of(n % 1_000));
        fields.put("id", FieldValue.of(Long.toString(n)));
        return new Record(fields, new Provenance("test", n + 1, 0, -1));
    }

    private static List<String> ids(BlockingStages.Collector collector) {
        List<String> ids = new ArrayList<>();
        collector.results.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Test
    void aLimitedSortHoldsNoMoreThanItsLimitWhileResultsArrive() {
        BlockingStages.Sort sort = new BlockingStages.Sort(100, List.of(DESCENDING_N));
        BlockingStages.Collector collector = new BlockingStages.Collector();
        sort.connect(collector);

        int most = 0;
        for (long n = 0; n < 50_000; n++) {
            sort.push(record(n));
            most = Math.max(most, sort.held());
        }
        List<String> notes = new ArrayList<>();
        sort.finish(notes);

        assertThat(most).isEqualTo(100);
        // n = 999 for ids 999, 1999, ... 49999: the 50 of them first, in arrival order
        assertThat(ids(collector).subList(0, 3)).containsExactly("999", "1999", "2999");
        assertThat(ids(collector).get(50)).isEqualTo("998");
        assertThat(collector.results).hasSize(100);
        assertThat(notes).containsExactly("sort: 50000 rows cut to 100 (use sort 0 for all)");
        assertThat(sort.held()).isZero();
    }

    @Test
    void aSortBeforeHeadHoldsOnlyTheRowsHeadPasses() {
        BlockingStages.Sort sort = new BlockingStages.Sort(10_000, 2, List.of(DESCENDING_N));
        BlockingStages.Collector collector = new BlockingStages.Collector();
        sort.connect(collector);

        int most = 0;
        for (long n = 0; n < 30_000; n++) {
            sort.push(record(n));
            most = Math.max(most, sort.held());
        }
        List<String> notes = new ArrayList<>();
        sort.finish(notes);

        assertThat(most).isEqualTo(2);
        assertThat(ids(collector)).containsExactly("999", "1999");
        assertThat(notes).containsExactly("sort: 30000 rows cut to 10000 (use sort 0 for all)");
    }

    @Test
    void sortZeroHoldsEveryResult() {
        BlockingStages.Sort sort = new BlockingStages.Sort(0, List.of(DESCENDING_N));
        BlockingStages.Collector collector = new BlockingStages.Collector();
        sort.connect(collector);

        for (long n = 0; n < 20_000; n++) {
            sort.push(record(n));
        }
        assertThat(sort.held()).isEqualTo(20_000);
        List<String> notes = new ArrayList<>();
        sort.finish(notes);

        assertThat(collector.results).hasSize(20_000);
        assertThat(notes).isEmpty();
        assertThat(ids(collector).get(0)).isEqualTo("999");
        assertThat(ids(collector).get(19_999)).isEqualTo("19000");
    }
}
