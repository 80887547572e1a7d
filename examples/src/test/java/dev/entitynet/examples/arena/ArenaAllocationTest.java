package dev.entitynet.examples.arena;

import dev.entitynet.replication.ReplicationStats.Counter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arena server's tick allocates nothing once warm, over real UDP with spawns and despawns
 * following movement: measured with the game thread's allocation counter, as the arena reports it,
 * after priming the JIT as the arena does ({@link dev.entitynet.warmup.JitPrimer}).
 */
class ArenaAllocationTest {
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(20);

    @Test
    void theServerTickAllocatesNothingInTheSteadyState() {
        ArenaCommand.primeLibraries();
        long seed = 20261124L;
        // Fast ticks and fast movers: many visibility changes per measured tick, in a few seconds.
        ArenaRules rules = new ArenaRules(1000, 150, 40, 25, 1000, 600, 600);
        int warmup = 3000;
        int measured = 3000;
        try (ArenaHost arena = ArenaHost.withBots(rules, 300, 2, 0, seed, measured)) {
            assertTrue(arena.awaitReady(DEADLINE), "bots admitted with their players (seed " + seed + ")");
            arena.move(warmup + measured, warmup);
            assertEquals(measured, arena.meter.steadyTicks());
            // A failure depends on when the JIT compiles what, not on the seed: bench/alloc-trace.sh names the objects.
            assertEquals(0, arena.meter.allocatingTicks(), arena.meter.allocatingTicks() + " of " + measured
                    + " steady server ticks allocated, at most " + arena.meter.maxTickBytes() + " B, the last at tick "
                    + arena.meter.lastAllocatingTick() + "; find what with bench/alloc-trace.sh");
            long despawns = arena.bots.stream().mapToLong(b -> b.scene.replication.stats().get(Counter.DESPAWNS_APPLIED)).sum();
            assertTrue(despawns > 0, "movement took entities out of sight (seed " + seed + ")");
        }
    }
}
