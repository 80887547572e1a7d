package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntList;

/** Assertions that clients' replicas equal the server's state. */
final class Convergence {
    private Convergence() {
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
