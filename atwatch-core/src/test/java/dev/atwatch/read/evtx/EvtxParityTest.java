package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares, record for record, this reader with libevtx's {@code evtxexport} and python-evtx's
 * {@code evtx_dump.py} on every EVTX file of the shared datasets: EventRecordID, EventID,
 * TimeCreated, Computer, Channel and every EventData item. Renderings that legitimately differ (hex
 * digits, time precision, GUID case) are compared by value, and python-evtx's three defects are
 * allowed for; PARITY.md next to this test's resources explains each.
 */
class EvtxParityTest {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final Pattern GUID =
            Pattern.compile("\\{[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}}");
    private static final Pattern ISO_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
    private static final Pattern PYTHON_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]");

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

    private static void compare(Path file, List<ReferenceRecord> reference, String tool)
            throws IOException {
        List<ReferenceRecord> ours = read(file);
        assertThat(ours).as("records of %s per %s", file, tool).hasSameSizeAs(reference);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String where = tool + " " + file.getFileName() + "#" + ours.get(i).recordId() + " ";
            differences.addAll(differences(where, ours.get(i), reference.get(i), tool));
        }
        assertThat(differences).as("differences from %s", tool).isEmpty();
    }

    private static List<ReferenceRecord> read(Path file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new EvtxReader().scan(Inputs.file(file), ReadOptions.DEFAULTS, sink);
        List<ReferenceRecord> records = new ArrayList<>();
        for (Event event : sink.events) {
            records.add(ReferenceXml.parseOne(event.raw()));
        }
        return records;
    }

    /** Field by field differences, each as {@code tool file#recordId field: ours | theirs}. */
    private static List<String> differences(
            String where, ReferenceRecord mine, ReferenceRecord theirs, String tool) {
        List<String> found = new ArrayList<>();
        field(found, where + "EventRecordID", mine.recordId(), theirs.recordId(), tool);
        field(found, where + "EventID", mine.eventId(), theirs.eventId(), tool);
        field(found, where + "TimeCreated", mine.timeCreated(), theirs.timeCreated(), tool);
        field(found, where + "Computer", mine.computer(), theirs.computer(), tool);
        field(found, where + "Channel", mine.channel(), theirs.channel(), tool);
        int items = Math.max(mine.data().size(), theirs.data().size());
        for (int i = 0; i < items; i++) {
            String a = i < mine.data().size() ? mine.data().get(i) : "?=<missing>";
            String b = i < theirs.data().size() ? theirs.data().get(i) : "?=<missing>";
            field(found, where + "Data[" + i + "] name", name(a), name(b), tool);
            field(found, where + "Data:" + name(a), value(a), value(b), tool);
        }
        return found;
    }

    private static String name(String item) {
        return item.substring(0, item.indexOf('='));
    }

    private static String value(String item) {
        return item.substring(item.indexOf('=') + 1);
    }

    private static void field(
            List<String> found, String where, String mine, String theirs, String tool) {
        if (!Objects.equals(mine, theirs) && !sameValue(mine, theirs, tool)) {
            found.add(where + ": ours=" + mine + " | theirs=" + theirs);
        }
    }

    /** Whether two renderings stand for the same value (see PARITY.md). */
    static boolean sameValue(String mine, String theirs, String tool) {
        if (mine == null || theirs == null) {
            return false;
        }
        if (HEX.matcher(mine).matches() && HEX.matcher(theirs).matches()) {
            return Long.parseUnsignedLong(mine.substring(2), 16)
                    == Long.parseUnsignedLong(theirs.substring(2), 16);
        }
        if (GUID.matcher(mine).matches()) {
            return mine.toUpperCase(Locale.ROOT).equals(theirs.toUpperCase(Locale.ROOT));
        }
        Instant a = instant(mine);
        Instant b = instant(theirs);
        if (a != null && b != null) {
            long tolerance = tool.equals(EVTX_DUMP) ? 3_000 : 0;
            return Math.abs(ChronoUnit.NANOS.between(a, b)) <= tolerance;
        }
        if (!tool.equals(EVTX_DUMP)) {
            return false;
        }
        boolean bool = mine.equals("true") || mine.equals("false");
        return bool
                ? mine.equalsIgnoreCase(theirs)
                : CONTROL.matcher(mine).replaceAll("").equals(theirs);
    }

    private static Instant instant(String text) {
        if (ISO_TIME.matcher(text).matches()) {
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
