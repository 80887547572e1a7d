package dev.entitynet.replication.spawn;

import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import net.openhft.chronicle.bytes.Bytes;

/**
 * What the game does with spawners (Godot's MultiplayerSpawner methods), on the spawner's
 * authority: instantiate a registered prefab, run a custom spawn, and ask for a visibility update.
 * New spawns go to the peers that may see them at the end of the tick, or before the first call
 * sent about them earlier than that. Obtained from {@code SceneReplication.spawners()}.
 */
public final class SpawnerSystem {
    private final World world;
    private final ReplicationHost host;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final PrefabRegistry prefabs;
    private final SpawnerIndex spawnerIndex;
    private final SpawnTracker tracker;
    private final SpawnVisibility visibility;
    private final ComponentMapper<PrefabInstance> instances;
    private final Bytes<Void> custom = Bytes.allocateElasticDirect(256);

    SpawnerSystem(World world, ReplicationHost host, PrefabRegistry prefabs, SpawnerIndex spawnerIndex, SpawnTracker tracker,
                  SpawnVisibility visibility) {
        this.world = world;
        this.host = host;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.prefabs = prefabs;
        this.spawnerIndex = spawnerIndex;
        this.tracker = tracker;
        this.visibility = visibility;
        this.instances = world.getMapper(PrefabInstance.class);
    }

    /**
     * Creates an instance of a registered prefab as a child of {@code spawner}'s spawn parent,
     * named {@code name}; on the authority it is spawned on the peers at the end of the tick, or
     * before the first call sent about it earlier than that.
     *
     * @throws IllegalArgumentException when the spawner does not list the prefab or the name is taken
     * @throws IllegalStateException when the spawn limit is reached
     */
    public int instantiate(int spawner, String prefab, String name) {
        Spawner sp = spawnerIndex.require(spawner);
        int index = sp.spawnable.indexOf(prefab);
        Prefab builder = prefabs.get(prefab);
        if (index < 0 || builder == null) {
            throw new IllegalArgumentException("spawner " + paths.pathOf(spawner) + " cannot spawn prefab '" + prefab
                    + "': add it with spawner.addSpawnable(name) and register it with SceneReplication.registerPrefab");
        }
        checkLimit(spawner, sp);
        int parent = SpawnerIndex.spawnParentOf(spawner, sp);
        SpawnNames.check(paths, parent, name);
        int entity = world.create();
        builder.build(world, entity);
        instances.create(entity).prefab = prefab;
        paths.setName(entity, name, parent);
        tracker.trackNew(entity, spawner, index, name, null);
        return entity;
    }

    /**
     * Godot's {@code spawn(data)}: runs the spawner's custom spawn function on this peer (which must
     * be the spawner's authority), replicates the new entity with {@code data}, and returns it.
     *
     * @throws IllegalStateException when this peer is not the authority, there is no spawn function,
     *     or the limit is reached
     */
    @SuppressWarnings("unchecked")
    public <D> int spawn(int spawner, D data, String name) {
        Spawner sp = spawnerIndex.require(spawner);
        if (authorities.authorityOf(spawner) != host.uniqueId()) {
            throw new IllegalStateException("only the authority of spawner " + paths.pathOf(spawner) + " (peer "
                    + authorities.authorityOf(spawner) + ") may spawn; this is peer " + host.uniqueId());
        }
        if (sp.spawnFunction == null || sp.spawnDataCodec == null) {
            throw new IllegalStateException("spawner " + paths.pathOf(spawner) + " has no custom spawn function; set one with customSpawn(function, codec)");
        }
        checkLimit(spawner, sp);
        int parent = SpawnerIndex.spawnParentOf(spawner, sp);
        SpawnNames.check(paths, parent, name);
        custom.clear();
        ((SpawnDataCodec<D>) sp.spawnDataCodec).write(data, custom);
        byte[] encoded = custom.toByteArray();
        int entity = ((SpawnFunction<D>) sp.spawnFunction).spawn(world, data);
        paths.setName(entity, name, parent);
        tracker.trackNew(entity, spawner, -1, name, encoded);
        return entity;
    }

    /**
     * Re-evaluates visibility of a tracked entity at the end of the tick (Godot's
     * {@code update_visibility}), for every peer whose interest holds it (every peer without
     * interest management).
     */
    public void updateVisibility(int entity) {
        TrackedSpawn t = tracker.get(entity);
        if (t != null) {
            visibility.queueAll(t);
        }
    }

    private void checkLimit(int spawner, Spawner sp) {
        if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
            throw new IllegalStateException("spawner " + paths.pathOf(spawner) + " reached its spawn limit of " + sp.spawnLimit
                    + "; despawn something first or raise spawnLimit");
        }
    }

    void close() {
        custom.releaseLast();
    }
}
