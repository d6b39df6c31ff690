package dev.atwatch.read.winxml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordingSink;
import dev.atwatch.read.SharedData;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The python-evtx renderings of real EVTX files in the shared data sets. */
class DerivedXmlDatasetTest {

    private static RecordingSink read(String relative) throws Exception {
        Input input = Inputs.file(SharedData.dataset(relative));
        RecordingSink sink = new RecordingSink();
        new WinXmlReader().read(input, ReadOptions.DEFAULTS, sink);
        return sink;
    }

    private static Map<String, Long> eventCodes(RecordingSink sink) {
        return sink.events.stream()
                .collect(
                        Collectors.groupingBy(
                                e -> e.text("EventCode"), TreeMap::new, Collectors.counting()));
    }

    @Test
    void atExeProcessCreationHasTheFieldsOfTheOriginalEvent() throws Exception {
        RecordingSink sink =
                read(
                        "evtx-to-mitre-attack/derived-xml/"
                                + "ID4688-Interactive shell using AT schedule task.xml");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1);
        Event at = sink.events.get(0);
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("CommandLine")).isEqualTo("at  13:20 /interactive cmd");
        assertThat(at.text("ParentProcessName")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(at.text("SubjectUserName")).isEqualTo("admmig");
        assertThat(at.text("TokenElevationType")).isEqualTo("%%1937");
        assertThat(at.text("MandatoryLabel")).isEqualTo("S-1-16-12288");
        assertThat(at.text("Computer")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("host")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("sourcetype")).isEqualTo("XmlWinEventLog:Security");
        assertThat(at.text("EventRecordID")).isEqualTo("2165579");
        assertThat(at.get("Qualifiers")).isNull();
        assertThat(Instant.ofEpochSecond((long) at.time()))
                .isEqualTo(Instant.parse("2021-10-01T17:30:39Z"));
        assertThat(at.raw()).doesNotContain("\n").contains("<Data Name=\"CommandLine\">");
        assertThat(at.provenance().line()).isEqualTo(4);
    }

    @Test
    void atexecRemoteTaskCreationHasTheCountsOfItsSource() throws Exception {
        RecordingSink sink =
                read(
                        "evtx-to-mitre-attack/derived-xml/"
                                + "ID4688,4698,4699,5145,4624-ATexec remote trask creation "
                                + "(GLOBAL).xml");

        assertThat(sink.rejected).isEmpty();
        assertThat(eventCodes(sink))
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.of(
                                        "4624", 3L, "4688", 3L, "4698", 1L, "4699", 1L, "5145",
                                        4L)));
        assertThat(sink.events)
                .filteredOn(e -> "5145".equals(e.text("EventCode")))
                .extracting(e -> e.text("RelativeTargetName"))
                .contains("atsvc");
        assertThat(sink.events)
                .filteredOn(e -> "4698".equals(e.text("EventCode")))
                .singleElement()
                .satisfies(e -> assertThat(e.text("TaskName")).isEqualTo("\\bouWFQYO"));
    }

    @Test
    void atsvcTargetHostHasTheCountsOfItsSourceAndUserData() throws Exception {
        RecordingSink sink =
                read("evtx-attack-samples/derived-xml/LM_ScheduledTask_ATSVC_target_host.xml");

        assertThat(sink.rejected).isEmpty();
        assertThat(eventCodes(sink))
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.of(
                                        "1102", 1L, "4624", 6L, "4661", 3L, "4672", 5L, "4688", 4L,
                                        "4698", 1L, "4699", 1L, "4776", 4L, "5140", 4L, "5145",
                                        5L)));
        Event cleared = sink.events.get(0);
        assertThat(cleared.text("SubjectUserName")).isEqualTo("administrator");
        assertThat(sink.events)
                .filteredOn(e -> "4698".equals(e.text("EventCode")))
                .singleElement()
                .satisfies(e -> assertThat(e.text("TaskContent")).contains("cmd.exe"));
    }
}
