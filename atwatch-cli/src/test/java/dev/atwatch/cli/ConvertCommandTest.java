package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code atwatch convert}: what it writes is valid in its format, carries every field and the
 * metadata, and reads back through atwatch into the same events and the same query rows.
 */
class ConvertCommandTest {

    private static final Path FIXTURES =
            Path.of("..", "atwatch-core", "src", "test", "resources", "dev", "atwatch", "read");
    private static final String ATEXEC =
            FIXTURES.resolve("evtx").resolve("atexec-remote-task.evtx").toString();
    private static final Path SECURITY =
            Path.of(System.getProperty("atwatch.shared", "../shared"))
                    .resolve("datasets/evtx-rs-samples/samples/security.evtx");
    private static final String ROWS =
            "| table _time, host, source, sourcetype, index, EventCode, EventRecordID, Computer,"
                    + " Channel, SubjectUserName, TargetUserName, TaskName, NewProcessName,"
                    + " CommandLine, MinPasswordAge, LockoutThreshold | sort 0 EventRecordID";

    @TempDir Path dir;

    @Test
    void jsonLinesStartWithTheirObjectAndReadBackIntoTheSameEvents() throws IOException {
        Path jsonl = convert(ATEXEC, "jsonl");

        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);

        assertThat(lines)
                .hasSize(12)
                .allSatisfy(line -> assertThat(line).startsWith("{\"_time\":"));
        assertThat(objects(convert(jsonl.toString(), "jsonl"))).isEqualTo(objects(jsonl));
        assertThat(rows(jsonl.toString())).isEqualTo(rows(ATEXEC)).hasSize(13);
    }

    @Test
    void xmlIsXml10WithTheMetadataAndReadsBackIntoTheSameEvents() throws Exception {
        Path xml = convert(ATEXEC, "xml");

        Document document = parseXml10(xml);

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("events");
        assertThat(document.getElementsByTagName("event").getLength()).isEqualTo(12);
        String text = Files.readString(xml, StandardCharsets.UTF_8);
        assertThat(text)
                .containsPattern("<field name=\"_time\">20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z</field>")
                .contains("<field name=\"host\">")
                .contains("<field name=\"source\">XmlWinEventLog:Security</field>")
                .contains("<field name=\"sourcetype\">XmlWinEventLog:Security</field>")
                .contains("<field name=\"index\">wineventlog</field>")
                .doesNotContain("name=\"_raw\"");
        assertThat(objects(convert(xml.toString(), "jsonl")))
                .isEqualTo(objects(convert(ATEXEC, "jsonl")));
        assertThat(rows(xml.toString())).isEqualTo(rows(ATEXEC)).hasSize(13);
    }

    @Test
    void rawIsWrittenOnlyWhenAskedAndReadsBackAsItWas() throws IOException {
        Path withRaw = convert(ATEXEC, "xml", "--raw");
        Path jsonWithRaw = convert(ATEXEC, "jsonl", "--raw");

        assertThat(Files.readString(withRaw, StandardCharsets.UTF_8))
                .contains("<field name=\"_raw\">&lt;Event xmlns=");
        assertThat(objects(convert(withRaw.toString(), "jsonl", "--raw")))
                .isEqualTo(objects(jsonWithRaw));
        assertThat(objects(convert(ATEXEC, "jsonl")))
                .allSatisfy(o -> assertThat(o.containsKey("_raw")).isFalse());
    }

    @Test
    void hostAndIndexGivenToConvertStayWithTheEvents() throws IOException {
        Path xml = convert(ATEXEC, "xml", "--host", "case-42-dc", "--index", "case42");

        CommandRun run =
                CommandRun.of(
                        "query",
                        "-q",
                        "--format",
                        "csv",
                        "--spl",
                        "| stats count by index, host",
                        xml.toString());

        assertThat(run.out().lines()).containsExactly("index,host,count", "case42,case-42-dc,12");
    }

    @Test
    void controlCharactersSurviveTheXmlRoundTripAndPythonParsesIt() throws Exception {
        assumeTrue(Files.isReadable(SECURITY), "shared security.evtx absent");
        Path xml = convert(SECURITY.toString(), "xml");

        parseXml10(xml);

        assertThat(Files.readString(xml, StandardCharsets.UTF_8))
                .contains("<field name=\"MinPasswordAge\"><char code=\"3\"/></field>");
        assertThat(rows(xml.toString())).isEqualTo(rows(SECURITY.toString())).hasSize(2262);
        assertThat(objects(convert(xml.toString(), "jsonl")))
                .isEqualTo(objects(convert(SECURITY.toString(), "jsonl")));
        if (python()) {
            Process python =
                    new ProcessBuilder(
                                    "python3",
                                    "-c",
                                    "import sys, xml.etree.ElementTree as ET;"
                                            + " print(len(ET.parse(sys.argv[1]).getroot()))",
                                    xml.toString())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out.strip()).isEqualTo("2261");
        }
    }

    private Path convert(String input, String format, String... options) {
        Path out = dir.resolve("out-" + System.nanoTime() + "." + format);
        List<String> args = new ArrayList<>(List.of("convert", "-q", "--format", format));
        args.addAll(List.of(options));
        args.addAll(List.of("-o", out.toString(), input));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private static List<String> rows(String input) {
        CommandRun run = CommandRun.of("query", "-q", "--format", "csv", "--spl", ROWS, input);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().toList();
    }

    private static List<Map<?, ?>> objects(Path jsonl) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Map<?, ?>> objects = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            objects.add(mapper.readValue(line, Map.class));
        }
        return objects;
    }

    /** Parses with the JDK's XML 1.0 parser, which refuses what XML 1.0 cannot hold. */
    private static Document parseXml10(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static boolean python() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "pass").start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
