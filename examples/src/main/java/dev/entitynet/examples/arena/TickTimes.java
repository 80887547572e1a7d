package dev.entitynet.examples.arena;

import java.util.Arrays;

/**
 * Server tick durations, recorded without allocating (a preallocated array), summarised at the
 * end as percentiles and a histogram.
 */
public final class TickTimes {
    private final long[] nanos;
    private int count;

    /** Room for {@code capacity} ticks; later ones are not recorded. */
    public TickTimes(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Records one tick's duration. */
    public void record(long tickNanos) {
        if (count < nanos.length) {
            nanos[count++] = tickNanos;
        }
    }

    /** Ticks recorded. */
    public int count() {
        return count;
    }

    /** The duration below which {@code percent}% of ticks fall, in nanoseconds (0 with no ticks). */
    public long percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = sorted();
        int index = (int) Math.ceil(percent / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))];
    }

    /** The longest tick in nanoseconds. */
    public long max() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return max;
    }

    /**
     * Tick counts in {@code buckets} equal-width bins from 0 to {@link #max()}: bin {@code i}
     * covers {@code [i, i+1) * max / buckets}; the longest tick falls in the last bin.
     */
    public int[] histogram(int buckets) {
        int[] bins = new int[buckets];
        long max = Math.max(1, max());
        for (int i = 0; i < count; i++) {
            int bin = (int) Math.min(buckets - 1, nanos[i] * buckets / max);
            bins[bin]++;
        }
        return bins;
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return copy;
    }
}
