package dev.entitynet.replication.interpolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.transport.clock.ManualClock;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The clock against a simulated server: a snapshot every tick, stamped with the tick and delayed by
 * a base latency plus seeded one-sided jitter (so snapshots also reorder), round trips sampled
 * four times a second, the renderer reading every 1/60 s. Time is a manual clock.
 */
class ServerClockTest {
    private static final double TICK_SECONDS = 1 / 30.0;
    private static final long TICK_NANOS = Math.round(TICK_SECONDS * 1e9);
    private static final long MS = 1_000_000L;
    private static final long[] SEEDS = {1L, 42L, 0xC10CL, 0x5EED5L, -7L};

    /** Every reading of a run, with the true server tick at that moment. */
    private record Run(long seed, double[] shown, double[] truth, long[] at) {
    }

    /**
     * Simulates {@code seconds} of play: the server's tick {@code firstTick} starts when the client's
     * clock reads 1 s; one-way latency {@code baseMs} plus up to {@code jitterMs} each way.
     */
    private static Run simulate(long seed, int seconds, long firstTick, long baseMs, long jitterMs) {
        SplittableRandom random = new SplittableRandom(seed);
        ManualClock local = new ManualClock();
        ServerClock clock = new ServerClock(local, TICK_SECONDS);
        long serverStart = 1_000 * MS;
        int snapshots = (int) (seconds / TICK_SECONDS);
        long[] arrivals = new long[snapshots];
        for (int k = 0; k < snapshots; k++) {
            long delay = baseMs * MS + random.nextLong(jitterMs * MS + 1);
            // Low bits carry the index so sorting by arrival keeps which tick arrived.
            arrivals[k] = ((serverStart + k * TICK_NANOS + delay) << 20) | k;
        }
        Arrays.sort(arrivals);
        int frames = seconds * 60;
        double[] shown = new double[frames];
        double[] truth = new double[frames];
        long[] at = new long[frames];
        int next = 0;
        long now = 0;
        int frame = 0;
        long frameNanos = 1_000_000_000L / 60;
        long end = serverStart + (long) seconds * 1_000 * MS;
        while (now < end - frameNanos && frame < frames) {
            now += frameNanos;
            local.advance(frameNanos, TimeUnit.NANOSECONDS);
            while (next < snapshots && (arrivals[next] >>> 20) <= now) {
                clock.snapshotArrived(firstTick + (arrivals[next] & 0xFFFFF));
                next++;
            }
            if (frame % 15 == 0) {
                long rtt = 2 * baseMs * MS + random.nextLong(jitterMs * MS + 1) + random.nextLong(jitterMs * MS + 1);
                clock.roundTrip(rtt);
            }
            if (clock.synced()) {
                shown[frame] = clock.serverTick();
                truth[frame] = firstTick + (now - serverStart) / (double) TICK_NANOS;
                at[frame] = now;
                frame++;
            }
        }
        return new Run(seed, Arrays.copyOf(shown, frame), Arrays.copyOf(truth, frame), Arrays.copyOf(at, frame));
    }

    @Test
    void notSyncedUntilTheFirstSnapshot() {
        ManualClock local = new ManualClock(123);
        ServerClock clock = new ServerClock(local, TICK_SECONDS);
        assertFalse(clock.synced());
        assertEquals(0, clock.serverTick());
        clock.snapshotArrived(500);
        assertTrue(clock.synced());
        assertEquals(500, clock.serverTick(), 1e-9);
        local.advance(TICK_NANOS * 3, TimeUnit.NANOSECONDS);
        assertEquals(503, clock.serverTick(), 1e-6);
    }

    @Test
    void halfTheRoundTripIsAddedAsLatency() {
        ManualClock local = new ManualClock();
        ServerClock clock = new ServerClock(local, TICK_SECONDS);
        clock.snapshotArrived(100);
        clock.roundTrip(20 * TICK_NANOS); // 10 ticks one way: beyond the snap threshold
        assertEquals(110, clock.serverTick(), 1e-6);
        assertEquals(20 * TICK_NANOS, clock.smoothedRoundTripNanos(), 1e-3);
        clock.roundTrip(-5);
        assertEquals(20 * TICK_NANOS * 7 / 8.0, clock.smoothedRoundTripNanos(), 1e-3, "negative samples clamp to 0");
        clock.roundTrip(Long.MAX_VALUE);
        assertTrue(clock.smoothedRoundTripNanos() < ServerClock.MAX_RTT_NANOS);
    }

    @Test
    void estimateConvergesUnderJitter() {
        for (long seed : SEEDS) {
            Run run = simulate(seed, 30, 10_000, 40, 30);
            double worst = 0;
            for (int i = 0; i < run.shown.length; i++) {
                if (run.at[i] > 4_000 * MS) { // after 3 s of play
                    worst = Math.max(worst, Math.abs(run.shown[i] - run.truth[i]));
                }
            }
            // The estimate sits ahead by about the mean jitter (15 ms, under half a tick).
            assertTrue(worst < 1.0, "seed " + seed + ": worst error " + worst + " ticks");
        }
    }

    @Test
    void shownTickMovesForwardSmoothlyUnderJitter() {
        for (long seed : SEEDS) {
            Run run = simulate(seed, 30, 10_000, 40, 30);
            for (int i = 1; i < run.shown.length; i++) {
                double elapsed = (run.at[i] - run.at[i - 1]) / (double) TICK_NANOS;
                double step = run.shown[i] - run.shown[i - 1];
                assertTrue(step >= elapsed * (1 - ServerClock.SLEW) - 1e-6 && step <= elapsed * (1 + ServerClock.SLEW) + 1e-6,
                        "seed " + seed + ", reading " + i + ": moved " + step + " ticks in " + elapsed);
            }
        }
    }

    @Test
    void farOffEstimateSnaps() {
        ManualClock local = new ManualClock();
        ServerClock clock = new ServerClock(local, TICK_SECONDS);
        clock.snapshotArrived(100);
        assertEquals(100, clock.serverTick(), 1e-9);
        local.advance(TICK_NANOS, TimeUnit.NANOSECONDS);
        clock.snapshotArrived(95); // older: ignored
        assertEquals(101, clock.serverTick(), 1e-6);
        clock.snapshotArrived(110); // the server is 9 ticks ahead of what was shown
        assertEquals(110, clock.serverTick(), 1e-6);
        clock.snapshotArrived(112); // 2 ahead: slewed, at most 10% of the elapsed time
        local.advance(TICK_NANOS, TimeUnit.NANOSECONDS);
        assertEquals(111.1, clock.serverTick(), 1e-6);
    }

    @Test
    void rejectsABadTickLength() {
        ManualClock local = new ManualClock();
        assertThrows(IllegalArgumentException.class, () -> new ServerClock(local, 0));
        assertThrows(IllegalArgumentException.class, () -> new ServerClock(local, Double.NaN));
    }
}
