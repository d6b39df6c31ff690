package dev.atwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.Rejected;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: what it counts, how it redraws and how it is erased. */
class ProgressTest {

    private static final Rule RULE =
            new Rule("r", "r", "", List.of(), "low", List.of(), "x", "", "", List.of(), "r.yaml");

    @Test
    void lineShowsBytesOfTotalEventRateAndCandidates() {
        Progress progress =
                new Progress(RunListener.NONE, new PrintWriter(new StringWriter()), 4096);
        progress.progress(1024);
        for (int i = 0; i < 30; i++) {
            progress.eventRead();
        }
        progress.matched(RULE, Event.builder(new Provenance("a", 1, 1, 0)).build());

        assertThat(progress.line(2.0))
                .isEqualTo("reading 1.0 KiB of 4.0 KiB (25%), 15 events/s, 1 candidate alerts");
    }

    @Test
    void redrawOverwritesTheLineAndStopErasesIt() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(RunListener.NONE, new PrintWriter(err), 0);

        progress.redraw();
        progress.stop();

        String written = err.toString();
        assertThat(written).startsWith("\rreading 0 B, ");
        int drawn = written.indexOf('\r', 1) - 1;
        assertThat(written.substring(drawn + 1)).isEqualTo("\r" + " ".repeat(drawn) + "\r");
    }

    @Test
    void warningsStartOnACleanLine() {
        StringWriter err = new StringWriter();
        PrintWriter print = new PrintWriter(err);
        RunListener warnings =
                new RunListener() {
                    @Override
                    public void rejected(Rejected rejected) {
                        print.println("warning: " + rejected.reason());
                    }
                };
        Progress progress = new Progress(warnings, print, 0);

        progress.redraw();
        progress.rejected(
                new Rejected(new Provenance("a.xml", 3, 3, 10), "xml-malformed", "bad tag"));
        print.flush();

        String written = err.toString();
        int drawn = written.indexOf('\r', 1) - 1;
        assertThat(written.substring(drawn + 1))
                .isEqualTo(
                        "\r"
                                + " ".repeat(drawn)
                                + "\rwarning: xml-malformed"
                                + System.lineSeparator());
    }

    @Test
    void stopWithoutADrawnLineWritesNothing() {
        StringWriter err = new StringWriter();

        new Progress(RunListener.NONE, new PrintWriter(err), 10).stop();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void callsReachTheWrappedListener() {
        AtomicLong bytes = new AtomicLong();
        RunListener counting =
                new RunListener() {
                    @Override
                    public void progress(long count) {
                        bytes.addAndGet(count);
                    }
                };
        Progress progress = new Progress(counting, new PrintWriter(new StringWriter()), 10);

        progress.progress(7);

        assertThat(bytes).hasValue(7);
    }

    @Test
    void offWhenStandardErrorIsNotATerminal() {
        CommandRun run = CommandRun.of("hunt", "../examples/windows/sysmon-at-cmd.xml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("\r").doesNotContain("candidate alerts");
    }
}
