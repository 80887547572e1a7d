package dev.entitynet.replication.spawn;

import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.wire.DespawnMessage;
import dev.entitynet.replication.wire.SpawnMessage;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Sends SPAWN and DESPAWN packets of tracked spawns: a bounded amount of work and bytes per peer
 * and change (the spawn carries the entity's current spawn state, encoded fresh).
 */
final class SpawnSender implements AutoCloseable {
    private final ReplicationHost host;
    private final SpawnState state;
    private final ReplicationStats stats;
    private final SpawnerPaths spawnerPaths;
    private final Bytes<Void> packet = Bytes.allocateElasticDirect(256);
    private final Bytes<Void> stateBytes = Bytes.allocateElasticDirect(256);

    SpawnSender(ReplicationHost host, EntityPaths paths, SpawnState state, ReplicationStats stats) {
        this.host = host;
        this.state = state;
        this.stats = stats;
        this.spawnerPaths = new SpawnerPaths(host, paths);
    }

    /** Sends {@code t}'s SPAWN to {@code peer}; counted when the transport took it. */
    SendResult spawn(TrackedSpawn t, int peer, int slot) {
        int cacheId = spawnerPaths.cacheIdFor(t.spawner, peer, slot);
        stateBytes.clear();
        state.write(t.entity, stateBytes);
        SpawnMessage.encode(packet, cacheId, t.netId, t.prefabIndex, t.name, t.customData, stateBytes);
        SendResult result = host.sendPacket(peer, TransferMode.RELIABLE, 0, packet);
        if (result == SendResult.SENT) {
            stats.increment(Counter.SPAWNS_SENT);
        }
        return result;
    }

    /** Sends the DESPAWN of {@code netId} to {@code peer}; counted when the transport took it. */
    SendResult despawn(int netId, int peer) {
        DespawnMessage.encode(packet, netId);
        SendResult result = host.sendPacket(peer, TransferMode.RELIABLE, 0, packet);
        if (result == SendResult.SENT) {
            stats.increment(Counter.DESPAWNS_SENT);
        }
        return result;
    }

    void peerRemoved(int slot) {
        spawnerPaths.forget(slot);
    }

    void reset() {
        spawnerPaths.clear();
    }

    @Override
    public void close() {
        packet.releaseLast();
        stateBytes.releaseLast();
    }
}
