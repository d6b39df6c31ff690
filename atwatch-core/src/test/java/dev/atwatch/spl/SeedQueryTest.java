package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference query, unchanged, over hand-built events in both semantics. */
class SeedQueryTest {

    private static final String[] COLUMNS = {
        "_time",
        "host",
        "User",
        "Image",
        "CommandLine",
        "ParentImage",
        "IsSuspiciousPayload",
        "IsInteractive",
        "IsSuspiciousParent",
        "IsWMIScheduledJob",
        "SuspicionScore"
    };

    private static String seed;
    private static List<Event> events;

    @BeforeAll
    static void load() throws IOException {
        seed = resource("seed-query.spl");
        events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        String[] lines = resource("seed-events.jsonl").split("\n");
        for (int i = 0; i < lines.length; i++) {
            events.add(event(json.readTree(lines[i]), i + 1));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SeedQueryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Event event(JsonNode node, int line) {
        Event.Builder builder = Event.builder(new Provenance("seed-events.jsonl", line, line, -1));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(item -> builder.add(field.getKey(), item.asText()));
            } else if (value.isNumber()) {
                builder.put(field.getKey(), FieldValue.of(value.asDouble()));
            } else {
                builder.put(field.getKey(), value.asText());
            }
        }
        return builder.build();
    }

    private static Results run(Semantics semantics) {
        CompileResult compiled = Spl.compile(seed);
        assertThat(compiled.errors()).isEmpty();
        FieldAliases aliases =
                semantics == Semantics.PORTABLE ? FieldAliases.bundled() : FieldAliases.NONE;
        return Runs.run(
                compiled.query().orElseThrow(),
                new ExecutionOptions(semantics, aliases, Runs.NOW),
                events.toArray(new Event[0]));
    }

    private static List<String> rowOf(Row row) {
        List<String> values = new ArrayList<>();
        for (String column : COLUMNS) {
            values.add(row.text(column));
        }
        return values;
    }

    @Test
    void fixtureCopyEqualsTheSharedReferenceQuery() throws IOException {
        String shared = System.getProperty("atwatch.shared");
        Path reference = shared == null ? null : Path.of(shared, "spl", "seed-query.spl");
        assumeThat(reference != null && Files.isRegularFile(reference))
                .as("shared folder with spl/seed-query.spl is not available")
                .isTrue();
        assertThat(seed).isEqualTo(Files.readString(reference, StandardCharsets.UTF_8));
    }

    @Test
    void seedQueryCompilesWithWarningsForTheChosenBehaviours() {
        CompileResult compiled = Spl.compile(seed);
        assertThat(compiled.ok()).isTrue();
        assertThat(compiled.warnings())
                .extracting(Diagnostic::code)
                .contains("SPL102", "SPL103")
                .doesNotContain("SPL101");
        Diagnostic like =
                compiled.warnings().stream()
                        .filter(d -> d.code().equals("SPL102"))
                        .findFirst()
                        .orElseThrow();
        assertThat(like.line()).isEqualTo(23);
        assertThat(like.render(seed)).contains("\"%\\\\at.exe\"").contains("^^^^^^^^^^^");
    }

    @Test
    void splunkSemanticsFindsOnlySysmonUnderItsLegacySourcetype() {
        // XML 4688 events are XmlWinEventLog:Security, not the WinEventLog:Security the query
        // names; classic ones lack NewProcessName; TA 8 sourcetypes match neither filter
        Results results = run(Semantics.SPLUNK);
        assertThat(results.columns()).containsExactly(COLUMNS);
        assertThat(results.rows())
                .extracting(SeedQueryTest::rowOf)
                .containsExactly(
                        List.of(
                                "1563549000",
                                "WS08",
                                "WS08\\hank",
                                "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                                "powershell Get-WmiObject Win32_ScheduledJob",
                                "C:\\Windows\\System32\\wscript.exe",
                                "1",
                                "0",
                                "1",
                                "1",
                                "3"),
                        List.of(
                                "1563548266.123",
                                "WS01",
                                "WS01\\bob",
                                "C:\\Windows\\System32\\at.exe",
                                "at 13:20 /interactive cmd",
                                "C:\\Windows\\System32\\cmd.exe",
                                "0",
                                "1",
                                "0",
                                "0",
                                "1"));
        assertThat(results.aliasHits()).isEmpty();
        assertThat(results.rows().get(1).provenance().record()).isEqualTo(1);
    }

    @Test
    void portableSemanticsAlsoFindsClassicFieldsAndTa8Sourcetypes() {
        Results results = run(Semantics.PORTABLE);
        assertThat(results.rows())
                .extracting(r -> r.provenance().record())
                .containsExactly(9L, 5L, 4L, 3L, 2L, 1L);
        assertThat(rowOf(results.rows().get(4)))
                .containsExactly(
                        "1563548300",
                        "DC01",
                        "alice",
                        "C:\\Windows\\System32\\at.exe",
                        "at.exe 09:00 \"C:\\temp\\evil.bat\"",
                        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                        "1",
                        "0",
                        "1",
                        "0",
                        "2");
        assertThat(rowOf(results.rows().get(3)))
                .containsExactly(
                        "1563548400",
                        "WS02",
                        "carol",
                        "C:\\Windows\\System32\\at.exe",
                        "at \\\\srv 10:00 cmd /c whoami",
                        "C:\\Windows\\explorer.exe",
                        "0",
                        "0",
                        "0",
                        "0",
                        "0");
        assertThat(rowOf(results.rows().get(1)))
                .containsExactly(
                        "1563548600",
                        "WS04",
                        "erin",
                        "C:\\Windows\\SysWOW64\\at.exe",
                        "at 23:00 /every:M powershell -enc AAAA",
                        "C:\\Python27\\python.exe",
                        "1",
                        "0",
                        "1",
                        "0",
                        "2");
        assertThat(rowOf(results.rows().get(2)))
                .containsExactly(
                        "1563548500",
                        "WS03",
                        "WS03\\dave",
                        "C:\\Windows\\System32\\wbem\\WMIC.exe",
                        "wmic path Win32_ScheduledJob call create \"cmd.exe /c calc\"",
                        "C:\\Windows\\explorer.exe",
                        "1",
                        "0",
                        "0",
                        "1",
                        "2");
    }

    @Test
    void portableSemanticsCountsEachAliasThatChangedAResult() {
        Map<String, Long> hits = run(Semantics.PORTABLE).aliasHits();
        assertThat(hits)
                .containsEntry("NewProcessName<-New_Process_Name", 2L)
                .containsEntry("Image<-New_Process_Name", 2L)
                .containsEntry("CommandLine<-Process_Command_Line", 2L)
                .containsEntry("ParentImage<-Creator_Process_Name", 2L)
                .containsEntry("SubjectUserName<-Account_Name", 2L)
                .containsEntry("sourcetype WinEventLog:Security<-WinEventLog", 1L)
                .containsEntry("sourcetype WinEventLog:Security<-XmlWinEventLog:Security", 1L)
                .containsEntry(
                        "sourcetype XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"
                                + "<-XmlWinEventLog",
                        1L);
    }

    @Test
    void uppercaseAtExeWithScoreZeroIsDroppedByTheCaseSensitiveLike() {
        Event upper = events.get(5);
        for (Semantics semantics : Semantics.values()) {
            Query query = Spl.compile(seed).query().orElseThrow();
            ExecutionOptions options =
                    new ExecutionOptions(semantics, FieldAliases.bundled(), Runs.NOW);
            assertThat(query.filter(options).test(upper)).as("search keeps it").isTrue();
            assertThat(Runs.run(query, options, upper).rows()).as("where drops it").isEmpty();
        }
    }

    @Test
    void otherIndexAndOtherProgramsAreNotMatched() {
        Query query = Spl.compile(seed).query().orElseThrow();
        EventFilter filter = query.filter(ExecutionOptions.portable(FieldAliases.bundled()));
        assertThat(filter.test(events.get(6))).as("schtasks").isFalse();
        assertThat(filter.test(events.get(7))).as("index=main").isFalse();
    }

    @Test
    void classicFieldNamesAreInvisibleToSplunkSemanticsOnly() {
        Query query = Spl.compile(seed).query().orElseThrow();
        Event classic = events.get(2);
        assertThat(query.filter(ExecutionOptions.splunk()).test(classic)).isFalse();
        assertThat(query.filter(ExecutionOptions.portable(FieldAliases.bundled())).test(classic))
                .isTrue();
    }

    @Test
    void runsAreIndependentAndFinishOnce() {
        Query query = Spl.compile(seed).query().orElseThrow();
        ExecutionOptions options =
                new ExecutionOptions(Semantics.SPLUNK, FieldAliases.NONE, Runs.NOW);
        Execution first = query.start(options);
        Execution second = query.start(options);
        events.forEach(first::accept);
        assertThat(second.finish().rows()).isEmpty();
        assertThat(first.finish().rows()).hasSize(2);
        assertThat(first.wantsMore()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(first::finish)
                .isInstanceOf(IllegalStateException.class);
    }
}
