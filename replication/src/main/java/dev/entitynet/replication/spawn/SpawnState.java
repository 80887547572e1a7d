package dev.entitynet.replication.spawn;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/** What the spawner needs from the synchronizers: the spawn state of an entity, both ways. */
public interface SpawnState {
    /** Appends the spawn state of {@code entity} (nothing when it has no synchronizer this peer is the authority of). */
    void write(int entity, Bytes<?> out);

    /**
     * Validates and applies a received spawn state of {@code length} bytes at {@code offset}.
     *
     * @return false (and nothing applied) when it does not match the entity's synchronizer config
     */
    boolean apply(int entity, BytesStore<?, ?> in, long offset, long length);

    /** {@code entity} got its network identity (spawned here or received): start sending if this peer is its authority. */
    void identified(int entity);

    /** {@code entity} lost its network identity (despawned or deleted). */
    void forgotten(int entity);
}
