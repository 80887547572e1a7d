package dev.entitynet.replication.interpolation;

import dev.entitynet.transport.clock.Clock;

/**
 * The client's estimate of the server's current tick, from the ticks stamped on arriving snapshots
 * and round-trip samples, read by the renderer as a smooth, forward-moving fractional tick.
 *
 * <p>A snapshot stamped with tick {@code s} that arrives at local time {@code t} says the server was
 * at tick {@code s} one one-way latency (taken as half the smoothed round trip) before {@code t}.
 * Network delay only ever adds to that latency, so the arrivals that say the most are the earliest
 * ones: the clock keeps the largest {@code stamp - localTicks} over the last {@value #WINDOW}
 * arrivals (a sliding minimum of {@code local - stamp}). Chosen over a smoothed average because an
 * average is pulled back by every late packet and so sits behind the truth by the mean queueing
 * delay, while the minimum is unbiased by one-sided jitter and still forgets old samples after the
 * window, following clock drift and route changes.
 *
 * <p>{@link #serverTick()} does not show that estimate directly: each call moves its previous
 * answer forward by the local time elapsed and then slews toward the estimate, by at most
 * {@value #SLEW} of the elapsed time, so the value runs between 0.9 and 1.1 times real speed and
 * never steps back. Only when the answer is more than {@value #SNAP_TICKS} ticks off the estimate
 * (the first sync, a long stall, a changed route) does it jump to it.
 *
 * <p>Single-threaded: call from the game thread only. Allocates nothing after construction.
 */
public final class ServerClock {
    /** Arrivals over which the earliest-arriving one sets the offset. */
    static final int WINDOW = 64;
    /** Largest correction, as a fraction of the local time elapsed between two readings. */
    static final double SLEW = 0.1;
    /** Error, in ticks, beyond which a reading jumps to the estimate instead of slewing. */
    static final double SNAP_TICKS = 4.0;
    /** Round-trip samples are clamped to this, in nanoseconds (10 s): longer is a broken link. */
    static final long MAX_RTT_NANOS = 10_000_000_000L;
    /** Gain of the round-trip smoothing (TCP's SRTT uses 1/8). */
    private static final double RTT_GAIN = 0.125;

    private final Clock clock;
    private final double tickNanos;
    /** {@code stamp - localTicks} of the last {@value #WINDOW} accepted arrivals, as a ring. */
    private final double[] offsets = new double[WINDOW];
    private int offsetCount;
    private int offsetNext;
    /** The largest entry of {@link #offsets}. */
    private double bestOffset;
    private long newestStamp = Long.MIN_VALUE;
    /** Local time of the first arrival: local ticks count from here, so doubles keep their precision. */
    private long originNanos;
    private boolean synced;
    private double smoothedRttNanos;
    private boolean rttSampled;
    private double shownTick;
    private long shownAtNanos;

    /**
     * @param clock where local time comes from
     * @param tickSeconds the server's tick length in seconds; must be positive
     */
    public ServerClock(Clock clock, double tickSeconds) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (!(tickSeconds > 0) || Double.isInfinite(tickSeconds)) {
            throw new IllegalArgumentException("tickSeconds must be a positive finite number of seconds, got " + tickSeconds);
        }
        this.clock = clock;
        this.tickNanos = tickSeconds * 1e9;
    }

    /**
     * A snapshot stamped with {@code serverTick} arrived now. Stamps not newer than the newest seen
     * are ignored: arriving later with an older stamp, they can only say less than that one did, so
     * it is fine to call this once per decoded record rather than once per snapshot.
     */
    public void snapshotArrived(long serverTick) {
        if (serverTick <= newestStamp) {
            return;
        }
        newestStamp = serverTick;
        long now = clock.nanoTime();
        if (!synced) {
            originNanos = now;
        }
        double offset = serverTick - localTicks(now);
        boolean full = offsetCount == WINDOW;
        if (!full) {
            offsetCount++;
        }
        double leaving = offsets[offsetNext];
        offsets[offsetNext] = offset;
        offsetNext = offsetNext + 1 == WINDOW ? 0 : offsetNext + 1;
        if (offsetCount == 1 || offset >= bestOffset) {
            bestOffset = offset;
        } else if (full && leaving == bestOffset) {
            bestOffset = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < WINDOW; i++) {
                bestOffset = Math.max(bestOffset, offsets[i]);
            }
        }
        if (!synced) {
            synced = true;
            shownTick = estimate(now);
            shownAtNanos = now;
        }
    }

    /**
     * A round-trip time sample, for example from the transport's ping. Clamped to
     * {@code [0, 10 s]} and smoothed as TCP's SRTT ({@code srtt += (rtt - srtt) / 8}); the first
     * sample is taken as is. Until one arrives the one-way latency is taken as zero.
     */
    public void roundTrip(long rttNanos) {
        long clamped = Math.max(0L, Math.min(MAX_RTT_NANOS, rttNanos));
        if (rttSampled) {
            smoothedRttNanos += (clamped - smoothedRttNanos) * RTT_GAIN;
        } else {
            smoothedRttNanos = clamped;
            rttSampled = true;
        }
    }

    /** The smoothed round-trip time in nanoseconds; 0 before the first {@link #roundTrip} sample. */
    public double smoothedRoundTripNanos() {
        return smoothedRttNanos;
    }

    /** Whether a snapshot has arrived, so {@link #serverTick()} means something. */
    public boolean synced() {
        return synced;
    }

    /**
     * The estimated current server tick, fractional, as the renderer should see it: moves forward
     * smoothly between calls (see the class comment); 0 until {@link #synced()}. Each call reads
     * the clock and updates the shown value, so call it once per frame.
     */
    public double serverTick() {
        if (!synced) {
            return 0;
        }
        long now = clock.nanoTime();
        double elapsed = (now - shownAtNanos) / tickNanos;
        double predicted = shownTick + elapsed;
        double error = estimate(now) - predicted;
        if (Math.abs(error) > SNAP_TICKS) {
            shownTick = predicted + error;
        } else {
            double limit = elapsed * SLEW;
            shownTick = predicted + Math.max(-limit, Math.min(limit, error));
        }
        shownAtNanos = now;
        return shownTick;
    }

    /** The raw estimate at {@code now}: the earliest arrival's offset plus the one-way latency. */
    private double estimate(long now) {
        return localTicks(now) + bestOffset + smoothedRttNanos * 0.5 / tickNanos;
    }

    private double localTicks(long nanos) {
        return (nanos - originNanos) / tickNanos;
    }
}
