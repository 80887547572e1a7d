package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.sync.Synchronizer;

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

    @Test
    void nonRecursiveAuthorityLeavesChildrenAndRecursiveHandsThemOver() {
        ReplicationConfig config = ReplicationCluster.ballConfig();
        try (ReplicationCluster c = new ReplicationCluster(12, 1, LinkProfile.perfect(), config, null)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            int ship = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "ship");
            c.ticks(3);
            int replica = a.replicaOf(1, c.server.netIdOf(ship));
            // a child every peer builds itself, synchronized by path
            int serverTurret = turret(c.server, ship, config);
            int clientTurret = turret(a, replica, config);
            c.ticks(3);

            c.server.replication.setAuthority(ship, a.id(), false);
            a.replication.setAuthority(replica, a.id(), false);
            assertEquals(1, c.server.authorities.authorityOf(serverTurret), "the child keeps its own authority");
            assertEquals(1, a.authorities.authorityOf(clientTurret));
            a.ball(replica).x = 11;
            c.server.ball(serverTurret).x = 22;
            a.ball(clientTurret).x = -1; // not the child's authority: nobody takes this
            c.ticks(3);
            assertEquals(11f, c.server.ball(ship).x, "the parent's new authority replicates it");
            assertEquals(22f, a.ball(clientTurret).x, "the server still replicates the child");
            assertEquals(22f, c.server.ball(serverTurret).x);

            c.server.replication.setAuthority(ship, a.id(), true);
            a.replication.setAuthority(replica, a.id(), true);
            assertEquals(a.id(), c.server.authorities.authorityOf(serverTurret));
            a.ball(clientTurret).x = 33;
            c.ticks(3);
            assertEquals(33f, c.server.ball(serverTurret).x, "recursive: the child's updates now come from the client");
        }
    }

    private static int turret(ReplicationCluster.Node n, int parent, ReplicationConfig config) {
        int e = n.world.create();
        n.world.edit(e).create(Ball.class);
        n.world.edit(e).create(Synchronizer.class).config = config;
        n.paths.setName(e, "turret", parent);
        return e;
    }
}
