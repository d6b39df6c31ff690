package dev.atwatch.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak heap occupancy while a reader runs, over what was in use when it started, to show that a
 * huge record is never held in memory. Garbage counts too, so the bound is an upper one.
 */
public final class HeapPeak {
    private final long before;

    public HeapPeak() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        before = used;
    }

    public void assertGrewLessThan(long bytes) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        assertThat(peak - before).as("peak heap growth in bytes").isLessThan(bytes);
    }
}
