package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntList;

/** Assertions that clients' replicas equal the server's state. */
final class Convergence {
    private Convergence() {
    }

    /**
     * {@code client} has a replica of exactly the entities of {@code serverEntities} the server says
     * it sees, with the server's values, and no other replica.
     */
    static void assertExactlyTheVisible(ReplicationCluster.Node server, ReplicationCluster.Node client, IntList serverEntities, String context) {
        assertReplicasEqual(server, client, serverEntities, context);
        int visible = 0;
        for (int i = 0; i < serverEntities.size(); i++) {
            visible += server.replication.isVisibleTo(serverEntities.getInt(i), client.id()) ? 1 : 0;
        }
        assertEquals(visible, client.replication.directory().size(), context + ": client " + client.id() + " holds "
                + client.replication.directory().size() + " replicas but sees " + visible + "; " + client.replication.stats());
        assertEquals(visible, server.replication.spawnsHeldBy(client.id()), context + ": the server's count of what client " + client.id() + " has");
    }

    /** Every entity in {@code serverEntities} that {@code client} may see has a replica equal to the server's. */
    static void assertReplicasEqual(ReplicationCluster.Node server, ReplicationCluster.Node client, IntList serverEntities, String context) {
        for (int i = 0; i < serverEntities.size(); i++) {
            int e = serverEntities.getInt(i);
            if (!server.replication.isVisibleTo(e, client.id())) {
                continue;
            }
            int netId = server.netIdOf(e);
            int r = client.replicaOf(1, netId);
            assertTrue(r >= 0, context + ": client " + client.id() + " lacks net id " + netId + "; " + client.replication.stats());
            Ball s = server.ball(e);
            Ball c = client.ball(r);
            String what = context + ": net id " + netId + " on client " + client.id();
            assertEquals(s.x, c.x, what);
            assertEquals(s.y, c.y, what);
            assertEquals(s.z, c.z, what);
            assertEquals(s.hp, c.hp, what);
            assertEquals(s.label, c.label, what);
        }
    }
}
