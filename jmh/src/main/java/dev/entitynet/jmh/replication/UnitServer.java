package dev.entitynet.jmh.replication;

import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.EchoingClientsPeer;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.clock.ManualClock;

/**
 * The server the whole-tick benchmarks measure: an artemis World with SceneMultiplayer and
 * SceneReplication on a transport that only counts bytes, its clients admitted, and a "Units"
 * spawner of "Unit" prefabs (a {@link Transform} synchronized ON_CHANGE). Nothing is spawned yet.
 */
final class UnitServer implements AutoCloseable {
    final World world;
    final SceneMultiplayer multiplayer;
    final SceneReplication replication;
    final EchoingClientsPeer transport;
    final ComponentMapper<Transform> transforms;
    private final ManualClock clock = new ManualClock();
    private final int spawner;

    UnitServer(int peers, ChangeTracking tracking) {
        world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        multiplayer = new SceneMultiplayer(world, "", clock);
        transport = new EchoingClientsPeer(peers);
        multiplayer.multiplayerPeer(transport);
        replication = new SceneReplication(world, multiplayer, tracking);
        transforms = world.getMapper(Transform.class);
        ReplicationConfig config = Transform.onChangeConfig();
        replication.registerPrefab("Unit", (w, e) -> {
            w.edit(e).create(Transform.class);
            w.edit(e).create(Synchronizer.class).config = config;
        });
        spawner = world.create();
        world.getSystem(EntityPaths.class).setName(spawner, "Units", -1);
        world.edit(spawner).create(Spawner.class).addSpawnable("Unit");
        for (int i = 0; i < 10 && multiplayer.peers().size() < peers; i++) {
            tick();
        }
        if (multiplayer.peers().size() != peers) {
            throw new IllegalStateException("peers not admitted: " + multiplayer.peers());
        }
    }

    /** Spawns a unit named {@code name}. */
    int spawn(String name) {
        return replication.spawners().instantiate(spawner, "Unit", name);
    }

    /** One server tick, 16 ms after the last. */
    void tick() {
        clock.advanceMillis(16);
        world.process();
    }

    @Override
    public void close() {
        replication.close();
        world.dispose();
        transport.close();
    }
}
