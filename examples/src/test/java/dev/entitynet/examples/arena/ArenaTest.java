package dev.entitynet.examples.arena;

import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.transport.PeerIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small arena end to end over real UDP on loopback: the server, two bots, spawns and despawns
 * following movement, then convergence after the movement stops. Waits poll with generous
 * deadlines; nothing asserts on time.
 */
class ArenaTest {
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(20);

    @ParameterizedTest(name = "loss {0}%")
    @ValueSource(doubles = {0, 10})
    void everyClientConvergesOnWhatItCanSee(double loss) {
        long seed = 20260501L;
        ArenaRules rules = ArenaRules.defaults().withTickHz(100);
        try (ArenaHost arena = ArenaHost.withBots(rules, 200, 2, loss, seed, 1000)) {
            assertTrue(arena.awaitReady(DEADLINE), "bots admitted with their players (seed " + seed + ")");
            for (int t = 0; t < 300; t++) {
                arena.tick();
            }
            arena.server.stopMoving();
            ConvergenceCheck check = arena.check();
            long deadline = System.nanoTime() + DEADLINE;
            while (!check.converged() && System.nanoTime() < deadline) {
                for (int t = 0; t < 10; t++) {
                    arena.tick();
                }
                check = arena.check();
            }
            assertTrue(check.converged(), "seed " + seed + ", loss " + loss + "%: " + check.divergences());
            assertTrue(arena.exchangeDigests(DEADLINE), "digests arrived (seed " + seed + ")");
            long despawns = 0;
            for (ArenaBot bot : arena.bots) {
                assertTrue(bot.digestMatches(), bot.digestSummary());
                assertTrue(arena.server.scene.replication.isVisibleTo(arena.server.playerOf(bot.id()), bot.id()), "own player visible");
                assertTrue(bot.replicaCount() < 202, "sees a neighbourhood, not everything: " + bot.replicaCount());
                despawns += bot.scene.replication.stats().get(Counter.DESPAWNS_APPLIED);
            }
            assertTrue(despawns > 0, "movement took entities out of sight (seed " + seed + ")");
            assertEquals(0, arena.server.rejectedSteers());
        }
    }

    @Test
    void steeringIsAcceptedOnlyFromThePlayersOwnerAndOnlyFinite() {
        ArenaRules rules = ArenaRules.defaults().withTickHz(100).withViewRadius(5000);
        try (ArenaHost arena = ArenaHost.withBots(rules, 0, 2, 0, 3, 1000)) {
            assertTrue(arena.awaitReady(DEADLINE));
            ArenaBot a = arena.bots.get(0);
            ArenaBot b = arena.bots.get(1);
            int bPlayerOnServer = arena.server.playerOf(b.id());
            int bPlayerAtA = a.scene.replication.directory().entity(PeerIds.SERVER, arena.server.scene.netIdOf(bPlayerOnServer));
            assertTrue(bPlayerAtA >= 0, "a sees b's player");
            a.scene.multiplayer.rpcId(PeerIds.SERVER, bPlayerAtA, a.scene.steer).putFloat(1).putFloat(0).send();
            int aPlayerAtA = a.scene.paths.child(a.scene.spawner, "p" + a.id());
            a.scene.multiplayer.rpcId(PeerIds.SERVER, aPlayerAtA, a.scene.steer).putFloat(Float.NaN).putFloat(0).send();
            long deadline = System.nanoTime() + DEADLINE;
            while (arena.server.rejectedSteers() < 2 && System.nanoTime() < deadline) {
                arena.tick();
            }
            assertEquals(2, arena.server.rejectedSteers());
            Body aBody = arena.server.scene.bodies.get(arena.server.playerOf(a.id()));
            assertTrue(Float.isFinite(aBody.vx) && Float.isFinite(aBody.x), "a NaN never reaches the simulation");
        }
    }
}
