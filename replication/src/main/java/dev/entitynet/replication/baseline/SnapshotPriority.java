package dev.entitynet.replication.baseline;

/**
 * How much a changed entity matters to a peer when its snapshot is over budget: each tick an
 * entity waits, its weight is added to its priority, and the highest priorities go first, so a
 * heavier entity goes more often and every entity goes eventually. Called only for changed
 * entities of peers over budget, on the World's thread; must not allocate.
 */
@FunctionalInterface
public interface SnapshotPriority {
    /**
     * The weight of {@code entity} for {@code peerId} this tick: 1 is the default, larger goes more
     * often (near the peer's player, fast); values below 0.001 count as 0.001.
     */
    float weight(int entity, int peerId);
}
