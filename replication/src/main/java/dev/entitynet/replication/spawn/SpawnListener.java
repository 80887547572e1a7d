package dev.entitynet.replication.spawn;

/** Godot's {@code spawned} / {@code despawned} signals, fired on receivers only. */
public interface SpawnListener {
    /** {@code entity} was spawned by {@code spawner}, its spawn state already applied. */
    void spawned(int spawner, int entity);

    /**
     * {@code entity} is about to be deleted: its authority despawned it, the peer that spawned it
     * left, or this side's session ended (peer closed or connection lost). Godot frees replicas in
     * the last two cases without the signal; we fire it so cleanup runs in one place.
     */
    void despawned(int spawner, int entity);
}
