package dev.entitynet.jmh.replication;

import com.artemis.World;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.warmup.JitPrimer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.Jvm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interest-managed server tick: {@code entities} spawned entities spread over a square world
 * sized so that each of {@code peers} viewpoints sees about 2,000 of them (cells of 25, enter
 * radius 100, leave radius 140), 10% of the entities moving per tick (about 1 unit, so a few
 * percent of the movers cross a cell every tick), every viewpoint's anchor moving too. One
 * operation = the moves + {@code world.process()} of the server (poll, interest update, spawns and
 * despawns, snapshot, records, packets to each peer) through a transport that only counts bytes
 * ({@code EchoingClientsPeer}). {@code ChangeTracking.MARKED}: the movers are marked.
 *
 * <p>Cost should follow what is sent, not entities x peers: compare 10,000 with 100,000 entities
 * (same view size) and 16, 64, 256 peers. Setup prints what a tick sends and changes; every
 * iteration prints what the benchmark thread allocated, which JMH's per-iteration overhead blurs in
 * {@code gc.alloc.rate.norm} for millisecond-long operations (the JIT is primed first, as the arena
 * does, so HotSpot's own work does not show there either).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class InterestReplicationBenchmark {
    static final float CELL = 25;
    static final float ENTER = 100;
    static final float LEAVE = 140;
    /** World area per entity that puts about 2,000 entities in a view of these radii and cells. */
    static final double AREA_PER_ENTITY = 30;
    static final long SEED = 20261210L;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Param({"10000", "100000"})
    public int entities;

    @Param({"16", "64", "256"})
    public int peers;

    private UnitServer server;
    private int[] units;
    private float[] vx;
    private float[] vy;
    private int[] anchors;
    private float side;
    private int window;
    private long ticks;
    private long allocatedBefore;

    @Setup(Level.Trial)
    public void setUp() {
        System.out.println("\nInterestReplicationBenchmark seed " + SEED);
        // HotSpot would otherwise allocate on this thread when C2 first compiles a tick method (see JitPrimer)
        JitPrimer.primeCodeSourcesOf(InterestReplicationBenchmark.class, SceneReplication.class, SceneMultiplayer.class, World.class,
                IntArrayList.class, Bytes.class, Jvm.class);
        server = new UnitServer(peers, ChangeTracking.MARKED);
        side = (float) Math.sqrt(entities * AREA_PER_ENTITY);
        InterestManagement interest = server.replication.enableInterest(CellGrid.plane(CELL, 0, 0, side, side),
                Locator.plane(server.transforms, t -> t.x, t -> t.y));
        SplittableRandom random = new SplittableRandom(SEED);
        units = new int[entities];
        vx = new float[entities];
        vy = new float[entities];
        for (int i = 0; i < entities; i++) {
            units[i] = server.spawn("u" + i);
            Transform t = server.transforms.get(units[i]);
            t.x = random.nextFloat() * side;
            t.y = random.nextFloat() * side;
            double angle = random.nextDouble(2 * Math.PI);
            float speed = 0.5f + random.nextFloat();
            vx[i] = (float) Math.cos(angle) * speed;
            vy[i] = (float) Math.sin(angle) * speed;
        }
        anchors = new int[peers];
        for (int p = 0; p < peers; p++) {
            anchors[p] = p * (entities / peers); // each viewpoint rides on one of the entities
            interest.addViewpoint(server.multiplayer.peers().getInt(p), units[anchors[p]], ENTER, LEAVE);
        }
        for (int i = 0; i < 100; i++) { // spawns everything in view, then settles
            move();
            server.tick();
        }
        ReplicationStats stats = server.replication.stats();
        long bytes = server.transport.bytes();
        long packets = server.transport.packets();
        long crossings = stats.get(Counter.CELL_CROSSINGS);
        long spawns = stats.get(Counter.SPAWNS_SENT);
        int measured = 100;
        for (int i = 0; i < measured; i++) {
            move();
            server.tick();
        }
        long inView = 0;
        for (int p = 0; p < peers; p++) {
            inView += server.replication.spawnsHeldBy(server.multiplayer.peers().getInt(p));
        }
        System.out.printf("[%d entities, %d peers] world %.0f x %.0f, %.0f entities in view per peer; per tick: %.0f cell crossings,"
                        + " %.0f spawns + despawns, %.0f packets, %.1f KB%n", entities, peers, side, side, (double) inView / peers,
                (double) (stats.get(Counter.CELL_CROSSINGS) - crossings) / measured,
                (double) (stats.get(Counter.SPAWNS_SENT) - spawns) * 2 / measured, (double) (server.transport.packets() - packets) / measured,
                (server.transport.bytes() - bytes) / 1e3 / measured);
    }

    /** 10% of the entities (a sliding window) and every anchor move about one unit, bouncing off the edges. */
    private void move() {
        int movers = entities / 10;
        for (int i = 0; i < movers; i++) {
            step(window + i);
        }
        window = (window + movers) % (entities - movers + 1);
        for (int p = 0; p < anchors.length; p++) {
            step(anchors[p]);
        }
    }

    private void step(int i) {
        int e = units[i];
        Transform t = server.transforms.get(e);
        t.x += vx[i];
        t.y += vy[i];
        if (t.x < 0 || t.x >= side) {
            vx[i] = -vx[i];
            t.x += 2 * vx[i];
        }
        if (t.y < 0 || t.y >= side) {
            vy[i] = -vy[i];
            t.y += 2 * vy[i];
        }
        t.health++;
        server.replication.markDirty(e);
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        ticks = 0;
        allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    }

    @Benchmark
    public long serverTick() {
        move();
        server.tick();
        ticks++;
        return server.transport.bytes();
    }

    @TearDown(Level.Iteration)
    public void reportAllocation() {
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf("  [benchmark thread: %d B allocated over %d ticks, JMH's own iteration work included]%n", allocated, ticks);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }
}
