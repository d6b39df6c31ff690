package dev.atwatch.cli;

import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.event.Event;
import dev.atwatch.read.Input;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A one-line progress display on standard error while inputs are read: bytes read of the total,
 * events per second, and events that passed a rule's search so far (candidate alerts: the rest of
 * each rule decides which become alerts). Redrawn at most every {@link #REDRAW_MILLIS} ms from a
 * timer thread, and erased before the summary. Off unless standard error is a terminal and the run
 * is not quiet. Other listener calls go to the listener it wraps.
 */
final class Progress implements RunListener {

    /** Shortest time between two redraws. */
    static final long REDRAW_MILLIS = 250;

    private final RunListener next;
    private final PrintWriter err;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder candidates = new LongAdder();
    private ScheduledExecutorService timer;
    private int drawn;

    Progress(RunListener next, PrintWriter err, long totalBytes) {
        this.next = next;
        this.err = err;
        this.totalBytes = totalBytes;
    }

    /**
     * A display wrapping {@code next}; it draws only when {@code enabled} (the caller checks that
     * standard error is a terminal and the run is not quiet), and otherwise just passes every call
     * on.
     */
    static Progress start(boolean enabled, PrintWriter err, List<Input> inputs, RunListener next) {
        long total = 0;
        for (Input input : inputs) {
            total += Math.max(0, input.size());
        }
        Progress progress = new Progress(next, err, total);
        if (enabled) {
            progress.timer =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> {
                                Thread thread = new Thread(r, "atwatch-progress");
                                thread.setDaemon(true);
                                return thread;
                            });
            progress.timer.scheduleAtFixedRate(
                    progress::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
        return progress;
    }

    /** Stops redrawing and erases the line, so that the summary starts on a clean line. */
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        erase();
    }

    /** Erases the drawn line; the next redraw draws it again. */
    private void erase() {
        synchronized (err) {
            if (drawn > 0) {
                err.print("\r" + " ".repeat(drawn) + "\r");
                err.flush();
                drawn = 0;
            }
        }
    }

    /** Draws the current line over the previous one. */
    void redraw() {
        String text = line((System.nanoTime() - startNanos) / 1e9);
        synchronized (err) {
            int pad = Math.max(0, drawn - text.length());
            err.print("\r" + text + " ".repeat(pad));
            err.flush();
            drawn = text.length();
        }
    }

    /** The progress line after {@code seconds} of reading. */
    String line(double seconds) {
        long read = bytes.sum();
        StringBuilder text = new StringBuilder("reading ").append(Summary.bytes(read));
        if (totalBytes > 0) {
            text.append(" of ")
                    .append(Summary.bytes(totalBytes))
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    " (%d%%)",
                                    Math.min(100, read * 100 / totalBytes)));
        }
        double rate = seconds > 0 ? events.sum() / seconds : 0;
        text.append(String.format(Locale.ROOT, ", %,.0f events/s", rate));
        text.append(String.format(Locale.ROOT, ", %,d candidate alerts", candidates.sum()));
        return text.toString();
    }

    @Override
    public void progress(long count) {
        bytes.add(count);
        next.progress(count);
    }

    @Override
    public void eventRead() {
        events.increment();
        next.eventRead();
    }

    @Override
    public void matched(Rule rule, Event event) {
        candidates.increment();
        next.matched(rule, event);
    }

    @Override
    public void inputStarted(Input input, String format) {
        next.inputStarted(input, format);
    }

    // warnings start on a clean line rather than after the progress text
    @Override
    public void inputSkipped(Input input, String why) {
        synchronized (err) {
            erase();
            next.inputSkipped(input, why);
        }
    }

    @Override
    public void rejected(Rejected rejected) {
        synchronized (err) {
            erase();
            next.rejected(rejected);
        }
    }

    @Override
    public void warning(Warning warning) {
        synchronized (err) {
            erase();
            next.warning(warning);
        }
    }
}
