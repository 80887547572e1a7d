package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.local.LocalHub;
import org.junit.jupiter.api.Test;

/** Godot's multi-API setup: a server and a client under different root paths of ONE World. */
class SharedWorldTest {

    @Test
    void aServerAndAClientShareOneWorldUnderDifferentRoots() {
        ManualClock clock = new ManualClock();
        LocalHub hub = new LocalHub(clock, 8);
        World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        EntityPaths paths = world.getSystem(EntityPaths.class);
        var config = ReplicationCluster.ballConfig();
        SceneReplication[] replications = new SceneReplication[2];
        int[] spawners = new int[2];
        SceneMultiplayer[] multiplayers = new SceneMultiplayer[2];
        String[] roots = {"server", "client"};
        for (int i = 0; i < 2; i++) {
            int root = world.create();
            paths.setName(root, roots[i], -1);
            spawners[i] = world.create();
            paths.setName(spawners[i], "Spawner", root);
            world.edit(spawners[i]).create(Spawner.class).addSpawnable("Ball");
            multiplayers[i] = new SceneMultiplayer(world, roots[i], clock);
            replications[i] = new SceneReplication(world, multiplayers[i], ChangeTracking.COMPARE_ALL);
            replications[i].registerPrefab("Ball", (w, e) -> {
                w.edit(e).create(Ball.class);
                w.edit(e).create(Synchronizer.class).config = config;
            });
        }
        multiplayers[0].multiplayerPeer(hub.createServer());
        multiplayers[1].multiplayerPeer(hub.createClient());
        try {
            for (int i = 0; i < 50 && multiplayers[0].peers().isEmpty(); i++) {
                clock.advanceMillis(16);
                world.process();
            }
            int e = replications[0].spawners().instantiate(spawners[0], "Ball", "b");
            world.getMapper(Ball.class).get(e).hp = 9;
            for (int i = 0; i < 5; i++) {
                clock.advanceMillis(16);
                world.process();
            }
            int replica = paths.resolve("client/Spawner/b");
            assertTrue(replica >= 0, replications[1].stats().toString());
            assertEquals(9, world.getMapper(Ball.class).get(replica).hp);
            assertEquals(1, replications[1].directory().size());
            assertEquals(0, replications[0].directory().size() - 1, "the server tracks only its own spawn");
            assertEquals(0, replications[1].stats().droppedTotal(), replications[1].stats().toString());
        } finally {
            replications[0].close();
            replications[1].close();
            world.dispose();
            hub.close();
        }
    }
}
