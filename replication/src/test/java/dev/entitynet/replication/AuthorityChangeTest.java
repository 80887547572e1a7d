package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

class AuthorityChangeTest {

    @Test
    void newAuthoritysUpdatesFlowAtOnceAndBack() {
        try (ReplicationCluster c = new ReplicationCluster(11, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "ship");
            c.ticks(3);
            int netId = c.server.netIdOf(e);
            int ra = a.replicaOf(1, netId);
            int rb = b.replicaOf(1, netId);
            // every peer assigns the same authority (Godot's rule), through the replication layer
            c.server.replication.setAuthority(e, a.id(), false);
            a.replication.setAuthority(ra, a.id(), false);
            b.replication.setAuthority(rb, a.id(), false);
            c.tick();
            a.ball(ra).x = 77;
            a.ball(ra).hp = 3;
            c.ticks(2);
            assertEquals(77f, c.server.ball(e).x, "server applies the client authority's ALWAYS update immediately");
            assertEquals(3, c.server.ball(e).hp);
            assertEquals(77f, b.ball(rb).x, "other clients get it through the relay");
            assertEquals(3, b.ball(rb).hp);

            c.server.replication.setAuthority(e, 1, false);
            a.replication.setAuthority(ra, 1, false);
            b.replication.setAuthority(rb, 1, false);
            c.tick();
            c.server.ball(e).x = 5;
            c.server.ball(e).hp = 8;
            c.ticks(2);
            assertEquals(5f, a.ball(ra).x);
            assertEquals(8, a.ball(ra).hp);
            assertEquals(5f, b.ball(rb).x);
            // only records the previous authority had in flight when the switch happened may be refused
            ReplicationStats stats = c.server.replication.stats();
            assertEquals(stats.get(ReplicationStats.Counter.DROPPED_UNAUTHORIZED), stats.droppedTotal(), stats.toString());
        }
    }
}
