package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.windows.WindowsEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares, record for record, the events this reader makes with what libevtx's {@code evtxexport}
 * and python-evtx's {@code evtx_dump.py} print for every EVTX file of the shared datasets. What is
 * compared is what queries see: the event's fields {@code EventCode}, {@code EventRecordID}, {@code
 * Computer}, {@code Channel}, {@code SystemTime} and {@code _time}, {@code host} and {@code
 * sourcetype}, and one field per EventData item and UserData leaf, name and values, with no field
 * left over. Each allowance applies only to values rendered in the form of the type it concerns (a
 * padded hex integer, a tool's time format, a lower-case GUID, a Python boolean), as a strict
 * rewriting of the reference's text; PARITY.md next to this test's resources explains each.
 */
class EvtxParityTest {

    private static final Pattern PADDED_HEX = Pattern.compile("0x(0*)([0-9a-f]+)");
    private static final Pattern OUR_HEX = Pattern.compile("0x(0|[1-9a-f][0-9a-f]*)");
    private static final Pattern OUR_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
    private static final Pattern EVTXEXPORT_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
    private static final Pattern PYTHON_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?");
    private static final Pattern LOWER_GUID =
            Pattern.compile("\\{[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]");

    /** Fields of every Windows event that no EventData item or UserData leaf makes. */
    private static final Set<String> NOT_DATA =
            Set.of(
                    "_time",
                    "_raw",
                    "host",
                    "source",
                    "sourcetype",
                    "index",
                    "EventCode",
                    "EventID",
                    "Qualifiers",
                    "Name",
                    "Guid",
                    "Version",
                    "Level",
                    "Task",
                    "Opcode",
                    "Keywords",
                    "SystemTime",
                    "EventRecordID",
                    "ActivityID",
                    "ProcessID",
                    "ThreadID",
                    "Channel",
                    "Computer",
                    "UserID");

    private static final String EVTXEXPORT = "evtxexport";
    private static final String EVTX_DUMP = "evtx_dump";

    @Test
    void matchesEvtxexportRecordForRecord() throws Exception {
        Assumptions.assumeTrue(tool("evtxexport", "-V"), "evtxexport (libevtx-utils) not found");
        for (Path file : sampleFiles()) {
            String xml = run("evtxexport", "-f", "xml", file.toString());
            String events = xml.substring(Math.max(0, xml.indexOf("<Event")));
            compare(file, ReferenceXml.parse("<Events>" + events + "</Events>"), EVTXEXPORT);
        }
    }

    @Test
    void matchesEvtxDumpRecordForRecord() throws Exception {
        Assumptions.assumeTrue(tool("evtx_dump.py", "-h"), "evtx_dump.py (python3-evtx) not found");
        for (Path file : sampleFiles()) {
            compare(file, ReferenceXml.parse(run("evtx_dump.py", file.toString())), EVTX_DUMP);
        }
    }

    @Test
    void allowancesApplyOnlyToTheRenderingOfTheirType() {
        assertThat(sameValue("0x3e7", "0x00000000000003e7", EVTXEXPORT)).isTrue();
        assertThat(sameValue("0x0", "0x0000000000000000", EVTXEXPORT)).isTrue();
        assertThat(sameValue("0x3e7", "0x03e7", EVTXEXPORT)).isFalse();
        assertThat(sameValue("999", "0x00000000000003e7", EVTXEXPORT)).isFalse();
        assertThat(sameValue("0x3E7", "0x00000000000003e7", EVTXEXPORT)).isFalse();
        String ours = "2021-10-01T17:30:39.0839658Z";
        assertThat(sameValue(ours, "2021-10-01T17:30:39.083965800Z", EVTXEXPORT)).isTrue();
        assertThat(sameValue(ours, "2021-10-01T17:30:39.083965900Z", EVTXEXPORT)).isFalse();
        assertThat(sameValue(ours, "2021-10-01 17:30:39.083968", EVTX_DUMP)).isTrue();
        assertThat(sameValue(ours, "2021-10-01 17:30:39.083968", EVTXEXPORT)).isFalse();
        assertThat(sameValue(ours, "2021-10-01 17:30:39.083962", EVTX_DUMP)).isFalse();
        String guid = "{54849625-5478-4994-A5BA-3E3B0328C30D}";
        assertThat(sameValue(guid, guid.toLowerCase(Locale.ROOT), EVTX_DUMP)).isTrue();
        assertThat(sameValue(guid, guid.toLowerCase(Locale.ROOT), EVTXEXPORT)).isFalse();
        assertThat(sameValue("{a-b}", "{A-B}", EVTX_DUMP)).isFalse();
        assertThat(sameValue("true", "True", EVTX_DUMP)).isTrue();
        assertThat(sameValue("TRUE", "True", EVTX_DUMP)).isFalse();
        assertThat(sameValue("true", "True", EVTXEXPORT)).isFalse();
        assertThat(sameValue("a\u0003b", "ab", EVTX_DUMP)).isTrue();
        assertThat(sameValue("ab", "ab ", EVTX_DUMP)).isFalse();
    }

    private static void compare(Path file, List<ReferenceRecord> reference, String tool)
            throws IOException {
        List<Event> ours = read(file);
        assertThat(ours).as("records of %s per %s", file, tool).hasSameSizeAs(reference);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String where =
                    tool + " " + file.getFileName() + "#" + ours.get(i).text("EventRecordID");
            differences.addAll(differences(where + " ", ours.get(i), reference.get(i), tool));
        }
        assertThat(differences).as("differences from %s", tool).isEmpty();
    }

    private static List<Event> read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new EvtxReader().scan(Inputs.file(file), ReadOptions.DEFAULTS, sink);
        return sink.events;
    }

    /** Field by field differences, each as {@code tool file#recordId field: ours | theirs}. */
    private static List<String> differences(
            String where, Event event, ReferenceRecord theirs, String tool) {
        List<String> found = new ArrayList<>();
        field(found, where + "EventRecordID", event.text("EventRecordID"), theirs.recordId(), tool);
        field(found, where + "EventCode", event.text("EventCode"), theirs.eventId(), tool);
        field(found, where + "Computer", event.text("Computer"), theirs.computer(), tool);
        field(found, where + "host", event.text("host"), theirs.computer(), tool);
        field(found, where + "Channel", event.text("Channel"), theirs.channel(), tool);
        String sourcetype = "XmlWinEventLog:" + WindowsEvents.canonicalChannel(theirs.channel());
        field(found, where + "sourcetype", event.text("sourcetype"), sourcetype, tool);
        field(found, where + "SystemTime", event.text("SystemTime"), theirs.timeCreated(), tool);
        time(found, where + "_time", event.time(), theirs.timeCreated(), tool);
        data(found, where, event, theirs, tool);
        return found;
    }

    /**
     * Each EventData item and UserData leaf of the reference is a value of the event's field of
     * that name, in order (the event drops empty values); no other field is left.
     */
    private static void data(
            List<String> found, String where, Event event, ReferenceRecord theirs, String tool) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (ReferenceRecord.Item item : theirs.data()) {
            expected.computeIfAbsent(item.name(), k -> new ArrayList<>()).add(item.value());
        }
        expected.forEach(
                (name, values) -> {
                    FieldValue value = event.get(name);
                    List<String> ours = value == null ? List.of() : value.strings();
                    if (NOT_DATA.contains(name) && !ours.isEmpty()) {
                        ours = ours.subList(1, ours.size()); // the System value comes first
                    }
                    values(found, where + "Data:" + name, ours, values, tool);
                });
        Set<String> extra = new TreeSet<>();
        event.names().forEach(name -> extra.add(name));
        extra.removeAll(NOT_DATA);
        extra.removeAll(expected.keySet());
        if (!extra.isEmpty()) {
            found.add(where + "fields the reference has no data for: " + extra);
        }
    }

    private static void values(
            List<String> found, String where, List<String> ours, List<String> theirs, String tool) {
        int next = 0;
        for (String reference : theirs) {
            boolean dropped =
                    reference.isEmpty()
                            && !(tool.equals(EVTX_DUMP)
                                    && next < ours.size()
                                    && CONTROL.matcher(ours.get(next)).replaceAll("").isEmpty());
            if (dropped) {
                continue; // an empty value is no value
            }
            String mine = next < ours.size() ? ours.get(next) : null;
            next++;
            field(found, where, mine, reference, tool);
        }
        for (; next < ours.size(); next++) {
            found.add(where + ": ours=" + ours.get(next) + " | theirs=<none>");
        }
    }

    private static void field(
            List<String> found, String where, String mine, String theirs, String tool) {
        if (!Objects.equals(mine, theirs) && !sameValue(mine, theirs, tool)) {
            found.add(where + ": ours=" + mine + " | theirs=" + theirs);
        }
    }

    /** {@code _time} is the instant the reference's TimeCreated names. */
    private static void time(
            List<String> found, String where, double mine, String theirs, String tool) {
        Instant reference = instant(theirs);
        long tolerance = tool.equals(EVTX_DUMP) ? 4_000 : 1_000; // a double holds ~0.24 µs here
        long nanos = Math.round(mine * 1e9);
        if (reference == null
                || Math.abs(nanos - ChronoUnit.NANOS.between(Instant.EPOCH, reference))
                        > tolerance) {
            found.add(where + ": ours=" + mine + " | theirs=" + theirs);
        }
    }

    /**
     * Whether two different renderings stand for the same value (see PARITY.md): each rule holds
     * only for the form the reference gives one value type, and rewrites it strictly.
     */
    static boolean sameValue(String mine, String theirs, String tool) {
        if (mine == null || theirs == null) {
            return false;
        }
        return sameHex(mine, theirs)
                || sameFileTime(mine, theirs, tool)
                || (tool.equals(EVTX_DUMP) && samePython(mine, theirs));
    }

    /** HexInt32/HexInt64: both tools pad to 8 or 16 digits, Windows does not pad. */
    private static boolean sameHex(String mine, String theirs) {
        Matcher padded = PADDED_HEX.matcher(theirs);
        if (!padded.matches() || !OUR_HEX.matcher(mine).matches()) {
            return false;
        }
        int digits = padded.group(1).length() + padded.group(2).length();
        return (digits == 8 || digits == 16) && mine.equals("0x" + unpadded(padded));
    }

    private static String unpadded(Matcher padded) {
        String digits = padded.group(2);
        return digits.isEmpty() ? "0" : digits;
    }

    /** FILETIME: evtxexport gives 9 fraction digits where Windows gives 7. */
    private static boolean sameFileTime(String mine, String theirs, String tool) {
        return tool.equals(EVTXEXPORT)
                && OUR_TIME.matcher(mine).matches()
                && EVTXEXPORT_TIME.matcher(theirs).matches()
                && theirs.equals(mine.substring(0, mine.length() - 1) + "00Z");
    }

    /**
     * python-evtx's own renderings: times without zone to the µs, off by up to 3 µs (a double on
     * the way); GUIDs in lower case; booleans as Python prints them; C0 controls dropped.
     */
    private static boolean samePython(String mine, String theirs) {
        if (OUR_TIME.matcher(mine).matches() && PYTHON_TIME.matcher(theirs).matches()) {
            long nanos = ChronoUnit.NANOS.between(instant(mine), instant(theirs));
            return Math.abs(nanos) <= 3_000;
        }
        if (LOWER_GUID.matcher(theirs).matches()) {
            return mine.equals(theirs.toUpperCase(Locale.ROOT));
        }
        if (theirs.equals("True") || theirs.equals("False")) {
            return mine.equals(theirs.toLowerCase(Locale.ROOT));
        }
        return CONTROL.matcher(mine).find() && CONTROL.matcher(mine).replaceAll("").equals(theirs);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        if (OUR_TIME.matcher(text).matches() || EVTXEXPORT_TIME.matcher(text).matches()) {
            return Instant.parse(text);
        }
        if (PYTHON_TIME.matcher(text).matches()) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    static List<Path> sampleFiles() throws IOException {
        String shared = System.getProperty("atwatch.shared");
        Assumptions.assumeTrue(shared != null, "system property atwatch.shared not set");
        Path datasets = Path.of(shared, "datasets");
        Assumptions.assumeTrue(Files.isDirectory(datasets), "no shared datasets at " + datasets);
        try (Stream<Path> paths = Files.walk(datasets)) {
            return paths.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
    }

    private static boolean tool(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
