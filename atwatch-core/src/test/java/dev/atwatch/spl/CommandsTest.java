package dev.atwatch.spl;

import static dev.atwatch.spl.Runs.column;
import static dev.atwatch.spl.Runs.event;
import static dev.atwatch.spl.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands of SPEC.md: table, fields, sort, head, tail, rename, dedup, stats. */
class CommandsTest {

    private static Event[] numbered(int count) {
        Event[] events = new Event[count];
        for (int i = 0; i < count; i++) {
            events[i] = event("n", Integer.toString(i), "_time", (double) (1000 + i));
        }
        return events;
    }

    @Test
    void tableKeepsTheGivenFieldsInOrderWithWildcards() {
        Results results = run("| table c, a*", event("a1", "x", "b", "y", "c", "z", "a2", "w"));
        assertThat(results.columns()).containsExactly("c", "a1", "a2");
        assertThat(results.rows().get(0).asMap().keySet()).containsExactly("c", "a1", "a2");
    }

    @Test
    void tableShowsAnAbsentFieldAsAColumnWithoutValue() {
        Results results = run("| table a missing b", event("a", "1", "b", "2"));
        assertThat(results.columns()).containsExactly("a", "missing", "b");
        assertThat(results.rows().get(0).get("missing")).isNull();
    }

    @Test
    void withoutTableColumnsAreEveryFieldInFirstSeenOrder() {
        Results results = run("| eval z=1", event("a", "1"), event("b", "2", "a", "3"));
        assertThat(results.columns()).containsExactly("a", "z", "b");
    }

    @Test
    void evalAfterTableAddsAColumn() {
        Results results = run("| table a | eval b=1", event("a", "1", "c", "2"));
        assertThat(results.columns()).containsExactly("a", "b");
    }

    @Test
    void fieldsKeepsTheListedFieldsAndTheInternalOnes() {
        Results results =
                run(
                        "| fields b, a",
                        event("_time", 5.0, "_raw", "r", "a", "1", "b", "2", "c", "3"));
        assertThat(results.columns()).containsExactly("b", "a");
        assertThat(results.rows().get(0).asMap().keySet())
                .containsExactly("b", "a", "_time", "_raw");
        assertThat(run("| fields + a", event("a", "1", "b", "2")).rows().get(0).asMap())
                .containsOnlyKeys("a");
    }

    @Test
    void fieldsMinusRemovesTheListedFields() {
        Results results = run("| fields - b, c*", event("a", "1", "b", "2", "c1", "3", "d", "4"));
        assertThat(results.rows().get(0).asMap().keySet()).containsExactly("a", "d");
    }

    @Test
    void sortOrdersNumbersNumericallyAndStringsIgnoringCase() {
        Results numbers = run("| sort n", event("n", "10"), event("n", "9"), event("n", "100"));
        assertThat(column(numbers, "n")).containsExactly("9", "10", "100");
        Results strings = run("| sort s", event("s", "b"), event("s", "C"), event("s", "a"));
        assertThat(column(strings, "s")).containsExactly("a", "b", "C");
    }

    @Test
    void sortMinusIsDescendingWithOrWithoutSpace() {
        assertThat(
                        column(
                                run(
                                        "| sort - n",
                                        event("n", "1"),
                                        event("n", "3"),
                                        event("n", "2")),
                                "n"))
                .containsExactly("3", "2", "1");
        assertThat(column(run("| sort -n", event("n", "1"), event("n", "3"), event("n", "2")), "n"))
                .containsExactly("3", "2", "1");
        assertThat(column(run("| sort n desc", event("n", "1"), event("n", "3")), "n"))
                .containsExactly("3", "1");
    }

    @Test
    void descendingSortPutsAbsentFieldsLastAscendingFirst() {
        Event[] events = {event("id", "a", "n", "1"), event("id", "b"), event("id", "c", "n", "2")};
        assertThat(column(run("| sort - n", events), "id")).containsExactly("c", "a", "b");
        assertThat(column(run("| sort n", events), "id")).containsExactly("b", "a", "c");
    }

    @Test
    void sortTiesKeepInputOrder() {
        Event[] events = {
            event("id", "1", "k", "x"),
            event("id", "2", "k", "y"),
            event("id", "3", "k", "x"),
            event("id", "4", "k", "y")
        };
        assertThat(column(run("| sort k", events), "id")).containsExactly("1", "3", "2", "4");
        assertThat(column(run("| sort - k", events), "id")).containsExactly("2", "4", "1", "3");
    }

    @Test
    void sortByTwoKeys() {
        Event[] events = {
            event("a", "1", "b", "x"), event("a", "2", "b", "y"), event("a", "1", "b", "z")
        };
        assertThat(column(run("| sort a, -b", events), "b")).containsExactly("z", "x", "y");
    }

    @Test
    void sortCutsAtTenThousandRowsWithANote() {
        Results results = run("| sort n", numbered(10_005));
        assertThat(results.rows()).hasSize(10_000);
        assertThat(results.notes())
                .containsExactly("sort: 10005 rows cut to 10000 (use sort 0 for all)");
    }

    @Test
    void sortZeroKeepsAllRowsAndSortNKeepsN() {
        Results all = run("| sort 0 - n", numbered(10_005));
        assertThat(all.rows()).hasSize(10_005);
        assertThat(all.notes()).isEmpty();
        assertThat(all.rows().get(0).text("n")).isEqualTo("10004");
        Results three = run("| sort 3 - n", numbered(10));
        assertThat(column(three, "n")).containsExactly("9", "8", "7");
        assertThat(three.notes()).containsExactly("sort: 10 rows cut to 3 (use sort 0 for all)");
    }

    @Test
    void sortByTimeDescending() {
        Results results =
                run(
                        "| sort - _time",
                        event("id", "old", "_time", 1.5),
                        event("id", "new", "_time", 10.25));
        assertThat(column(results, "id")).containsExactly("new", "old");
    }

    @Test
    void headAndTailDefaultToTen() {
        assertThat(column(run("| head", numbered(15)), "n"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(run("| tail", numbered(15)).rows()).hasSize(10);
    }

    @Test
    void headKeepsTheFirstNAndThenWantsNoMore() {
        Query query = Runs.compile("| head 2");
        Execution execution =
                query.start(new ExecutionOptions(Semantics.SPLUNK, FieldAliases.NONE, 0));
        List<Event> events = Arrays.asList(numbered(5));
        int fed = 0;
        while (execution.wantsMore() && fed < events.size()) {
            execution.accept(events.get(fed++));
        }
        assertThat(fed).isEqualTo(2);
        assertThat(column(execution.finish(), "n")).containsExactly("0", "1");
    }

    @Test
    void headAfterSortWantsEverything() {
        Execution execution = Runs.compile("| sort - n | head 1").start(ExecutionOptions.splunk());
        for (Event event : numbered(3)) {
            assertThat(execution.wantsMore()).isTrue();
            execution.accept(event);
        }
        assertThat(column(execution.finish(), "n")).containsExactly("2");
    }

    @Test
    void tailReturnsTheLastNLastFirst() {
        assertThat(column(run("| tail 3", numbered(6)), "n")).containsExactly("5", "4", "3");
    }

    @Test
    void renameMovesAValueInPlace() {
        Results results = run("| rename b AS x", event("a", "1", "b", "2", "c", "3"));
        assertThat(results.rows().get(0).asMap().keySet()).containsExactly("a", "x", "c");
        assertThat(results.rows().get(0).text("x")).isEqualTo("2");
    }

    @Test
    void renameReplacesAnExistingTarget() {
        Results results = run("| rename b as a", event("a", "1", "b", "2"));
        assertThat(results.rows().get(0).asMap()).containsOnlyKeys("a");
        assertThat(results.rows().get(0).text("a")).isEqualTo("2");
    }

    @Test
    void renameWithWildcardsCarriesTheMatchedPart() {
        Results results =
                run(
                        "| rename *_Name AS *Name, New_* as Created*",
                        event("Account_Name", "bob", "Process_Name", "x", "New_Process_ID", "7"));
        assertThat(results.rows().get(0).asMap().keySet())
                .containsExactly("AccountName", "ProcessName", "CreatedProcess_ID");
    }

    @Test
    void renameUpdatesTableColumns() {
        Results results = run("| table a, b | rename a AS z", event("a", "1", "b", "2"));
        assertThat(results.columns()).containsExactly("z", "b");
    }

    @Test
    void dedupKeepsTheFirstOfEachCombination() {
        Event[] events = {
            event("id", "1", "h", "a", "u", "x"),
            event("id", "2", "h", "a", "u", "x"),
            event("id", "3", "h", "a", "u", "y"),
            event("id", "4", "h", "b", "u", "x"),
            event("id", "5", "u", "x")
        };
        assertThat(column(run("| dedup h u", events), "id")).containsExactly("1", "3", "4");
        assertThat(column(run("| dedup h", events), "id")).containsExactly("1", "4");
        assertThat(column(run("| dedup 2 h", events), "id")).containsExactly("1", "2", "4");
        assertThat(column(run("| dedup h keepempty=true", events), "id"))
                .containsExactly("1", "4", "5");
    }

    @Test
    void statsCountsWithByAndAs() {
        Event[] events = {
            event("h", "b", "u", "x"),
            event("h", "a", "u", "y"),
            event("h", "b", "u", "y"),
            event("u", "z")
        };
        Results results = run("| stats count AS n, dc(u), values(u) by h", events);
        assertThat(results.columns()).containsExactly("h", "n", "dc(u)", "values(u)");
        assertThat(results.rows()).hasSize(2);
        Row a = results.rows().get(0);
        Row b = results.rows().get(1);
        assertThat(a.text("h")).isEqualTo("a");
        assertThat(a.get("n")).isEqualTo(new FieldValue.Number(1));
        assertThat(b.get("n")).isEqualTo(new FieldValue.Number(2));
        assertThat(b.get("dc(u)")).isEqualTo(new FieldValue.Number(2));
        assertThat(b.get("values(u)")).isEqualTo(new FieldValue.MultiValue(List.of("x", "y")));
        assertThat(b.provenance()).isNull();
    }

    @Test
    void statsMinMaxEarliestLatest() {
        Event[] events = {
            event("n", "10", "_time", 3.0, "u", "mid"),
            event("n", "9", "_time", 1.0, "u", "first"),
            event("n", "100", "_time", 5.0, "u", "last")
        };
        Row row =
                run("| stats min(n) max(n) earliest(u) AS e latest(u) count(n)", events)
                        .rows()
                        .get(0);
        assertThat(row.text("min(n)")).isEqualTo("9");
        assertThat(row.text("max(n)")).isEqualTo("100");
        assertThat(row.text("e")).isEqualTo("first");
        assertThat(row.text("latest(u)")).isEqualTo("last");
        assertThat(row.text("count(n)")).isEqualTo("3");
    }

    @Test
    void statsMinMaxOfNumbersAreThoseOfTheirText() {
        Object[] values = {-0.0, 2.5, 1e-9, 1e20, 1796300000.588, -7.0};
        List<Event> numbers = new ArrayList<>();
        List<Event> texts = new ArrayList<>();
        for (Object value : values) {
            numbers.add(event("x", value));
            texts.add(event("x", FieldValue.formatNumber((Double) value)));
        }
        String query = "| stats min(x) max(x) count(x)";
        Row fromNumbers = run(query, numbers.toArray(new Event[0])).rows().get(0);
        Row fromTexts = run(query, texts.toArray(new Event[0])).rows().get(0);

        assertThat(fromNumbers.get("min(x)")).isEqualTo(new FieldValue.Number(-7.0));
        assertThat(fromNumbers.get("max(x)")).isEqualTo(new FieldValue.Number(1e20));
        assertThat(fromNumbers.get("count(x)")).isEqualTo(new FieldValue.Number(6));
        for (String column : List.of("min(x)", "max(x)", "count(x)")) {
            assertThat(fromNumbers.get(column)).isEqualTo(fromTexts.get(column));
        }
    }

    @Test
    void statsMaxOfNegativeZeroIsZeroAsItsTextReads() {
        Row row = run("| stats min(x) max(x)", event("x", -0.0)).rows().get(0);

        assertThat(row.get("min(x)")).isEqualTo(new FieldValue.Number(0.0));
        assertThat(row.get("max(x)")).isEqualTo(new FieldValue.Number(0.0));
    }

    @Test
    void statsMinMaxOfStringsAreLexicographic() {
        Row row =
                run("| stats min(s) max(s)", event("s", "pear"), event("s", "apple")).rows().get(0);
        assertThat(row.text("min(s)")).isEqualTo("apple");
        assertThat(row.text("max(s)")).isEqualTo("pear");
    }

    @Test
    void statsWithoutByGivesOneRowEvenForNoEvents() {
        Results results = run("| stats count, dc(x), values(x)");
        assertThat(results.rows()).hasSize(1);
        assertThat(results.rows().get(0).asMap()).containsOnlyKeys("count", "dc(x)");
        assertThat(results.rows().get(0).text("count")).isEqualTo("0");
        assertThat(run("| stats count by h").rows()).isEmpty();
    }

    @Test
    void statsByAMultivalueFieldCountsEachValue() {
        Results results = run("| stats count by u", event("u", List.of("a", "b")), event("u", "a"));
        assertThat(column(results, "u")).containsExactly("a", "b");
        assertThat(column(results, "count")).containsExactly("2", "1");
    }

    @Test
    void pipelineStagesRunInOrder() {
        List<Event> events = new ArrayList<>(Arrays.asList(numbered(20)));
        Results results =
                run(
                        "| where n > 4 | eval d=n*2 | sort - d | head 3 | table n d",
                        events.toArray(new Event[0]));
        assertThat(results.columns()).containsExactly("n", "d");
        assertThat(column(results, "d")).containsExactly("38", "36", "34");
    }
}
