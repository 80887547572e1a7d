package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.warmup.JitPrimer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.Jvm;
import org.junit.jupiter.api.Test;

/**
 * A server's whole tick with interest management (entities and viewpoints crossing cells, spawns
 * and despawns, per-cell packet assembly) allocates nothing once warm: measured with the thread's
 * allocation counter, never with time, through a transport that only counts bytes.
 */
class InterestSteadyStateAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final float SIDE = 500;

    @Test
    void aServerTickWithChurnAllocatesNothingInSteadyState() {
        // A C2 compile landing in the measured ticks would otherwise allocate (see JitPrimer).
        JitPrimer.primeCodeSourcesOf(InterestSteadyStateAllocationTest.class, SceneReplication.class, SceneMultiplayer.class,
                SendResult.class, World.class, IntArrayList.class, BytesStore.class, Jvm.class);
        long seed = 20261211L;
        System.out.println("InterestSteadyStateAllocationTest seed " + seed);
        for (ChangeTracking tracking : ChangeTracking.values()) {
            ManualClock clock = new ManualClock();
            World world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
            SceneMultiplayer multiplayer = new SceneMultiplayer(world, "", clock);
            try (EchoingClientsPeer transport = new EchoingClientsPeer(8);
                 SceneReplication replication = new SceneReplication(world, multiplayer, tracking)) {
                multiplayer.multiplayerPeer(transport);
                InterestManagement interest = replication.enableInterest(CellGrid.plane(25, 0, 0, SIDE, SIDE),
                        Locator.plane(world.getMapper(Ball.class), b -> b.x, b -> b.y));
                var config = ReplicationCluster.ballConfig();
                replication.registerPrefab("Ball", (w, e) -> {
                    w.edit(e).create(Ball.class);
                    w.edit(e).create(Synchronizer.class).config = config;
                });
                int spawner = world.create();
                world.getSystem(EntityPaths.class).setName(spawner, "Spawner", -1);
                world.edit(spawner).create(Spawner.class).addSpawnable("Ball");
                for (int i = 0; i < 5; i++) {
                    clock.advanceMillis(16);
                    world.process(); // the clients connect and are admitted
                }
                SplittableRandom random = new SplittableRandom(seed);
                IntArrayList balls = new IntArrayList();
                for (int i = 0; i < 3000; i++) {
                    int e = replication.spawners().instantiate(spawner, "Ball", "b" + i);
                    world.getMapper(Ball.class).get(e).x = random.nextFloat() * SIDE;
                    world.getMapper(Ball.class).get(e).y = random.nextFloat() * SIDE;
                    balls.add(e);
                }
                for (int p = 0; p < multiplayer.peers().size(); p++) {
                    interest.addViewpoint(multiplayer.peers().getInt(p), balls.getInt(p), 60, 100);
                }
                long allocated = 0;
                long spawnsBefore = 0;
                long crossingsBefore = 0;
                for (int tick = 1; tick <= 2000; tick++) {
                    for (int k = 0; k < 300; k++) {
                        move(world, replication, balls.getInt(random.nextInt(balls.size())), random.nextFloat() * 6 - 3,
                                random.nextFloat() * 6 - 3);
                    }
                    for (int p = 0; p < multiplayer.peers().size(); p++) { // the viewpoints drift across the world
                        move(world, replication, balls.getInt(p), p % 2 == 0 ? 2 : -2, 1);
                    }
                    if (tick == 1001) {
                        spawnsBefore = replication.stats().get(Counter.SPAWNS_SENT);
                        crossingsBefore = replication.stats().get(Counter.CELL_CROSSINGS);
                    }
                    clock.advanceMillis(16);
                    long before = THREADS.getCurrentThreadAllocatedBytes();
                    world.process();
                    if (tick > 1000) {
                        allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
                    }
                }
                long spawns = replication.stats().get(Counter.SPAWNS_SENT) - spawnsBefore;
                long crossings = replication.stats().get(Counter.CELL_CROSSINGS) - crossingsBefore;
                assertTrue(spawns > 1000 && crossings > 1000, tracking + ": churn while measured: " + spawns + " spawns, " + crossings + " crossings");
                assertEquals(0, allocated, "seed " + seed + ", " + tracking + ": bytes the server allocated in 1000 steady ticks");
            }
            world.dispose();
        }
    }

    /** Moves a ball, wrapping around the world's edges (teleports across it, more churn), and marks it. */
    private static void move(World world, SceneReplication replication, int entity, float dx, float dy) {
        Ball b = world.getMapper(Ball.class).get(entity);
        b.x = wrap(b.x + dx);
        b.y = wrap(b.y + dy);
        b.hp++;
        replication.markDirty(entity);
    }

    private static float wrap(float v) {
        return v < 0 ? v + SIDE : v >= SIDE ? v - SIDE : v;
    }
}
