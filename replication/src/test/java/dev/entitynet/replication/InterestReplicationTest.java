package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import dev.entitynet.replication.interest.Viewpoint;
import dev.entitynet.transport.link.LinkProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Spatial interest management end to end, over the local hub: a 400 x 400 world in cells of 10,
 * viewpoints entering cells within 40 of their anchor's cell and keeping those within 60.
 */
class InterestReplicationTest {
    private static final CellGrid GRID = CellGrid.plane(10, 0, 0, 400, 400);

    private static long spawnsApplied(ReplicationCluster.Node n) {
        return n.replication.stats().get(Counter.SPAWNS_APPLIED);
    }

    @Test
    void entitiesCrossingCellsAreSpawnedWhereTheyEnterAViewAndDespawnedWhereTheyLeaveIt() {
        try (ReplicationCluster c = new ReplicationCluster(11, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            int eyeA = s.ball(55, 55);
            int eyeB = s.ball(305, 305);
            int mover = s.ball(200, 200);
            s.interest.addViewpoint(a.id(), eyeA, 40, 60);
            s.interest.addViewpoint(b.id(), eyeB, 40, 60);
            c.ticks(3);
            assertTrue(s.has(a, eyeA) && !s.has(a, eyeB) && !s.has(a, mover));
            assertTrue(s.has(b, eyeB) && !s.has(b, eyeA) && !s.has(b, mover));
            s.assertConverged("nobody near the mover");

            s.moveTo(mover, 75, 60);
            c.server.ball(mover).hp = 7;
            c.ticks(3);
            assertTrue(s.has(a, mover) && !s.has(b, mover), "a's view took it in");
            s.assertConverged("the mover near a");

            s.moveTo(mover, 320, 290);
            c.ticks(3);
            assertTrue(!s.has(a, mover) && s.has(b, mover), "it left a's view and entered b's");
            s.assertConverged("the mover near b");
            assertEquals(0, a.replication.stats().droppedTotal() + b.replication.stats().droppedTotal());
            assertTrue(c.server.replication.stats().get(Counter.CELL_CROSSINGS) >= 2);
        }
    }

    @Test
    void anEntityHoveringOnTheEnterEdgeSpawnsOnceAndLeavesOnlyPastTheLeaveRadius() {
        try (ReplicationCluster c = new ReplicationCluster(12, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            int eye = s.ball(55, 55); // cell (5, 5): enters columns 0 to 10 (x < 110), keeps 0 to 12 (x < 130)
            int edge = s.ball(200, 55);
            s.interest.addViewpoint(a.id(), eye, 40, 60);
            c.ticks(3);
            long spawns = spawnsApplied(a);
            for (int i = 0; i < 10; i++) {
                s.moveTo(edge, i % 2 == 0 ? 105 : 115, 55); // across the enter edge, back and forth
                c.ticks(2);
                assertTrue(s.has(a, edge), "in view once entered, step " + i);
            }
            assertEquals(spawns + 1, spawnsApplied(a), "one spawn, no flicker");
            s.moveTo(edge, 135, 55);
            c.ticks(2);
            assertFalse(s.has(a, edge), "past the leave radius");
            for (int i = 0; i < 10; i++) {
                s.moveTo(edge, i % 2 == 0 ? 125 : 135, 55); // in and out of the keep band: never entered again
                c.ticks(2);
                assertFalse(s.has(a, edge), "step " + i);
            }
            assertEquals(spawns + 1, spawnsApplied(a));
            s.moveTo(edge, 105, 55);
            c.ticks(2);
            assertTrue(s.has(a, edge));
            s.assertConverged("back in view");
        }
    }

    @Test
    void viewpointsCrossingCellsBringTheirNeighbourhoodAlongWithoutFlickerOnAnEdge() {
        try (ReplicationCluster c = new ReplicationCluster(13, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            for (int x = 5; x < 400; x += 20) {
                for (int y = 5; y < 200; y += 20) {
                    s.ball(x, y);
                }
            }
            int eye = s.ball(55, 95);
            s.interest.addViewpoint(a.id(), eye, 40, 60);
            c.ticks(3);
            s.assertConverged("start");
            int seen = c.server.replication.spawnsHeldBy(a.id());
            assertTrue(seen > 10 && seen < s.live.size(), "a neighbourhood, not the world: " + seen);
            for (float x = 55; x < 350; x += 7) {
                s.moveTo(eye, x, 95);
                c.ticks(2);
                s.assertConverged("eye at " + x);
                for (int i = 0; i < s.live.size(); i++) {
                    int e = s.live.getInt(i);
                    boolean visible = c.server.replication.isVisibleTo(e, a.id());
                    assertTrue(!s.interest.admits(e, a.id(), false) || visible, "an entity in an entered cell is spawned");
                    assertTrue(!visible || s.interest.admits(e, a.id(), true), "a spawned entity is in a kept cell");
                }
            }
            long spawns = spawnsApplied(a);
            long despawns = a.replication.stats().get(Counter.DESPAWNS_APPLIED);
            s.moveTo(eye, 259, 99);
            c.ticks(2);
            s.moveTo(eye, 261, 101); // a diagonal crossing: leave 60 >= enter 40 + 10 x sqrt(2)
            c.ticks(2);
            spawns = spawnsApplied(a);
            despawns = a.replication.stats().get(Counter.DESPAWNS_APPLIED);
            for (int i = 0; i < 10; i++) {
                s.moveTo(eye, i % 2 == 0 ? 259 : 261, i % 2 == 0 ? 99 : 101);
                c.ticks(2);
            }
            assertEquals(spawns, spawnsApplied(a), "the anchor flipping across a corner spawns nothing more");
            assertEquals(despawns, a.replication.stats().get(Counter.DESPAWNS_APPLIED), "and despawns nothing");
            s.assertConverged("after flipping");
        }
    }

    @Test
    void filtersStillDecideInsideInterestAndAreAskedOnlyAboutPeersWhoseInterestHoldsTheEntity() {
        try (ReplicationCluster c = new ReplicationCluster(14, 3, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            ReplicationCluster.Node far = c.clients.get(2);
            int eyeA = s.ball(50, 50);
            int eyeB = s.ball(70, 50);
            int eyeFar = s.ball(350, 350);
            int shared = s.ball(60, 60);
            s.interest.addViewpoint(a.id(), eyeA, 40, 60);
            s.interest.addViewpoint(b.id(), eyeB, 40, 60);
            s.interest.addViewpoint(far.id(), eyeFar, 40, 60);
            c.ticks(3);
            assertTrue(s.has(a, shared) && s.has(b, shared) && !s.has(far, shared));
            int[] askedAboutFar = new int[1];
            int[] asked = new int[1];
            c.server.replication.addVisibilityFilter(shared, (entity, peer) -> {
                asked[0]++;
                askedAboutFar[0] += peer == far.id() ? 1 : 0;
                return peer != a.id();
            });
            c.ticks(5);
            assertFalse(s.has(a, shared), "the filter hides it from a");
            assertTrue(s.has(b, shared), "b still sees it");
            assertEquals(0, askedAboutFar[0], "a peer whose interest does not hold the entity is never asked about");
            assertTrue(asked[0] >= 5 * 2, "asked every tick about a and b: " + asked[0]);
            s.assertConverged("filtered");
            s.moveTo(eyeFar, 65, 65);
            c.ticks(3);
            assertTrue(s.has(far, shared), "far came near; the filter lets it see");
            assertTrue(askedAboutFar[0] > 0);
            s.assertConverged("far came near");
        }
    }

    @Test
    void aLateJoinerIntoAPopulatedGridGetsExactlyItsNeighbourhood() {
        long seed = 4242;
        System.out.println("late joiner seed " + seed);
        try (ReplicationCluster c = new ReplicationCluster(seed, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 400; i++) {
                int e = s.ball(random.nextFloat() * 400, random.nextFloat() * 400);
                c.server.ball(e).hp = i;
                c.server.ball(e).label = "L" + i;
            }
            s.interest.addViewpoint(c.clients.get(0).id(), s.live.getInt(0), 40, 60);
            c.ticks(5);
            ReplicationCluster.Node late = c.addClient();
            c.server.multiplayer.signals().peerConnected.connect(peer -> {
                if (peer == late.id()) {
                    s.interest.addViewpoint(peer, s.ball(300, 300), 40, 60);
                }
            });
            c.connect();
            c.ticks(3);
            s.assertConverged("seed " + seed + ": after the late join");
            int held = c.server.replication.spawnsHeldBy(late.id());
            assertTrue(held > 5 && held < 100, "its neighbourhood: " + held);
            assertEquals(0, late.replication.stats().droppedTotal(), late.replication.stats().toString());
        }
    }

    @Test
    void policyViewpointsSeeTheCellsTheyAnswerAndAreAskedAgainOnRefresh() {
        try (ReplicationCluster c = new ReplicationCluster(15, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            int eye = s.ball(5, 5);
            int roomOne = s.ball(105, 5);
            int roomTwo = s.ball(205, 5);
            int[] room = {10};
            Viewpoint vp = s.interest.addViewpoint(a.id(), eye, (grid, anchorCell, enter, keep) -> {
                enter.add(anchorCell);
                enter.add(grid.cell(room[0], 0, 0));
            });
            c.ticks(3);
            assertTrue(s.has(a, eye) && s.has(a, roomOne) && !s.has(a, roomTwo));
            room[0] = 20;
            c.ticks(2);
            assertTrue(s.has(a, roomOne), "not asked again until refreshed");
            s.interest.refresh(vp);
            c.ticks(2);
            assertTrue(!s.has(a, roomOne) && s.has(a, roomTwo));
            assertEquals(2, vp.cellsSeen());
            s.interest.removeViewpoint(vp);
            c.ticks(2);
            assertEquals(0, a.replication.directory().size(), "nothing seen without a viewpoint");
            s.assertConverged("removed");
        }
    }

    @Test
    void positionsOutsideTheGridAreClampedIntoItsEdgeCellsAndCounted() {
        try (ReplicationCluster c = new ReplicationCluster(16, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            int eye = s.ball(5, 395);
            int outside = s.ball(-500, 9000);
            s.interest.addViewpoint(a.id(), eye, 40, 60);
            c.ticks(3);
            assertEquals(GRID.cell(0, 39, 0), s.interest.cellOf(outside));
            assertTrue(s.has(a, outside), "clamped into the corner cell, not lost");
            assertEquals(1, c.server.replication.stats().get(Counter.OUT_OF_BOUNDS));
            s.assertConverged("outside");
        }
    }

    @Test
    void aViewpointEnteringACrowdIsSpawnedOverSeveralTicksWithinTheSpawnBudget() {
        try (ReplicationCluster c = new ReplicationCluster(19, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.server.replication.maxSpawnsPerPeerPerTick(50);
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            for (int i = 0; i < 600; i++) {
                s.ball(200 + (i % 30), 200 + (float) i / 30); // a crowd in a few cells
            }
            int eye = s.ball(5, 5);
            s.interest.addViewpoint(a.id(), eye, 40, 60);
            c.ticks(3);
            s.moveTo(eye, 210, 210); // into the crowd
            c.ticks(3);
            int held = c.server.replication.spawnsHeldBy(a.id());
            assertTrue(held > 1 && held <= 1 + 50 * 3, "the eye, then at most the budget per tick: " + held);
            assertTrue(c.server.replication.stats().get(Counter.SPAWNS_DEFERRED) > 0);
            c.ticks(20);
            assertEquals(601, c.server.replication.spawnsHeldBy(a.id()), "the whole crowd, and the eye");
            s.assertConverged("after the crowd arrived");
            assertThrows(IllegalArgumentException.class, () -> c.server.replication.maxSpawnsPerPeerPerTick(0));
        }
    }

    @Test
    void nonsenseViewpointsAndLateEnablingThrowWithWhatToChange() {
        try (ReplicationCluster c = new ReplicationCluster(17, 1, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            InterestScene s = new InterestScene(c, GRID);
            c.connect();
            int peer = c.clients.get(0).id();
            int eye = s.ball(5, 5);
            InterestManagement interest = s.interest;
            assertMessage("not admitted", () -> interest.addViewpoint(12345, eye, 10, 20));
            assertMessage("anchor", () -> interest.addViewpoint(peer, -1, 10, 20));
            assertMessage("positive finite", () -> interest.addViewpoint(peer, eye, -10, 20));
            assertMessage("positive finite", () -> interest.addViewpoint(peer, eye, Float.NaN, 20));
            assertMessage("at least the enter radius", () -> interest.addViewpoint(peer, eye, 30, 20));
            assertMessage("must not be null", () -> interest.addViewpoint(peer, eye, null));
            Locator locator = (entity, out) -> false;
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> c.server.replication.enableInterest(GRID, locator));
            assertTrue(twice.getMessage().contains("already enabled"), twice.getMessage());
        }
        try (ReplicationCluster c = new ReplicationCluster(18, 0, LinkProfile.perfect(), ReplicationCluster.ballConfig(), null)) {
            c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "early");
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> c.server.replication.enableInterest(GRID, (entity, out) -> false));
            assertTrue(late.getMessage().contains("before the first spawn"), late.getMessage());
        }
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
