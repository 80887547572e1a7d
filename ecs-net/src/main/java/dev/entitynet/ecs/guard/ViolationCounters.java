package dev.entitynet.ecs.guard;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

/**
 * Dropped-packet counts per peer and reason, and totals that survive disconnects. Per-peer rows
 * are created at connect and removed at disconnect, so hostile ids cannot grow memory.
 */
public final class ViolationCounters {
    private final long[] totals = new long[Violation.count()];
    private final Int2ObjectOpenHashMap<long[]> perPeer = new Int2ObjectOpenHashMap<>();

    /** Starts counting for {@code peerId}. */
    public void track(int peerId) {
        perPeer.putIfAbsent(peerId, new long[Violation.count() + 1]);
    }

    /** Stops counting for {@code peerId} (its totals stay). */
    public void forget(int peerId) {
        perPeer.remove(peerId);
    }

    /**
     * Counts one violation.
     *
     * @return how many violations {@code peerId} has now, 0 if it is not tracked
     */
    public long record(int peerId, Violation violation) {
        totals[violation.ordinal()]++;
        long[] row = perPeer.get(peerId);
        if (row == null) {
            return 0;
        }
        row[violation.ordinal()]++;
        return ++row[Violation.count()];
    }

    /** Violations of one kind from a peer still tracked. */
    public long count(int peerId, Violation violation) {
        long[] row = perPeer.get(peerId);
        return row == null ? 0 : row[violation.ordinal()];
    }

    /** All violations from a peer still tracked. */
    public long count(int peerId) {
        long[] row = perPeer.get(peerId);
        return row == null ? 0 : row[Violation.count()];
    }

    /** Violations of one kind from anyone since creation or {@link #reset}. */
    public long total(Violation violation) {
        return totals[violation.ordinal()];
    }

    /** All violations since creation or {@link #reset}. */
    public long total() {
        long sum = 0;
        for (long t : totals) {
            sum += t;
        }
        return sum;
    }

    /** Zeroes the totals (per-peer rows stay with their peers). */
    public void reset() {
        java.util.Arrays.fill(totals, 0);
    }
}
