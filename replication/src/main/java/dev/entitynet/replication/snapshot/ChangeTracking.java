package dev.entitynet.replication.snapshot;

/** How the snapshot engine finds changed values. */
public enum ChangeTracking {
    /**
     * Encode every synchronizer each tick and compare with the last encoding (long-wide). Catches
     * any mutation; costs one encode per entity per tick.
     */
    COMPARE_ALL,
    /**
     * Encode and compare only synchronizers marked with {@code markDirty} since the last tick;
     * clean entities cost one bit test per 64 entities. The caller must mark every mutation.
     */
    MARKED
}
