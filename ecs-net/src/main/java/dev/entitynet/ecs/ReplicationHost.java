package dev.entitynet.ecs;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.ints.IntList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * What the replication layer needs from its {@link SceneMultiplayer} (Godot's
 * SceneReplicationInterface talks to its multiplayer the same way): the engine's side of the
 * multiplayer (encoded packets, the path cache), kept off its public facade. Handed out by
 * {@link SceneMultiplayer#replication} to whoever installs the hooks, implemented there, not by
 * users. Use it only on the World's thread.
 */
public interface ReplicationHost {
    /** This side's peer id. */
    int uniqueId();

    /** The admitted peers, in admission order (a live read-only view). */
    IntList admittedPeers();

    /** Where the multiplayer takes its time from (round trips of snapshots are measured with it). */
    Clock clock();

    /** The network tick: incremented once per World process, at the start. */
    long tick();

    /** The root entity (-1 = the world's top level), or -2 while the root path resolves to nothing. */
    int rootEntity();

    /** Godot's {@code max_sync_packet_size}. */
    int maxSyncPacketSize();

    /** Godot's {@code max_delta_packet_size}. */
    int maxDeltaPacketSize();

    /**
     * Sends an encoded packet whose first byte is the command to {@code target} (0 = everyone
     * admitted, negative = everyone admitted but), relaying for clients; the readable bytes are sent
     * and not consumed.
     */
    SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet);

    /** This side's path-cache id for {@code entity}, announcing it to {@code peerId} the first time; -1 without a path under the root. */
    int pathCacheIdFor(int peerId, int entity);

    /** The entity {@code peerId}'s cache id names, or -1. */
    int entityForCacheId(int peerId, int cacheId);

    /** Whether {@code peerId} confirmed (CONFIRM_PATH) this side's cache id {@code cacheId}. */
    boolean isPathConfirmed(int peerId, int cacheId);
}
