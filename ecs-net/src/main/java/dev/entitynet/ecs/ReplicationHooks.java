package dev.entitynet.ecs;

import net.openhft.chronicle.bytes.Bytes;

/**
 * What {@link SceneMultiplayer} needs from the replication layer (Godot's
 * SceneReplicationInterface), installed with {@link SceneMultiplayer#replication}. Called on the
 * world's thread: the receive methods during the poll at the start of a tick, {@link #networkProcess}
 * at its end. Packets are handed over with {@code readPosition} at the byte after the command byte;
 * they are views valid only during the call. Anything malformed is dropped and counted by the hooks.
 */
public interface ReplicationHooks {
    /** {@code peerId} was admitted (after authentication). */
    void peerAdded(int peerId);

    /** {@code peerId} left or was removed. */
    void peerRemoved(int peerId);

    /** A SPAWN packet arrived from {@code senderId}. */
    void spawnReceived(int senderId, Bytes<?> packet);

    /** A DESPAWN packet arrived from {@code senderId}. */
    void despawnReceived(int senderId, Bytes<?> packet);

    /** A SYNC packet arrived; {@code delta} is the command byte's DELTA flag. */
    void syncReceived(int senderId, Bytes<?> packet, boolean delta);

    /** End of a tick: gather, encode and send. */
    void networkProcess();

    /** Whether RPCs about {@code entity} may go to {@code peerId} (Godot's synchronizer visibility). */
    boolean isVisibleTo(int entity, int peerId);

    /** Forget all replication state ({@link SceneMultiplayer#clear}, lost server, new peer). */
    void reset();
}
