package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each grammar as a table: one JSON line per command line, with the alert fields and the problem
 * codes expected from it.
 */
class AtJobsTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of a table file. */
    record Row(String line, Map<String, String> fields, List<String> problems) {
        @Override
        public String toString() {
            return line;
        }
    }

    static Stream<Arguments> windowsAt() throws IOException {
        return rows("windows-at.jsonl");
    }

    static Stream<Arguments> unixAt() throws IOException {
        return rows("unix-at.jsonl");
    }

    static Stream<Arguments> wmi() throws IOException {
        return rows("wmi.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowsAt")
    void readsAtExeCommandLines(Row row) {
        assertRow(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unixAt")
    void readsUnixAtCommandLines(Row row) {
        assertRow(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wmi")
    void readsWin32ScheduledJobCalls(Row row) {
        assertRow(row);
    }

    private static void assertRow(Row row) {
        AtJobResult result = AtJobs.parseChecked(row.line());

        assertThat(result.asJob()).as("a job from %s (%s)", row.line(), result).isPresent();
        assertThat(result.asJob().get().alertFields()).as(row.line()).isEqualTo(row.fields());
        assertThat(result.problems())
                .extracting(JobProblem::code)
                .as(row.line())
                .containsExactlyElementsOf(row.problems());
        assertThat(result instanceof AtJobResult.Parsed).isEqualTo(row.problems().isEmpty());
    }

    private static Stream<Arguments> rows(String name) throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = AtJobsTableTest.class.getResourceAsStream(name);
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Arguments.of(JSON.readValue(line, new TypeReference<Row>() {})));
                }
            }
        }
        return rows.stream();
    }
}
