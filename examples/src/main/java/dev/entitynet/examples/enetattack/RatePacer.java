package dev.entitynet.examples.enetattack;

import java.util.concurrent.locks.LockSupport;

/**
 * Spreads events at a fixed rate: {@link #due()} says how many are owed now. A sender that falls
 * more than 10 ms behind is forgiven the backlog instead of bursting to catch up.
 */
public final class RatePacer {
    private final double perNano;
    private final long maxBacklog;
    private long origin;
    private long issued;

    /** A pacer for {@code perSecond} events per second, starting now. */
    public RatePacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + perSecond);
        }
        this.perNano = perSecond / 1e9;
        this.maxBacklog = Math.max(1, (long) (perSecond / 100));
        this.origin = System.nanoTime();
    }

    /** Events owed now; the caller performs them (they count as issued). */
    public int due() {
        long owed = (long) ((System.nanoTime() - origin) * perNano) - issued;
        if (owed > maxBacklog) {
            issued += owed - maxBacklog;
            owed = maxBacklog;
        }
        if (owed <= 0) {
            return 0;
        }
        issued += owed;
        return (int) owed;
    }

    /** Sleeps until at least one event is owed (at most 1 ms, so callers stay responsive). */
    public void pause() {
        long next = origin + (long) Math.ceil((issued + 1) / perNano);
        long wait = Math.min(1_000_000L, next - System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
