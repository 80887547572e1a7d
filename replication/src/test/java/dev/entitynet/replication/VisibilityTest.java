package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void visibilityDrivesSpawnAndDespawnPerPeer() {
        try (ReplicationCluster c = new ReplicationCluster(3, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "ball");
            IntArrayList changes = new IntArrayList();
            Synchronizer sync = c.server.world.getMapper(Synchronizer.class).get(e);
            c.ticks(2);
            int netId = c.server.netIdOf(e);
            sync.visibilityListener = (entity, peer, visible) -> changes.add(visible ? peer : -peer);
            assertTrue(a.replicaOf(1, netId) >= 0 && b.replicaOf(1, netId) >= 0);

            c.server.replication.setVisibilityFor(e, 0, false);
            c.ticks(2);
            assertEquals(-1, a.replicaOf(1, netId));
            assertEquals(-1, b.replicaOf(1, netId));
            assertFalse(c.server.replication.isVisibleTo(e, a.id()), "RPCs are filtered too");
            assertEquals(2, changes.size());

            c.server.ball(e).x = 42;
            c.server.ball(e).label = "only-a";
            c.server.replication.setVisibilityFor(e, a.id(), true);
            c.ticks(2);
            int ra = a.replicaOf(1, netId);
            assertTrue(ra >= 0, "visible again to a");
            assertEquals(42f, a.ball(ra).x);
            assertEquals("only-a", a.ball(ra).label, "the respawn carries ON_CHANGE values too");
            assertEquals(-1, b.replicaOf(1, netId));

            // a filter hides from a; the public flag brings b back
            c.server.replication.addVisibilityFilter(e, (entity, peer) -> peer != a.id());
            c.server.replication.setVisibilityFor(e, 0, true);
            c.ticks(2);
            assertEquals(-1, a.replicaOf(1, netId));
            assertTrue(b.replicaOf(1, netId) >= 0);
            assertEquals(0, a.replication.stats().droppedTotal() + b.replication.stats().droppedTotal());
        }
    }
}
