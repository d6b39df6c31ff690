package dev.atwatch.atjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FireWindowTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = FireWindowTest.class.getResourceAsStream("fire-windows.txt");
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split(" \\|\\| ");
                    cases.add(Arguments.of(cells[0], cells[1], cells[2], cells[3]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1} ({2})")
    @MethodSource("cases")
    void predictsTheFirstRun(String command, String event, String offset, String expected) {
        AtJob job = AtJobs.parseChecked(command).asJob().orElseThrow();
        ZoneOffset hostOffset = offset.equals("-") ? null : ZoneOffset.of(offset);

        FireWindow window =
                job.fireWindow(Instant.parse(event).getEpochSecond(), hostOffset).orElseThrow();

        long start = Instant.parse(expected).getEpochSecond();
        assertThat(Instant.ofEpochSecond(window.earliest())).isEqualTo(Instant.parse(expected));
        assertThat(window.latest()).isEqualTo(start + JobTime.START_SLACK_SECONDS);
        assertThat(window.offsetKnown()).isTrue();
    }

    @Test
    void unknownOffsetWidensTheWindowOverEveryOffsetInUse() {
        AtJob job = AtJobs.parse("at 13:20 /interactive cmd").asJob().orElseThrow();
        long event = Instant.parse("2021-10-01T17:30:39Z").getEpochSecond();

        FireWindow window = job.fireWindow(event, null).orElseThrow();

        assertThat(window.offsetKnown()).isFalse();
        for (int hours = -12; hours <= 14; hours++) {
            FireWindow exact = job.fireWindow(event, ZoneOffset.ofHours(hours)).orElseThrow();
            assertThat(window.contains(exact.earliest())).as("UTC%+d", hours).isTrue();
        }
        assertThat(window.earliest()).isGreaterThan(event);
        assertThat(window.latest() - window.earliest()).isLessThanOrEqualTo(27 * 3600);
    }

    @Test
    void offsetStatedByTheStartTimeWinsOverTheHostOffset() {
        AtJob job =
                AtJobs.parse("wmic job call create \"calc\",\"********123000.000000+060\"")
                        .asJob()
                        .orElseThrow();
        long event = Instant.parse("2026-12-03T08:00:00Z").getEpochSecond();

        FireWindow anywhere = job.fireWindow(event, ZoneOffset.ofHours(-10)).orElseThrow();
        FireWindow unknown = job.fireWindow(event, null).orElseThrow();

        assertThat(Instant.ofEpochSecond(anywhere.earliest()))
                .isEqualTo(Instant.parse("2026-12-03T11:30:00Z"));
        assertThat(unknown).isEqualTo(anywhere);
    }

    @Test
    void listsDeletesAndUnreadableTimesHaveNoWindow() {
        long event = Instant.parse("2026-12-03T08:00:00Z").getEpochSecond();

        assertThat(AtJobs.parse("atq").asJob().orElseThrow().fireWindow(event, null)).isEmpty();
        assertThat(AtJobs.parse("at 3 /delete").asJob().orElseThrow().fireWindow(event, null))
                .isEmpty();
        assertThat(
                        AtJobs.parse("at now + 1 fortnight")
                                .asJob()
                                .orElseThrow()
                                .fireWindow(event, null))
                .isEmpty();
    }
}
