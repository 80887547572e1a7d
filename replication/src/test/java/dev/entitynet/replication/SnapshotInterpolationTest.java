package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.Component;
import dev.entitynet.transport.link.LinkProfile;
import org.junit.jupiter.api.Test;

/**
 * Snapshots feeding client interpolation end to end: the rendered value follows the server's
 * trajectory at the render tick, also across lost snapshots, and a teleport snaps.
 */
class SnapshotInterpolationTest {
    /** What the client renders from. */
    public static final class Rendered extends Component {
        public float x;
        public float y;
        public float z;
    }

    private static ReplicationCluster cluster(long seed, LinkProfile down) {
        ReplicationCluster c = new ReplicationCluster(seed, 1, LinkProfile.perfect(), SnapshotReplicationTest.quantizedBall(), null, true);
        ReplicationCluster.Node client = c.clients.get(0);
        client.replication.snapshots().interpolate(client.interpolation, c.config(), "Ball:position", Rendered.class, (r, v, o) -> {
            r.x = v[o];
            r.y = v[o + 1];
            r.z = v[o + 2];
        });
        c.connect();
        c.hub.linkProfile(client.multiplayer.peer(), LinkProfile.perfect(), down);
        return c;
    }

    /** The server's x at a fractional tick, from the x it had after each tick. */
    private static double truth(double[] xByTick, double tick) {
        int t = (int) Math.floor(tick);
        return xByTick[t] + (xByTick[t + 1] - xByTick[t]) * (tick - t);
    }

    @Test
    void rendersTheServersTrajectoryAtTheRenderTickAlsoAcrossLostSnapshots() {
        long seed = 4242L;
        try (ReplicationCluster c = cluster(seed, LinkProfile.perfect().withLoss(0.3).withLatencyMillis(20, 10))) {
            ReplicationCluster.Node client = c.clients.get(0);
            // 30% loss leaves gaps of several ticks past the newest sample; motion is linear, so
            // extrapolating across them is exact too
            client.interpolation.maxExtrapolationTicks(8);
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "mover");
            Ball ball = c.server.ball(e);
            ball.x = 100;
            double[] xByTick = new double[2000];
            double worst = 0;
            int compared = 0;
            for (int i = 0; i < 400; i++) {
                ball.x += 0.25f; // on the 1/64 grid: quantization is exact, so any error is interpolation's
                c.tick();
                xByTick[(int) c.server.multiplayer.tick()] = ball.x;
                int replica = client.replicaOf(1, c.server.netIdOf(e));
                if (i < 100 || replica < 0) {
                    continue;
                }
                double renderTick = client.interpolation.renderTick();
                assertTrue(renderTick < c.server.multiplayer.tick(), "render time runs behind the server");
                Rendered r = client.world.getMapper(Rendered.class).get(replica);
                worst = Math.max(worst, Math.abs(r.x - truth(xByTick, renderTick)));
                compared++;
            }
            assertTrue(compared > 250, "compared " + compared + " ticks");
            assertTrue(worst < 0.01, "seed " + seed + ": rendered x strayed " + worst + " units from the server's trajectory at the render tick");
        }
    }

    @Test
    void aTeleportSnapsInsteadOfSlidingAcross() {
        long seed = 7L;
        try (ReplicationCluster c = cluster(seed, LinkProfile.perfect())) {
            ReplicationCluster.Node client = c.clients.get(0);
            client.interpolation.snapDistance(50);
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "jumper");
            Ball ball = c.server.ball(e);
            ball.x = 100;
            c.ticks(40);
            int replica = client.replicaOf(1, c.server.netIdOf(e));
            Rendered r = client.world.getMapper(Rendered.class).get(replica);
            ball.x = 900;
            for (int i = 0; i < 40; i++) {
                c.tick();
                assertTrue(r.x <= 100.5f || r.x >= 899.5f, "rendered x " + r.x + " slid across the teleport");
            }
            assertTrue(r.x >= 899.5f, "the teleport arrived: " + r.x);
        }
    }
}
