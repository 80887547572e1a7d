package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

class LateJoinTest {
    static final String BOX = "Box";

    /** Boxes are spawned by the top spawner and carry their own spawner of balls: nested spawns. */
    private static void withBoxes(ReplicationCluster.Node n) {
        n.spawnerComponent().addSpawnable(BOX);
        var config = ReplicationCluster.ballConfig();
        n.replication.registerPrefab(BOX, (w, e) -> {
            w.edit(e).create(Ball.class);
            w.edit(e).create(Synchronizer.class).config = config;
            Spawner inner = w.edit(e).create(Spawner.class).addSpawnable(ReplicationCluster.BALL);
            inner.listener = n.spawnerComponent().listener;
        });
    }

    @Test
    void lateJoinerGetsEveryLiveSpawnParentsFirstInCreationOrder() {
        try (ReplicationCluster c = new ReplicationCluster(7, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), LateJoinTest::withBoxes)) {
            c.connect();
            var spawners = c.server.replication.spawners();
            IntArrayList live = new IntArrayList();
            IntArrayList boxes = new IntArrayList();
            for (int i = 0; i < 4; i++) {
                int box = spawners.instantiate(c.server.spawner, BOX, "box" + i);
                boxes.add(box);
                live.add(box);
                c.server.ball(box).hp = i;
            }
            c.tick();
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < 3; k++) {
                    int ball = spawners.instantiate(boxes.getInt(i), ReplicationCluster.BALL, "ball" + k);
                    c.server.ball(ball).x = i * 10 + k;
                    live.add(ball);
                }
            }
            c.tick();
            // free some in the middle (Godot #91342: replay order broke after frees)
            int firstBall = boxes.size();
            c.server.world.delete(live.removeInt(firstBall + 4));
            c.server.world.delete(live.removeInt(firstBall + 6));
            // deleting a box deletes the spawns below it, like freeing a node frees its subtree
            c.server.world.delete(boxes.getInt(3));
            live.removeInt(live.size() - 1);
            live.removeInt(live.size() - 1);
            live.removeInt(live.size() - 1);
            live.rem(boxes.getInt(3));
            c.ticks(3);
            ReplicationCluster.Node late = c.addClient();
            c.connect();
            c.ticks(3);
            Convergence.assertReplicasEqual(c.server, late, live, "late joiner");
            assertEquals(live.size(), late.spawnedOrder.size(), late.replication.stats() + " / server " + c.server.replication.stats());
            int previous = 0;
            for (int i = 0; i < late.spawnedOrder.size(); i++) {
                int netId = late.netIdOf(late.spawnedOrder.getInt(i));
                assertTrue(netId > previous, "spawns arrive in creation order: " + netId + " after " + previous);
                previous = netId;
            }
            assertEquals(0, late.replication.stats().droppedTotal(), late.replication.stats().toString());
            for (int i = 0; i < late.spawnedOrder.size(); i++) {
                int e = late.spawnedOrder.getInt(i);
                assertTrue(late.paths.pathOf(e).contains("box"), late.paths.pathOf(e));
            }
        }
    }
}
