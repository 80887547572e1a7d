package dev.entitynet.replication.spawn;

/** Godot's {@code spawned} / {@code despawned} signals, fired on receivers only. */
public interface SpawnListener {
    /** {@code entity} was spawned by {@code spawner}, its spawn state already applied. */
    void spawned(int spawner, int entity);

    /** {@code entity} is about to be deleted because its authority despawned it. */
    void despawned(int spawner, int entity);
}
