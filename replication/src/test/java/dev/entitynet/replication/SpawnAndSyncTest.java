package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

class SpawnAndSyncTest {

    @Test
    void spawnCarriesStateAndChangesFollow() {
        try (ReplicationCluster c = new ReplicationCluster(1, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b1");
            Ball b = c.server.ball(e);
            b.x = 1;
            b.hp = 7;
            b.label = "hello";
            c.ticks(5);
            int netId = c.server.netIdOf(e);
            for (ReplicationCluster.Node n : c.clients) {
                int r = n.replicaOf(1, netId);
                assertTrue(r >= 0, "client " + n.id() + " has the spawn; stats " + n.replication.stats());
                assertEquals(1f, n.ball(r).x);
                assertEquals(7, n.ball(r).hp);
                assertEquals("hello", n.ball(r).label);
                assertEquals("Spawner/b1", n.paths.pathOf(r).replaceFirst("^/", ""));
            }
            b.x = 5;
            b.hp = 9;
            b.label = "bye";
            c.ticks(5);
            for (ReplicationCluster.Node n : c.clients) {
                int r = n.replicaOf(1, netId);
                assertEquals(5f, n.ball(r).x);
                assertEquals(9, n.ball(r).hp);
                assertEquals("bye", n.ball(r).label);
                assertEquals(0, n.replication.stats().droppedTotal(), n.replication.stats().toString());
            }
            c.server.world.delete(e);
            c.ticks(5);
            for (ReplicationCluster.Node n : c.clients) {
                assertEquals(-1, n.replicaOf(1, netId));
                assertEquals(1, n.despawned.size());
            }
        }
    }
}
