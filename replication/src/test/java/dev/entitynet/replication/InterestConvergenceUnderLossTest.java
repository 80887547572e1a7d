package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterestConvergenceUnderLossTest {

    @Test
    void everyClientHoldsExactlyItsInterestWithTheServersValuesAfterTrafficStops() {
        long seed = 20261207L;
        System.out.println("InterestConvergenceUnderLossTest seed " + seed);
        LinkProfile lossy = LinkProfile.perfect().withLatencyMillis(30, 20).withLoss(0.2).withReordering(0.2).withDuplication(0.05);
        try (ReplicationCluster c = new ReplicationCluster(seed, 4, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, CellGrid.plane(25, 0, 0, 1000, 1000));
            c.connect();
            for (ReplicationCluster.Node n : c.clients) {
                c.hub.linkProfile(n.multiplayer.peer(), lossy, lossy);
            }
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList eyes = new IntArrayList();
            for (ReplicationCluster.Node n : c.clients) {
                int eye = s.ball(random.nextFloat() * 1000, random.nextFloat() * 1000);
                eyes.add(eye);
                s.interest.addViewpoint(n.id(), eye, 120, 160);
            }
            IntArrayList movers = new IntArrayList();
            for (int i = 0; i < 600; i++) {
                movers.add(s.ball(random.nextFloat() * 1000, random.nextFloat() * 1000));
            }
            for (int tick = 0; tick < 300; tick++) {
                for (int k = 0; k < 60; k++) { // moves of up to two cells, some across cells
                    int e = movers.getInt(random.nextInt(movers.size()));
                    Ball b = c.server.ball(e);
                    s.moveTo(e, clamp(b.x + (random.nextFloat() - 0.5f) * 100), clamp(b.y + (random.nextFloat() - 0.5f) * 100));
                    b.hp = random.nextInt(10);
                    if (random.nextInt(5) == 0) {
                        b.label = "L" + random.nextInt(50);
                    }
                }
                for (int i = 0; i < eyes.size(); i++) { // viewpoints wander, and now and then jump
                    int eye = eyes.getInt(i);
                    Ball b = c.server.ball(eye);
                    boolean jump = random.nextInt(60) == 0;
                    s.moveTo(eye, jump ? random.nextFloat() * 1000 : clamp(b.x + (random.nextFloat() - 0.5f) * 40),
                            jump ? random.nextFloat() * 1000 : clamp(b.y + (random.nextFloat() - 0.5f) * 40));
                }
                if (random.nextInt(20) == 0) {
                    int victim = movers.removeInt(random.nextInt(movers.size()));
                    s.live.rem(victim);
                    c.server.world.delete(victim);
                }
                c.tick();
            }
            c.ticks(400); // traffic stops: reliable spawns, despawns and deltas get through, unreliable syncs land
            s.assertConverged("seed " + seed);
            for (ReplicationCluster.Node n : c.clients) {
                int held = c.server.replication.spawnsHeldBy(n.id());
                assertTrue(held > 0 && held < s.live.size(), "seed " + seed + ": client " + n.id() + " sees a neighbourhood: " + held);
                for (int i = 0; i < s.live.size(); i++) {
                    int e = s.live.getInt(i);
                    boolean visible = c.server.replication.isVisibleTo(e, n.id());
                    assertEquals(visible, s.interest.admits(e, n.id(), visible), "seed " + seed + ": interest decides alone without filters");
                    assertTrue(visible || !s.interest.admits(e, n.id(), false), "seed " + seed + ": whatever is in an entered cell is spawned");
                }
            }
        }
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(999, v));
    }
}
