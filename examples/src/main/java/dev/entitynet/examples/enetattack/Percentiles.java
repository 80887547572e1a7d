package dev.entitynet.examples.enetattack;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of samples.
 *
 * @param count samples
 * @param p50 median, 0 without samples
 * @param p99 99th percentile, 0 without samples
 * @param max largest sample, 0 without samples
 */
public record Percentiles(int count, long p50, long p99, long max) {
    /** The percentiles of {@code samples} (not modified). */
    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            return new Percentiles(0, 0, 0, 0);
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
