package dev.entitynet.replication;

import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/** Interest management on a {@link ReplicationCluster}'s server: balls are placed by their x and y. */
final class InterestScene {
    final ReplicationCluster cluster;
    final InterestManagement interest;
    /** Every ball the server spawned and has not deleted. */
    final IntArrayList live = new IntArrayList();
    private int names;

    InterestScene(ReplicationCluster cluster, CellGrid grid) {
        this.cluster = cluster;
        this.interest = cluster.server.replication.enableInterest(grid,
                Locator.plane(cluster.server.world.getMapper(Ball.class), b -> b.x, b -> b.y));
    }

    /** Spawns a ball at (x, y) on the server. */
    int ball(float x, float y) {
        int e = cluster.server.replication.spawners().instantiate(cluster.server.spawner, ReplicationCluster.BALL, "b" + names++);
        moveTo(e, x, y);
        live.add(e);
        return e;
    }

    void moveTo(int entity, float x, float y) {
        Ball b = cluster.server.ball(entity);
        b.x = x;
        b.y = y;
    }

    /** Whether {@code client} has a replica of the server's {@code entity}. */
    boolean has(ReplicationCluster.Node client, int entity) {
        return client.replicaOf(1, cluster.server.netIdOf(entity)) >= 0;
    }

    /** Every client holds exactly what the server says it sees, with equal values. */
    void assertConverged(String context) {
        for (ReplicationCluster.Node n : cluster.clients) {
            Convergence.assertExactlyTheVisible(cluster.server, n, live, context);
        }
    }
}
