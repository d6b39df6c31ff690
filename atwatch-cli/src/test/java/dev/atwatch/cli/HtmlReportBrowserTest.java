package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of the bundled examples, loaded in headless Chromium: the rows, the filter and
 * the details that the page's script applies from the URL fragment, and a screenshot kept under
 * {@code target/} for a person to look at.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TARGET = Path.of("target");
    private static final Path REPORT = TARGET.resolve("report-examples.html");
    private static final Pattern ROW = Pattern.compile("<tr class=\"alert s\\d\"([^>]*)>");

    private static List<JsonNode> alerts;

    @BeforeAll
    static void writeReport() throws IOException {
        Files.createDirectories(TARGET);
        CommandRun html =
                CommandRun.of(
                        "hunt",
                        "--quiet",
                        "--format",
                        "html",
                        "-o",
                        REPORT.toString(),
                        "../examples");
        assertThat(html.exitCode()).isZero();
        CommandRun jsonl = CommandRun.of("hunt", "--quiet", "--format", "jsonl", "../examples");
        ObjectMapper json = new ObjectMapper();
        alerts = new ArrayList<>();
        for (String line : jsonl.out().split("\n")) {
            if (!line.isBlank()) {
                alerts.add(json.readTree(line));
            }
        }
    }

    @Test
    void everyAlertIsARowOfTheLoadedPage() throws Exception {
        String dom = dumpDom("");

        assertThat(rows(dom)).hasSize(alerts.size()).noneMatch(HtmlReportBrowserTest::hidden);
        assertThat(dom).contains(alerts.size() + " of " + alerts.size() + " shown");
    }

    @Test
    void filterFromTheFragmentHidesRowsWithoutTheWord() throws Exception {
        long withPowershell =
                alerts.stream()
                        .filter(a -> a.toString().toLowerCase(Locale.ROOT).contains("powershell"))
                        .count();

        String dom = dumpDom("#filter=powershell");

        List<String> rows = rows(dom);
        long shown = rows.stream().filter(r -> !hidden(r)).count();
        assertThat(withPowershell).isPositive().isLessThan(alerts.size());
        assertThat(shown).isEqualTo(withPowershell);
        assertThat(dom).contains(withPowershell + " of " + alerts.size() + " shown");
    }

    @Test
    void sortFromTheFragmentPutsTheHighestScoreFirst() throws Exception {
        int highest =
                alerts.stream().mapToInt(a -> a.path("SuspicionScore").asInt()).max().orElseThrow();

        String dom = dumpDom("#sort=score-desc");

        String first = dom.substring(dom.indexOf("<tr class=\"alert"));
        first = first.substring(0, first.indexOf("</tr>"));
        assertThat(first).contains("<td>" + highest + "</td>");
        assertThat(dom).contains("data-col=\"score\" data-type=\"num\" aria-sort=\"descending\"");
    }

    @Test
    void detailsOpenFromTheFragmentAndShowWhyTheRuleFired() throws Exception {
        String dom = dumpDom("#alert-1");

        String detail = dom.substring(dom.indexOf("id=\"alert-1\""));
        detail = detail.substring(0, detail.indexOf("</details>"));
        assertThat(dom).contains("<details class=\"alert-detail\" id=\"alert-1\" open=\"\">");
        assertThat(detail).contains("Search alternatives matched", "Raw event", "Fields");
        assertThat(dom).contains("<mark>powershell</mark>").contains("IsSuspiciousPayload");
    }

    @Test
    void screenshotIsSavedUnderTarget() throws Exception {
        assumeChromium();
        Path shot = TARGET.resolve("report-examples.png").toAbsolutePath();
        Files.deleteIfExists(shot);

        chromium("--window-size=1400,2000", "--screenshot=" + shot, url("#filter=powershell"));

        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** Whether a row's attributes hold {@code hidden} (the script's filter sets it). */
    private static boolean hidden(String attributes) {
        // values are quoted and escaped, so this cannot be the text of a value
        return attributes.contains("\" hidden=\"\"");
    }

    private static List<String> rows(String dom) {
        List<String> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(dom);
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    private static String dumpDom(String fragment) throws Exception {
        assumeChromium();
        return chromium("--dump-dom", url(fragment));
    }

    private static String url(String fragment) {
        return REPORT.toAbsolutePath().toUri() + fragment;
    }

    private static void assumeChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "needs /usr/bin/chromium (Debian packages chromium, chromium-driver)");
    }

    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("atwatch-chromium");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("atwatch-dom", ".html");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
