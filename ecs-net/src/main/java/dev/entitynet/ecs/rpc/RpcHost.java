package dev.entitynet.ecs.rpc;

import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.IntList;
import net.openhft.chronicle.bytes.Bytes;

/** What the RPC layer needs from its {@code SceneMultiplayer}; implemented there, not by users. */
public interface RpcHost {
    /** This side's peer id. */
    int uniqueId();

    /** The admitted peers (read only). */
    IntList admittedPeers();

    /** What keeps a call about {@code entity} from {@code peerId} (replication): SENT when nothing does. */
    SendResult reach(int entity, int peerId);

    /** Sends what replication has pending (new spawns) before a call about {@code entity} goes out. */
    void flushSpawns(int entity);

    /** Whether the transport is closed or disconnected, so nothing can be sent. */
    boolean isClosed();

    /** The root entity (-1 = the world's top level), or -2 while the root path resolves to nothing. */
    int rootEntity();

    /** The world's path index. */
    EntityPaths paths();

    /** The world's authorities. */
    Authorities authorities();

    /** This side's cache id for {@code entity}, announcing it to {@code peerId} if needed. */
    int pathCacheIdFor(int peerId, int entity);

    /** This side's cache id for {@code entity}, without announcing. */
    int cacheIdOf(int entity);

    /** Whether {@code peerId} confirmed this side's {@code cacheId}. */
    boolean isPathConfirmed(int peerId, int cacheId);

    /** The entity {@code peerId}'s cache id names, or -1. */
    int entityForCacheId(int peerId, int cacheId);

    /** Sends an encoded packet, relaying for clients. */
    SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet);

    /** Whether object arguments decode. */
    boolean allowObjectDecoding();

    /** The largest argument block accepted, in bytes. */
    int maxArgumentBytes();
}
