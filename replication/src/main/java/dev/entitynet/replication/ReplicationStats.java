package dev.entitynet.replication;

/**
 * Counters of one {@link SceneReplication}: what was sent and applied, and what was dropped and why.
 * Every dropped packet or record lands in exactly one {@code DROPPED_*} counter.
 */
public final class ReplicationStats {
    /** What is counted. */
    public enum Counter {
        /** SPAWN packets sent. */
        SPAWNS_SENT(false),
        /** DESPAWN packets sent. */
        DESPAWNS_SENT(false),
        /** Spawns received and applied. */
        SPAWNS_APPLIED(false),
        /** Despawns received and applied. */
        DESPAWNS_APPLIED(false),
        /** ALWAYS records applied. */
        SYNC_RECORDS_APPLIED(false),
        /** ON_CHANGE records applied. */
        DELTA_RECORDS_APPLIED(false),
        /** Synchronizers encoded and compared by the snapshot engine (component diffs). */
        SYNCHRONIZERS_COMPARED(false),
        /**
         * Spawns and despawns put off to a later tick: past the per-peer spawn budget of a tick, or
         * refused by the transport (back-pressure). Nothing is lost; a burst is spread over ticks.
         */
        SPAWNS_DEFERRED(false),
        /** Interest management: placed entities that moved into another cell. */
        CELL_CROSSINGS(false),
        /** Interest management: cells a viewpoint started seeing. */
        CELLS_GAINED(false),
        /** Interest management: cells a viewpoint stopped seeing. */
        CELLS_LOST(false),
        /** Interest management: entities placed in an edge cell from a position outside the grid's box. */
        OUT_OF_BOUNDS(false),
        /** Snapshot packets sent (delta-coded against acknowledged baselines). */
        SNAPSHOTS_SENT(false),
        /** Entities carried by the snapshots sent (once per snapshot carrying one). */
        SNAPSHOT_ENTRIES_SENT(false),
        /** Snapshots the transport refused (back-pressure, closed): nothing codes against them. */
        SNAPSHOTS_REFUSED(false),
        /** Snapshots received, decoded and stored. */
        SNAPSHOTS_APPLIED(false),
        /** Entities whose values a received snapshot set. */
        SNAPSHOT_ENTRIES_APPLIED(false),
        /** Truncated, oversized or otherwise malformed packets or records. */
        DROPPED_MALFORMED(true),
        /** Spawns, despawns and records from a peer that is not the authority. */
        DROPPED_UNAUTHORIZED(true),
        /** Spawns, despawns or records naming an unknown spawner or net id. */
        DROPPED_UNKNOWN_ID(true),
        /** Spawns of an unknown prefab, or custom spawns without a spawn function. */
        DROPPED_UNKNOWN_PREFAB(true),
        /** Spawns beyond the spawner's limit. */
        DROPPED_SPAWN_LIMIT(true),
        /** Unreliable packets or records older than what was applied, and duplicates. */
        DROPPED_STALE(true),
        /** Spawns reusing a live net id or an existing name. */
        DROPPED_DUPLICATE(true),
        /** Snapshots coded against a baseline this side does not hold. */
        DROPPED_NO_BASELINE(true),
        /** Snapshot acknowledgements naming snapshots never sent or no longer kept. */
        DROPPED_BAD_ACK(true),
        /** Snapshots with an entity of a config this side does not know. */
        DROPPED_UNKNOWN_SCHEMA(true);

        private final boolean drop;

        Counter(boolean drop) {
            this.drop = drop;
        }

        /** Whether this counts dropped input. */
        public boolean isDrop() {
            return drop;
        }
    }

    private static final Counter[] COUNTERS = Counter.values();
    private final long[] values = new long[COUNTERS.length];

    /** Adds one to {@code counter} (for the replication systems). */
    public void increment(Counter counter) {
        values[counter.ordinal()]++;
    }

    /** Adds {@code n} to {@code counter} (for the replication systems). */
    public void add(Counter counter, long n) {
        values[counter.ordinal()] += n;
    }

    /** The value of {@code counter}. */
    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    /** Sum of all drop counters. */
    public long droppedTotal() {
        long sum = 0;
        for (Counter c : COUNTERS) {
            if (c.isDrop()) {
                sum += values[c.ordinal()];
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ReplicationStats{");
        for (Counter c : COUNTERS) {
            if (values[c.ordinal()] != 0) {
                s.append(c.name().toLowerCase()).append('=').append(values[c.ordinal()]).append(' ');
            }
        }
        return s.append('}').toString();
    }
}
