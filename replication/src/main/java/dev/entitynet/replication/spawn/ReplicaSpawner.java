package dev.entitynet.replication.spawn;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.World;
import com.artemis.utils.IntBag;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.wire.DespawnMessage;
import dev.entitynet.replication.wire.SpawnMessage;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The receiving side of spawning: validates SPAWN and DESPAWN packets and creates and deletes
 * replicas within the poll, before any other system sees them; deletes a leaving peer's replicas.
 */
final class ReplicaSpawner {
    private final World world;
    private final ReplicationHost host;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final PrefabRegistry prefabs;
    private final NetIdDirectory directory;
    private final SpawnState state;
    private final ReplicationStats stats;
    private final SpawnTracker tracker;
    private final ComponentMapper<Spawner> spawners;
    private final ComponentMapper<NetIdentity> identities;
    private final EntitySubscription identified;
    private final ReceivedNames receivedNames = new ReceivedNames();
    private final SpawnMessage spawn = new SpawnMessage();
    private final IntArrayList scratch = new IntArrayList();

    ReplicaSpawner(World world, ReplicationHost host, PrefabRegistry prefabs, NetIdDirectory directory, SpawnState state,
                   ReplicationStats stats, SpawnTracker tracker) {
        this.world = world;
        this.host = host;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.prefabs = prefabs;
        this.directory = directory;
        this.state = state;
        this.stats = stats;
        this.tracker = tracker;
        this.spawners = world.getMapper(Spawner.class);
        this.identities = world.getMapper(NetIdentity.class);
        this.identified = world.getAspectSubscriptionManager().get(Aspect.all(NetIdentity.class));
    }

    /** Validates and applies a SPAWN packet (read position after the command byte). */
    void spawnReceived(int sender, Bytes<?> in) {
        if (!spawn.wrap(in)) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int spawner = host.entityForCacheId(sender, spawn.spawnerCacheId());
        Spawner sp = spawner < 0 ? null : spawners.get(spawner);
        if (sp == null) {
            stats.increment(Counter.DROPPED_UNKNOWN_ID);
            return;
        }
        if (authorities.authorityOf(spawner) != sender) {
            stats.increment(Counter.DROPPED_UNAUTHORIZED);
            return;
        }
        int prefabIndex = spawn.prefabIndex();
        Prefab prefab = prefabIndex >= 0 && prefabIndex < sp.spawnable.size() ? prefabs.get(sp.spawnable.get(prefabIndex)) : null;
        if (prefabIndex >= 0 ? prefab == null : sp.spawnFunction == null || sp.spawnDataCodec == null) {
            stats.increment(Counter.DROPPED_UNKNOWN_PREFAB);
            return;
        }
        if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
            stats.increment(Counter.DROPPED_SPAWN_LIMIT);
            return;
        }
        String name = receivedNames.decode(in, spawn.nameAt(), spawn.nameLength());
        int parent = SpawnerIndex.spawnParentOf(spawner, sp);
        int netId = spawn.netId();
        if (!SpawnNames.valid(name) || directory.contains(sender, netId) || paths.child(parent, name) >= 0) {
            stats.increment(Counter.DROPPED_DUPLICATE);
            return;
        }
        int entity = prefabIndex >= 0 ? buildPrefab(prefab) : buildCustom(sp, in, spawn.dataAt(), spawn.dataLength());
        if (entity < 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        paths.setName(entity, name, parent);
        NetIdentity id = identities.create(entity);
        id.namespace = sender;
        id.netId = netId;
        id.spawner = spawner;
        if (spawn.stateLength() > 0 && !state.apply(entity, in, spawn.stateAt(), spawn.stateLength())) {
            world.delete(entity);
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        directory.put(sender, netId, entity);
        sp.live++;
        state.identified(entity);
        stats.increment(Counter.SPAWNS_APPLIED);
        if (sp.listener != null) {
            sp.listener.spawned(spawner, entity);
        }
    }

    /** Validates and applies a DESPAWN packet. */
    void despawnReceived(int sender, Bytes<?> in) {
        int netId = DespawnMessage.decode(in);
        if (netId < 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int entity = directory.entity(sender, netId);
        if (entity < 0) {
            stats.increment(Counter.DROPPED_UNKNOWN_ID);
            return;
        }
        despawn(entity);
        stats.increment(Counter.DESPAWNS_APPLIED);
    }

    /** Deletes the replicas {@code namespace} spawned here (every replica when negative), telling the spawners' listeners. */
    void deleteReplicasOf(int namespace) {
        IntBag all = identified.getEntities();
        scratch.clear();
        for (int i = 0; i < all.size(); i++) {
            int e = all.get(i);
            NetIdentity id = identities.get(e);
            if (tracker.get(e) == null && (namespace < 0 || id.namespace == namespace)
                    && directory.entity(id.namespace, id.netId) == e) {
                scratch.add(e);
            }
        }
        for (int i = 0; i < scratch.size(); i++) {
            despawn(scratch.getInt(i));
        }
    }

    private int buildPrefab(Prefab prefab) {
        int entity = world.create();
        prefab.build(world, entity);
        return entity;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int buildCustom(Spawner sp, Bytes<?> in, long dataAt, int dataLength) {
        long readPosition = in.readPosition();
        long readLimit = in.readLimit();
        Object data;
        try {
            in.readLimit(dataAt + dataLength);
            in.readPosition(dataAt);
            data = sp.spawnDataCodec.read(in);
            if (in.readRemaining() != 0) {
                return -1;
            }
        } catch (RuntimeException malformed) {
            return -1; // the user's codec rejected the bytes: counted by the caller
        } finally {
            in.readLimit(readLimit);
            in.readPosition(readPosition);
        }
        return ((SpawnFunction) sp.spawnFunction).spawn(world, data);
    }

    private void despawn(int entity) {
        NetIdentity id = identities.get(entity);
        Spawner sp = id.spawner >= 0 ? spawners.get(id.spawner) : null;
        if (sp != null && sp.listener != null) {
            sp.listener.despawned(id.spawner, entity);
        }
        if (sp != null) {
            sp.live--;
        }
        directory.remove(id.namespace, id.netId);
        state.forgotten(entity);
        // artemis deletes at the next flush; free the name now so a spawn later in this poll may reuse it (Godot #4432)
        paths.release(entity);
        world.delete(entity);
    }
}
