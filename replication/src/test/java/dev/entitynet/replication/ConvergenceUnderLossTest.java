package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvergenceUnderLossTest {

    @Test
    void replicasConvergeAfterTrafficStopsUnderLossAndReordering() {
        long seed = 20261123L;
        LinkProfile lossy = LinkProfile.perfect().withLatencyMillis(30, 20).withLoss(0.2).withReordering(0.2).withDuplication(0.05);
        try (ReplicationCluster c = new ReplicationCluster(seed, 3, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            for (ReplicationCluster.Node n : c.clients) {
                c.hub.linkProfile(n.multiplayer.peer(), lossy, lossy);
            }
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = new IntArrayList();
            int names = 0;
            for (int tick = 0; tick < 150; tick++) {
                if (live.size() < 200 && random.nextInt(3) == 0) {
                    for (int k = 0; k < 5; k++) {
                        live.add(c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + names++));
                    }
                }
                if (!live.isEmpty() && random.nextInt(10) == 0) {
                    c.server.world.delete(live.removeInt(random.nextInt(live.size())));
                }
                for (int k = 0; k < 20 && !live.isEmpty(); k++) {
                    Ball b = c.server.ball(live.getInt(random.nextInt(live.size())));
                    b.x = random.nextInt(1000);
                    b.y = (float) random.nextDouble();
                    b.hp = random.nextInt(5);
                    if (random.nextInt(4) == 0) {
                        b.label = "L" + random.nextInt(100);
                    }
                }
                c.tick();
            }
            c.ticks(400);
            for (ReplicationCluster.Node n : c.clients) {
                Convergence.assertReplicasEqual(c.server, n, live, "seed " + seed);
                assertTrue(n.replication.directory().size() == live.size(),
                        "seed " + seed + ": client " + n.id() + " has " + n.replication.directory().size() + " replicas, server " + live.size());
            }
        }
    }
}
