package dev.atwatch.read.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.RecordingSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The JSON-lines and JSON files of the shared OTRF and Sigma data sets. */
class OtrfAndSigmaDatasetTest {

    private static final String OTRF = "otrf-security-datasets/datasets/atomic/windows/";

    private static RecordingSink read(Path file) throws Exception {
        RecordingSink sink = new RecordingSink();
        new JsonEventReader().read(Inputs.file(file), ReadOptions.DEFAULTS, sink);
        return sink;
    }

    private static Map<String, Long> count(RecordingSink sink, String field) {
        return sink.events.stream()
                .collect(
                        Collectors.groupingBy(
                                e -> e.text(field), TreeMap::new, Collectors.counting()));
    }

    private static long count(RecordingSink sink, String sourcetype, String code) {
        return sink.events.stream()
                .filter(
                        e ->
                                sourcetype.equals(e.text("sourcetype"))
                                        && code.equals(e.text("EventCode")))
                .count();
    }

    @Test
    void remoteScheduledTaskCreationHasTheCountsOfItsSource() throws Exception {
        RecordingSink sink =
                read(
                        SharedData.dataset(
                                OTRF
                                        + "lateral_movement/host/schtask_create"
                                        + "_2020-12-1907003032.json"));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1041);
        assertThat(count(sink, "sourcetype"))
                .containsEntry("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", 906L)
                .containsEntry("XmlWinEventLog:Security", 133L)
                .containsEntry("XmlWinEventLog:Microsoft-Windows-TaskScheduler/Operational", 2L);
        assertThat(count(sink, "XmlWinEventLog:Security", "4688")).isEqualTo(10);
        assertThat(count(sink, "XmlWinEventLog:Security", "4698")).isEqualTo(1);
        assertThat(count(sink, "host")).containsEntry("WORKSTATION5.theshire.local", 546L);
        Event task =
                sink.events.stream()
                        .filter(e -> "4698".equals(e.text("EventCode")))
                        .findFirst()
                        .orElseThrow();
        assertThat(task.text("TaskName"))
                .isEqualTo("\\Microsoft\\Windows\\SoftwareProtectionPlatform\\EventCacheManager");
        assertThat(task.text("host")).isEqualTo("WORKSTATION6.theshire.local");
        assertThat(sink.events)
                .filteredOn(e -> "4688".equals(e.text("EventCode")))
                .extracting(e -> e.text("CommandLine"))
                .anySatisfy(
                        c ->
                                assertThat(c)
                                        .startsWith(
                                                "\"C:\\Windows\\system32\\cmd.exe\" /C schtasks"
                                                        + " /create"));
    }

    @Test
    void covenantPersistenceHasItsCountsAndMixedCaseChannelsAreCanonical() throws Exception {
        RecordingSink sink =
                read(
                        SharedData.dataset(
                                OTRF
                                        + "persistence/host/covenant_persistwmi"
                                        + "_2019-12-05044734.json"));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1001);
        assertThat(count(sink, "host"))
                .containsEntry("HR001.shire.com", 407L)
                .containsEntry("HFDC01.shire.com", 237L);
        assertThat(count(sink, "XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational", "5861"))
                .isEqualTo(1);
        assertThat(sink.events)
                .noneMatch(e -> e.text("sourcetype").equals("XmlWinEventLog:security"));
    }

    @Test
    void bulkBackgroundFromTheZipHasTheCountsOfItsSource() throws Exception {
        Path zip =
                SharedData.dataset(
                        OTRF
                                + "persistence/host/"
                                + "empire_persistence_registry_modification_run_keys_standard"
                                + "_user.zip");
        Counting sink = new Counting();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.entries().nextElement();
            new JsonEventReader().read(new ZipMember(file, entry), ReadOptions.DEFAULTS, sink);
        }

        assertThat(sink.rejected).isZero();
        assertThat(sink.events).isEqualTo(40_569);
        assertThat(sink.bySourcetype)
                .containsEntry("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", 20_156L)
                .containsEntry("XmlWinEventLog:Security", 19_357L)
                .containsEntry("XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational", 23L)
                .containsEntry("XmlWinEventLog:Microsoft-Windows-TaskScheduler/Operational", 17L);
        assertThat(sink.securityProcessCreations).isEqualTo(546);
    }

    @Test
    void sigmaRegressionEventsAreReadInTheirNestedShape() throws Exception {
        String base = "sigma-regression-data/rules/windows/";
        Event task =
                single(
                        base
                                + "builtin/taskscheduler/win_taskscheduler_susp_schtasks_delete"
                                + "_or_disable/"
                                + "9e3cb244-bdb8-4632-8c90-6079c8f4f16d.json");
        assertThat(task.text("EventCode")).isEqualTo("142");
        assertThat(task.text("TaskName")).isEqualTo("\\Microsoft\\Windows\\SystemRestore\\SR");
        assertThat(task.get("Name")).isNotNull();
        assertThat(task.text("Name")).isEqualTo("Microsoft-Windows-TaskScheduler");

        Event disabled =
                single(
                        base
                                + "builtin/security/win_security_susp_scheduled_task_delete_or"
                                + "_disable/"
                                + "7595ba94-cf3b-4471-aa03-4f6baa9e5fad.json");
        assertThat(disabled.text("EventCode")).isEqualTo("4701");
        assertThat(disabled.text("TaskContent"))
                .contains("<Command>%windir%\\system32\\srtasks.exe");

        Event wmi =
                single(
                        base
                                + "builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/"
                                + "d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json");
        assertThat(wmi.text("sourcetype"))
                .isEqualTo("XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational");
        assertThat(wmi.text("Operation")).contains("Win32_NTEventlogFile");
        assertThat(wmi.text("ActivityID")).isEqualTo("8E521E2B-7C26-0001-417F-9C8E267CDB01");
        assertThat(wmi.get("xmlns")).isNull();

        Event wmic =
                single(
                        base
                                + "process_creation/proc_creation_win_wmic_process_creation/"
                                + "526be59f-a573-4eea-b5f7-f0973207634d.json");
        assertThat(wmic.text("Image")).isEqualTo("C:\\Windows\\System32\\wbem\\WMIC.exe");
        assertThat(wmic.text("CommandLine")).isEqualTo("wmic  process call create notepad.exe");
        assertThat(wmic.text("host")).isEqualTo("swachchhanda");
        assertThat(wmic.text("ProcessID")).isEqualTo("3320");
    }

    private static Event single(String relative) throws Exception {
        RecordingSink sink = read(SharedData.dataset(relative));
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1);
        return sink.events.get(0);
    }

    /** Counts without keeping 40,000 events. */
    private static final class Counting implements RecordSink {
        long events;
        long rejected;
        long securityProcessCreations;
        final Map<String, Long> bySourcetype = new HashMap<>();

        @Override
        public void event(Event event) {
            events++;
            String sourcetype = event.text("sourcetype");
            bySourcetype.merge(sourcetype, 1L, Long::sum);
            if (sourcetype.equals("XmlWinEventLog:Security")
                    && "4688".equals(event.text("EventCode"))) {
                securityProcessCreations++;
            }
        }

        @Override
        public void rejected(Rejected rejected) {
            this.rejected++;
        }
    }

    /** One member of a zip file, read through {@link ZipFile}. */
    private record ZipMember(ZipFile file, ZipEntry entry) implements Input {
        @Override
        public String name() {
            return file.getName() + "!" + entry.getName();
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public long size() {
            return entry.getSize();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream(entry);
        }
    }
}
