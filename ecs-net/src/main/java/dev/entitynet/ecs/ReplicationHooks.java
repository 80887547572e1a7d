package dev.entitynet.ecs;

import dev.entitynet.transport.SendResult;
import net.openhft.chronicle.bytes.Bytes;

/**
 * What {@link SceneMultiplayer} needs from the replication layer (Godot's
 * SceneReplicationInterface), installed with {@link SceneMultiplayer#replication}. Called on the
 * world's thread: the receive methods during the poll at the start of a tick, {@link #networkProcess}
 * at its end. Packets are handed over with {@code readPosition} at the byte after the command byte;
 * they are views valid only during the call. Anything malformed is dropped and counted by the hooks.
 */
public interface ReplicationHooks {
    /**
     * {@code peerId} was admitted (after authentication): send it what it should have now (Godot
     * sends a newcomer every spawn before peer_connected is emitted, which happens right after this).
     */
    void peerAdded(int peerId);

    /** {@code peerId} left or was removed. */
    void peerRemoved(int peerId);

    /** A SPAWN packet arrived from {@code senderId}. */
    void spawnReceived(int senderId, Bytes<?> packet);

    /** A DESPAWN packet arrived from {@code senderId}. */
    void despawnReceived(int senderId, Bytes<?> packet);

    /** A SYNC packet arrived; {@code delta} is the command byte's DELTA flag. */
    void syncReceived(int senderId, Bytes<?> packet, boolean delta);

    /** A delta-coded snapshot ({@code SYNC} with {@code FLAG_SNAPSHOT}) arrived from {@code senderId}. */
    void snapshotReceived(int senderId, Bytes<?> packet);

    /** {@code senderId} acknowledged snapshots this side sent it ({@code SYNC} with {@code FLAG_SNAPSHOT_ACK}). */
    void snapshotAckReceived(int senderId, Bytes<?> packet);

    /** End of a tick: gather, encode and send. */
    void networkProcess();

    /**
     * What keeps a call about {@code entity} from {@code peerId}: {@link SendResult#SENT} when
     * nothing, else {@link SendResult#NOT_VISIBLE} (Godot's synchronizer visibility) or
     * {@link SendResult#NOT_SPAWNED} (the peer does not have the entity's spawn).
     */
    SendResult reach(int entity, int peerId);

    /**
     * A call about {@code entity} (-1: raw bytes, naming none) is about to be sent: send first what
     * is pending and would otherwise go out at the end of the tick (new spawns), so every peer gets
     * it before the call.
     */
    void flushSpawns(int entity);

    /** Forget all replication state ({@link SceneMultiplayer#clear}, lost server, new peer). */
    void reset();
}
