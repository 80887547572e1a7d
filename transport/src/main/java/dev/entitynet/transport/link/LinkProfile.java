package dev.entitynet.transport.link;

import java.util.concurrent.TimeUnit;

/**
 * What one direction of a simulated link does to the datagrams that cross it. Immutable; build one
 * with {@link #perfect()} and the {@code with*} methods.
 *
 * @param latencyNanos one-way delay every datagram gets
 * @param jitterNanos extra delay drawn uniformly from {@code [0, jitterNanos]} per datagram
 * @param lossRate probability that an unreliable datagram is lost (a reliable one is retransmitted)
 * @param duplicateRate probability that an unreliable datagram arrives twice
 * @param reorderRate probability that an unreliable datagram is held back so later ones overtake it
 * @param bandwidthBytesPerSecond serialization rate of the link, 0 for unlimited
 * @param maxQueueNanos how far behind the bandwidth cap may fall before unreliable datagrams are
 *     dropped (the router's buffer)
 */
public record LinkProfile(long latencyNanos, long jitterNanos, double lossRate, double duplicateRate,
                          double reorderRate, long bandwidthBytesPerSecond, long maxQueueNanos) {

    private static final LinkProfile PERFECT = new LinkProfile(0, 0, 0, 0, 0, 0, TimeUnit.SECONDS.toNanos(1));

    /** Validates the values; the message names the field to fix. */
    public LinkProfile {
        requireNonNegative("latencyNanos", latencyNanos);
        requireNonNegative("jitterNanos", jitterNanos);
        requireNonNegative("bandwidthBytesPerSecond", bandwidthBytesPerSecond);
        requireNonNegative("maxQueueNanos", maxQueueNanos);
        requireRate("lossRate", lossRate, 0.95);
        requireRate("duplicateRate", duplicateRate, 1.0);
        requireRate("reorderRate", reorderRate, 1.0);
    }

    /** No delay, no loss, no cap. */
    public static LinkProfile perfect() {
        return PERFECT;
    }

    /** This profile with a one-way latency and jitter in milliseconds. */
    public LinkProfile withLatencyMillis(long latencyMillis, long jitterMillis) {
        return new LinkProfile(TimeUnit.MILLISECONDS.toNanos(latencyMillis), TimeUnit.MILLISECONDS.toNanos(jitterMillis),
                lossRate, duplicateRate, reorderRate, bandwidthBytesPerSecond, maxQueueNanos);
    }

    /** This profile with a loss probability (at most 0.95, so reliable delivery still ends). */
    public LinkProfile withLoss(double rate) {
        return new LinkProfile(latencyNanos, jitterNanos, rate, duplicateRate, reorderRate, bandwidthBytesPerSecond, maxQueueNanos);
    }

    /** This profile with a duplication probability. */
    public LinkProfile withDuplication(double rate) {
        return new LinkProfile(latencyNanos, jitterNanos, lossRate, rate, reorderRate, bandwidthBytesPerSecond, maxQueueNanos);
    }

    /** This profile with a reordering probability. */
    public LinkProfile withReordering(double rate) {
        return new LinkProfile(latencyNanos, jitterNanos, lossRate, duplicateRate, rate, bandwidthBytesPerSecond, maxQueueNanos);
    }

    /** This profile with a bandwidth cap in bytes per second (0 = none) and a queue of {@code maxQueueMillis}. */
    public LinkProfile withBandwidth(long bytesPerSecond, long maxQueueMillis) {
        return new LinkProfile(latencyNanos, jitterNanos, lossRate, duplicateRate, reorderRate, bytesPerSecond,
                TimeUnit.MILLISECONDS.toNanos(maxQueueMillis));
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    private static void requireRate(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", got " + value);
        }
    }
}
