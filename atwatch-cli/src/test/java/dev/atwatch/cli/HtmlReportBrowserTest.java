package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RulePack;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The HTML report of {@code hunt examples/}, driven in headless Chromium through chromedriver as a
 * reader would use it: the rows it lists, typing in the filter, clicking a header and a row, the
 * timeline's zoom, and a screenshot, checked pixel by pixel and kept under {@code target/} for a
 * person to look at. Skipped where Chromium or chromedriver is not installed.
 */
@EnabledIf(
        value = "dev.atwatch.cli.HeadlessChromium#installed",
        disabledReason = HeadlessChromium.NEEDS)
class HtmlReportBrowserTest {

    private static final Path TARGET = Path.of("target");
    private static final Path REPORT = TARGET.resolve("report-examples.html");
    private static final Path BOUNDED_REPORT = TARGET.resolve("report-examples-bounded.html");

    /** The bounded report is of a run holding the alerts of the examples this many times. */
    private static final int COPIES = 4;

    /** Rows of the bounded report: more than two pages of the table. */
    private static final int BOUNDED_ROWS = 1_200;

    private static final Path SHOT = TARGET.resolve("report-examples.png");

    /** Row colours of the score shades 0 to 3, as report.css gives them. */
    private static final int[] ROW_COLOURS = {0xf4f6fb, 0xfff6cc, 0xffe0b8, 0xffc9c9};

    /** Mark colours of the score shades 0 to 3. */
    private static final int[] MARK_COLOURS = {0x8792a8, 0xd9a400, 0xe8730c, 0xd11f1f};

    private static final String ROWS = "#alert-table tbody tr.alert";

    /** A script function: the cell of a row in the column named by its header's data-col. */
    private static final String CELL =
            "const cell = (row, col) => row.cells["
                    + "document.querySelector('#alert-table th[data-col=' + col + ']').cellIndex];";

    private static List<JsonNode> alerts;
    private static Map<String, String> ruleNames;
    private static HeadlessChromium browser;

    @BeforeAll
    static void writeReportsAndStartTheBrowser() throws Exception {
        Files.createDirectories(TARGET);
        Path run = TARGET.resolve("run-examples.json");
        hunt(
                "--format",
                "html",
                "-o",
                REPORT.toString(),
                "--save-run",
                run.toString(),
                "../examples");
        Path large = TARGET.resolve("run-examples-x" + COPIES + ".json");
        copyAlerts(run, large);
        CommandRun bounded =
                CommandRun.of(
                        "report",
                        "--report-rows",
                        Integer.toString(BOUNDED_ROWS),
                        "--report-details",
                        "10",
                        "-o",
                        BOUNDED_REPORT.toString(),
                        large.toString());
        assertThat(bounded.exitCode()).as(bounded.err()).isZero();
        alerts = jsonLines(hunt("--format", "jsonl", "../examples").out());
        ruleNames = new HashMap<>();
        for (Rule rule : RulePack.bundled().rules()) {
            ruleNames.put(rule.id(), rule.name());
        }
        browser = HeadlessChromium.start(1400, 1000, TARGET.resolve("chromedriver.log"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyAlertIsARowNamingItsRule() throws Exception {
        open(REPORT);

        JsonNode rows =
                browser.script(
                        CELL
                                + "return Array.from(document.querySelectorAll(arguments[0]),"
                                + " r => ({ hidden: r.hidden, time: cell(r, 'time').textContent,"
                                + " host: cell(r, 'host').textContent,"
                                + " rule: cell(r, 'rule').textContent,"
                                + " ruleId: cell(r, 'rule').title }));",
                        ROWS);

        assertThat(rows).hasSize(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            JsonNode row = rows.get(i);
            String id = alert.path("rule").asText();
            assertThat(row.path("hidden").asBoolean()).isFalse();
            assertThat(row.path("time").asText()).isEqualTo(alert.path("_time").asText());
            assertThat(row.path("host").asText()).isEqualTo(alert.path("host").asText());
            assertThat(row.path("ruleId").asText()).isEqualTo(id);
            assertThat(row.path("rule").asText()).isEqualTo(ruleNames.get(id));
        }
        assertThat(browser.find("#shown").text())
                .isEqualTo(alerts.size() + " of " + alerts.size() + " shown");
    }

    @Test
    void typingInTheFilterHidesTheRowsWithoutTheWords() throws Exception {
        open(REPORT);
        long withPowershell =
                count(a -> a.toString().toLowerCase(Locale.ROOT).contains("powershell"));

        browser.find("#filter").type("PowerShell");

        assertThat(withPowershell).isPositive().isLessThan(alerts.size());
        assertThat(visibleRows()).hasSize((int) withPowershell);
        assertThat(browser.find("#shown").text())
                .isEqualTo(withPowershell + " of " + alerts.size() + " shown");
    }

    @Test
    void theFilterFindsRulesByName() throws Exception {
        open(REPORT);
        String id = "linux-shell-started-by-atd";
        long ofTheRule = count(a -> a.path("rule").asText().equals(id));

        browser.find("#filter").type(ruleNames.get(id));

        List<HeadlessChromium.Element> shown = visibleRows();
        assertThat(ofTheRule).isPositive();
        assertThat(shown).hasSize((int) ofTheRule);
        for (HeadlessChromium.Element row : shown) {
            assertThat(row.find("td.rule").attribute("title")).isEqualTo(id);
        }
    }

    @Test
    void clickingTheScoreHeaderSortsByScoreOneWayThenTheOther() throws Exception {
        open(REPORT);
        List<Integer> before = scores();
        HeadlessChromium.Element header = browser.find("#alert-table th[data-col=score]");

        header.click();
        List<Integer> ascending = scores();
        header.click();
        List<Integer> descending = scores();

        assertThat(before).isNotEqualTo(ascending);
        assertThat(ascending).hasSameElementsAs(before).isSorted();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(descending.get(0)).isEqualTo(before.stream().max(Integer::compare).get());
        assertThat(header.attribute("aria-sort")).isEqualTo("descending");
    }

    @Test
    void clickingARowOpensItsDetailsWithTheScoreFactors() throws Exception {
        open(REPORT);
        int index = highestScoring();
        JsonNode alert = alerts.get(index);
        HeadlessChromium.Element row = browser.find(ROWS + "[data-alert=\"" + (index + 1) + "\"]");
        HeadlessChromium.Element detail = browser.find("#alert-" + (index + 1));
        assertThat(detail.property("open").asBoolean()).isFalse();

        row.find("td.cmd").click();

        assertThat(detail.property("open").asBoolean()).isTrue();
        Set<String> factors = new HashSet<>();
        for (HeadlessChromium.Element factor : detail.findAll("tr.factor td:first-child")) {
            assertThat(factor.displayed()).isTrue();
            factors.add(factor.text());
        }
        assertThat(factors).isNotEmpty().isEqualTo(firedFactors(alert));
        assertThat(detail.find("summary").text())
                .contains(ruleNames.get(alert.path("rule").asText()))
                .contains("score " + alert.path("SuspicionScore").asInt());
        assertThat(inView(detail)).isTrue();
    }

    @Test
    void clickingANumberedMarkZoomsTheTimelineIntoItsAlerts() throws Exception {
        open(REPORT);
        String whole = browser.find("#timeline-range").text();
        HeadlessChromium.Element mark = zoomableMark();
        int lane = laneOf(mark);
        int inMark = Integer.parseInt(mark.attribute("data-count"));
        int marksBefore = marksIn(lane);

        mark.click();

        assertThat(browser.find("#timeline-range").text()).isNotEqualTo(whole);
        assertThat(browser.find("#timeline-reset").displayed()).isTrue();
        assertThat(marksIn(lane)).isGreaterThan(1);
        assertThat(countsIn(lane)).isGreaterThanOrEqualTo(inMark);
        browser.find("#timeline-reset").click();
        assertThat(browser.find("#timeline-range").text()).isEqualTo(whole);
        assertThat(marksIn(lane)).isEqualTo(marksBefore);
    }

    @Test
    void aBoundedReportSaysWhatItLeftOutAndRowsWithoutDetailsSayWhy() throws Exception {
        open(BOUNDED_REPORT);

        assertThat(browser.findAll(ROWS)).hasSize(BOUNDED_ROWS);
        assertThat(browser.findAll("details.alert-detail")).hasSize(10);
        assertThat(browser.find("#rows-left-out").text())
                .contains(
                        String.format(
                                Locale.ROOT,
                                "%,d highest-scoring of the %,d alerts",
                                BOUNDED_ROWS,
                                alerts.size() * COPIES))
                .contains("--format csv");
        assertThat(browser.find("#details-left-out").text()).contains("--report-details 10");
        HeadlessChromium.Element bare = browser.find(ROWS + "[data-detail=none]");
        bare.find("td.cmd").click();
        HeadlessChromium.Element note = browser.find("#row-note");
        assertThat(note.displayed()).isTrue();
        assertThat(note.text())
                .contains("Alert #" + bare.attribute("data-alert") + " has no details");
    }

    @Test
    void aLongTableShowsOnePageAtATimeAndTurnsPages() throws Exception {
        open(BOUNDED_REPORT);
        int page = Integer.parseInt(browser.find("#alert-table").attribute("data-page-rows"));
        HeadlessChromium.Element pageRows = browser.find("#page-rows");
        String first = onPage().get(0).attribute("data-alert");

        assertThat(BOUNDED_ROWS).isGreaterThan(2 * page);
        assertThat(onPage()).hasSize(page);
        assertThat(pageRows.text()).isEqualTo("rows 1\u2013" + page + " of " + BOUNDED_ROWS);
        browser.find("#page-next").click();
        assertThat(onPage()).hasSize(page);
        assertThat(onPage().get(0).attribute("data-alert")).isNotEqualTo(first);
        assertThat(pageRows.text())
                .isEqualTo("rows " + (page + 1) + "\u2013" + 2 * page + " of " + BOUNDED_ROWS);
        browser.find("#page-all").click();
        assertThat(onPage()).hasSize(BOUNDED_ROWS);
    }

    @Test
    void theScreenshotShowsTheTableAndTimelineInTheirScoreColours() throws Exception {
        open(REPORT);
        browser.script("document.getElementById('timeline').scrollIntoView();");

        byte[] png = browser.screenshot();
        Files.write(SHOT, png);
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(png));
        Map<Integer, Integer> colours = histogram(page);
        Set<Integer> drawn = shadesOfTheMarks();

        assertThat(page.getWidth()).isEqualTo(1400);
        assertThat(colours.size()).as("distinct colours").isGreaterThan(200);
        assertThat(drawn).hasSizeGreaterThan(1);
        for (int shade : drawn) {
            assertThat(colours.getOrDefault(MARK_COLOURS[shade], 0))
                    .as("pixels of the shade %d mark colour", shade)
                    .isGreaterThan(20);
        }
        int rowPixels = Arrays.stream(ROW_COLOURS).map(c -> colours.getOrDefault(c, 0)).sum();
        assertThat(rowPixels).as("pixels of row colours").isGreaterThan(page.getWidth() * 50);
    }

    private static CommandRun hunt(String... args) {
        List<String> command = new ArrayList<>(List.of("hunt", "--quiet"));
        command.addAll(List.of(args));
        CommandRun run = CommandRun.of(command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private static void open(Path report) throws Exception {
        browser.open(report.toAbsolutePath().toUri().toString());
    }

    private static long count(Predicate<JsonNode> which) {
        return alerts.stream().filter(which).count();
    }

    private static List<HeadlessChromium.Element> visibleRows() throws Exception {
        return browser.findAll(ROWS + ":not([hidden])");
    }

    /** The rows on the table's current page: kept by the filter, not paged out. */
    private static List<HeadlessChromium.Element> onPage() throws Exception {
        return browser.findAll(ROWS + ":not([hidden]):not(.off-page)");
    }

    /** Writes the run {@code from} with its alerts repeated {@link #COPIES} times to {@code to}. */
    private static void copyAlerts(Path from, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode run = (ObjectNode) json.readTree(from.toFile());
        ArrayNode alerts = (ArrayNode) run.path("alerts");
        ArrayNode copies = json.createArrayNode();
        for (int i = 0; i < COPIES; i++) {
            copies.addAll(alerts);
        }
        run.set("alerts", copies);
        json.writeValue(to.toFile(), run);
    }

    private static List<Integer> scores() throws Exception {
        JsonNode scores =
                browser.script(
                        CELL
                                + "return Array.from(document.querySelectorAll(arguments[0]),"
                                + " r => parseInt(cell(r, 'score').textContent));",
                        ROWS);
        List<Integer> list = new ArrayList<>();
        scores.forEach(score -> list.add(score.asInt()));
        return list;
    }

    private static int highestScoring() {
        int best = 0;
        for (int i = 1; i < alerts.size(); i++) {
            if (score(alerts.get(i)) > score(alerts.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static int score(JsonNode alert) {
        return alert.path("SuspicionScore").asInt();
    }

    /** The {@code Is*} fields of {@code alert} that are 1: its score factors. */
    private static Set<String> firedFactors(JsonNode alert) {
        Set<String> fired = new HashSet<>();
        alert.fields()
                .forEachRemaining(
                        field -> {
                            if (field.getKey().startsWith("Is")
                                    && field.getValue().isNumber()
                                    && field.getValue().asInt() == 1) {
                                fired.add(field.getKey());
                            }
                        });
        return fired;
    }

    private static boolean inView(HeadlessChromium.Element element) throws Exception {
        return browser.script(
                        "const r = arguments[0].getBoundingClientRect();"
                                + " return r.top >= 0 && r.top < window.innerHeight;",
                        element)
                .asBoolean();
    }

    /** A mark of several alerts at different times, which a click zooms into. */
    private static HeadlessChromium.Element zoomableMark() throws Exception {
        for (HeadlessChromium.Element mark : browser.findAll("#timeline-chart .mark")) {
            if (Integer.parseInt(mark.attribute("data-count")) > 1
                    && Double.parseDouble(mark.attribute("data-to"))
                            > Double.parseDouble(mark.attribute("data-from"))) {
                return mark;
            }
        }
        throw new AssertionError("the timeline has no mark of alerts at different times");
    }

    private static int laneOf(HeadlessChromium.Element mark) throws Exception {
        return browser.script("return parseInt(arguments[0].closest('g.lane').dataset.lane);", mark)
                .asInt();
    }

    private static int marksIn(int lane) throws Exception {
        return browser.findAll("#timeline-chart g.lane[data-lane=\"" + lane + "\"] .mark").size();
    }

    /** The alerts the marks of {@code lane} hold together. */
    private static int countsIn(int lane) throws Exception {
        int sum = 0;
        for (HeadlessChromium.Element mark :
                browser.findAll("#timeline-chart g.lane[data-lane=\"" + lane + "\"] .mark")) {
            sum += Integer.parseInt(mark.attribute("data-count"));
        }
        return sum;
    }

    /** The score shades of the timeline's marks, from their classes {@code s0} to {@code s3}. */
    private static Set<Integer> shadesOfTheMarks() throws Exception {
        JsonNode classes =
                browser.script(
                        "return Array.from(document.querySelectorAll('#timeline-chart circle'),"
                                + " c => c.getAttribute('class'));");
        Set<Integer> shades = new HashSet<>();
        classes.forEach(c -> shades.add(Integer.parseInt(c.asText().substring(1))));
        return shades;
    }

    private static Map<Integer, Integer> histogram(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return counts;
    }
}
