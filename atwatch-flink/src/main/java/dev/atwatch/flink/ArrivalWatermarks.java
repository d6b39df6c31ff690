package dev.atwatch.flink;

import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The job's time: the records' timestamps (when they reached Kafka), allowed to come {@code
 * lateness} out of order; and when no record arrives, the wall clock less {@code idleness}, so that
 * the last records of a quiet topic are still searched.
 */
final class ArrivalWatermarks implements WatermarkGenerator<LogRecord> {

    private final long lateness;
    private final long idleness;
    private final LongSupplier clock;
    private long newest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    ArrivalWatermarks(long lateness, long idleness, LongSupplier clock) {
        this.lateness = lateness;
        this.idleness = idleness;
        this.clock = clock;
    }

    @Override
    public void onEvent(LogRecord record, long timestamp, WatermarkOutput output) {
        newest = Math.max(newest, timestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long byRecords = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - lateness;
        long byClock = clock.getAsLong() - idleness;
        long next = Math.max(byRecords, byClock);
        if (next > emitted) {
            emitted = next;
            output.emitWatermark(new Watermark(next));
        }
    }
}
