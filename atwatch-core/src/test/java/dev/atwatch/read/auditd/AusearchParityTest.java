package dev.atwatch.read.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the events read from raw audit logs with those {@code ausearch -i} (package {@code
 * auditd}) finds in the same logs: the same serials, and per event the same executable, arguments,
 * process title, working directory, paths and time. ausearch's text is read back with the same
 * reader, so this checks the raw decoding against auparse's, and the interpreted parsing too.
 */
class AusearchParityTest {

    private static final Path AUSEARCH = Path.of("/usr/sbin/ausearch");

    @Test
    void rawReadingAgreesWithAusearchOnEveryRawSample() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(AUSEARCH), "ausearch (Debian package auditd) is not installed");
        List<Path> logs = new ArrayList<>();
        for (Path log : AuditdRealSamplesTest.auditLogs()) {
            if (!log.toString().contains("ausearch-interpreted")) {
                logs.add(log);
            }
        }
        for (String fixture : List.of("interleaved.log", "long-argument.log", "enriched.log")) {
            logs.add(Path.of(AusearchParityTest.class.getResource(fixture).toURI()));
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(10);
        for (Path log : logs) {
            compare(log);
        }
    }

    private static void compare(Path log) throws Exception {
        Map<String, Event> ours = bySerial(AuditdRealSamplesTest.read(log).events);
        byte[] interpreted = ausearch(log);
        CollectingSink theirsSink = new CollectingSink();
        new AuditdReader()
                .read(
                        new MemoryInput("ausearch", interpreted, null),
                        ReadOptions.DEFAULTS,
                        theirsSink);
        Map<String, Event> theirs = bySerial(theirsSink.events);

        assertThat(theirsSink.rejected).as(log.toString()).isEmpty();
        assertThat(ours.keySet()).as("serials of " + log).isEqualTo(theirs.keySet());
        for (Map.Entry<String, Event> entry : ours.entrySet()) {
            Event our = entry.getValue();
            Event their = theirs.get(entry.getKey());
            String what = log.getFileName() + " serial " + entry.getKey();
            for (String field : List.of("exe", "cwd", "proctitle", "argc", "key")) {
                assertThat(printed(our.text(field)))
                        .as(what + " " + field)
                        .isEqualTo(their.text(field));
            }
            if (!compareArguments(what, arguments(our), arguments(their))) {
                continue; // the cut argument's tail was read as other fields
            }
            assertThat(values(our, "name")).as(what + " name").isEqualTo(values(their, "name"));
            assertThat(values(our, "type")).as(what + " type").isEqualTo(values(their, "type"));
            assertThat(our.time()).as(what + " time").isEqualTo(their.time());
        }
    }

    /**
     * ausearch -i prints arguments unquoted, so one holding {@code " word="} reads back cut at that
     * word: there only the part before it can be compared.
     */
    private static boolean compareArguments(String what, List<String> ours, List<String> theirs) {
        List<String> printed = ours.stream().map(AusearchParityTest::printed).toList();
        int ambiguous = -1;
        for (int i = 0; i < printed.size() && ambiguous < 0; i++) {
            if (AMBIGUOUS.matcher(printed.get(i)).find()) {
                ambiguous = i;
            }
        }
        if (ambiguous < 0) {
            assertThat(printed).as(what + " arguments").isEqualTo(theirs);
            return true;
        }
        assertThat(theirs.subList(0, ambiguous + 1))
                .as(what + " arguments")
                .isEqualTo(
                        printed.subList(0, ambiguous + 1).stream()
                                .map(a -> AMBIGUOUS.split(a, 2)[0])
                                .toList());
        return false;
    }

    private static final Pattern AMBIGUOUS = Pattern.compile(" [A-Za-z0-9_\\[\\]-]+=");

    private static byte[] ausearch(Path log) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(AUSEARCH.toString(), "-if", log.toString(), "-i");
        builder.environment().put("TZ", "UTC");
        builder.environment().put("LC_ALL", "C");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Events by serial and record types: a serial may hold a one-record event and another. */
    private static Map<String, Event> bySerial(List<Event> events) {
        Map<String, Event> map = new LinkedHashMap<>();
        for (Event event : events) {
            String raw = event.raw();
            int open = raw.indexOf("msg=audit(");
            int close = raw.indexOf(')', open);
            String serial =
                    raw.substring(raw.lastIndexOf(':', close) + 1, close)
                            + " "
                            + values(event, "type");
            assertThat(map.put(serial, event)).as("serial " + serial + " twice").isNull();
        }
        return map;
    }

    private static List<String> arguments(Event event) {
        List<String> arguments = new ArrayList<>();
        if (event.get("argc") == null) {
            return arguments;
        }
        for (int i = 0; event.get("a" + i) != null; i++) {
            arguments.add(event.text("a" + i));
        }
        return arguments;
    }

    private static Set<String> values(Event event, String name) {
        FieldValue value = event.get(name);
        return value == null ? Set.of() : new TreeSet<>(value.strings());
    }

    /** A value as ausearch prints it: control characters as octal escapes. */
    private static String printed(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                text.append(String.format(java.util.Locale.ROOT, "\\%03o", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
