package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The parser on the command lines of real recorded telemetry in the shared datasets. */
class SharedDatasetsTest {

    private static final Pattern EXECVE_ARG = Pattern.compile(" a(\\d+)=(.*?)(?= a\\d+=|$)");

    private static Path dataset(String relative) {
        String shared = System.getProperty("atwatch.shared");
        Assumptions.assumeTrue(shared != null, "system property atwatch.shared is not set");
        Path path = Path.of(shared, "datasets", relative);
        Assumptions.assumeTrue(Files.exists(path), "shared dataset not present: " + path);
        return path;
    }

    @Test
    void securityLogCommandLinesYieldOnlyTheAtomicAtJob() throws Exception {
        Path folder = dataset("evtx-to-mitre-attack/derived-xml");
        List<String> commandLines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                commandLines.addAll(commandLines(file));
            }
        }

        List<AtJob> jobs =
                commandLines.stream().flatMap(line -> AtJobs.parse(line).asJob().stream()).toList();

        assertThat(commandLines)
                .hasSizeGreaterThanOrEqualTo(4)
                .contains("at  13:20 /interactive cmd");
        assertThat(jobs)
                .singleElement()
                .satisfies(
                        job -> {
                            assertThat(job.syntax()).isEqualTo(JobSyntax.WINDOWS_AT);
                            assertThat(job.invocation()).isEqualTo(Invocation.CREATE);
                            assertThat(job.interactive()).isTrue();
                            assertThat(job.commandKind()).isEqualTo(JobCommandKind.CMD);
                            // Recorded at 2021-10-01T17:30:39Z on a host whose offset the event
                            // does not give.
                            long event = Instant.parse("2021-10-01T17:30:39Z").getEpochSecond();
                            FireWindow window = job.fireWindow(event, null).orElseThrow();
                            assertThat(
                                            window.contains(
                                                    Instant.parse("2021-10-02T13:20:00Z")
                                                            .getEpochSecond()))
                                    .isTrue();
                        });
    }

    @Test
    void auditdExecveRecordsYieldTheThreeAtExecutions() throws IOException {
        Path log = dataset("auditd-sec-content-mapping/ausearch-interpreted.log");
        List<List<String>> argvs = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("type=EXECVE ")) {
                argvs.add(argv(line));
            }
        }

        List<AtJobResult> jobs =
                argvs.stream()
                        .map(AtJobs::parseUnix)
                        .filter(result -> result.asJob().isPresent())
                        .toList();

        assertThat(argvs).hasSize(57);
        assertThat(jobs)
                .extracting(
                        result ->
                                result.asJob().orElseThrow().time() == null
                                        ? "no time"
                                        : result.asJob().orElseThrow().time().text())
                .containsExactly("now +5 minutes", "now +5 minutes", "no time");
        assertThat(jobs.get(2).problems())
                .extracting(JobProblem::code)
                .containsExactly(JobProblem.TIME_MISSING, JobProblem.COMMAND_ON_STDIN);
    }

    @Test
    void sysmonWmicProcessCreationIsNotAJob() throws IOException {
        Path folder = dataset("sigma-regression-data/rules/windows/process_creation");
        List<String> commandLines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode event = new ObjectMapper().readTree(file.toFile());
                event.findValues("CommandLine").forEach(v -> commandLines.add(v.asText()));
            }
        }

        assertThat(commandLines)
                .isNotEmpty()
                .allSatisfy(
                        line ->
                                assertThat(AtJobs.parse(line))
                                        .isInstanceOf(AtJobResult.NotAJob.class));
    }

    /** The arguments {@code a0..aN} of an interpreted EXECVE record, in order. */
    private static List<String> argv(String record) {
        String[] args = new String[Integer.parseInt(field(record, "argc"))];
        Matcher arg = EXECVE_ARG.matcher(record);
        while (arg.find()) {
            args[Integer.parseInt(arg.group(1))] = arg.group(2);
        }
        return Arrays.asList(args);
    }

    private static String field(String record, String name) {
        Matcher value = Pattern.compile(" " + name + "=(\\S+)").matcher(record);
        return value.find() ? value.group(1) : "0";
    }

    /** Every {@code <Data Name="CommandLine">} value of a Windows event XML file. */
    private static List<String> commandLines(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String> values = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Data")
                        && "CommandLine".equals(xml.getAttributeValue(null, "Name"))) {
                    values.add(xml.getElementText());
                }
            }
            xml.close();
        }
        return values;
    }
}
