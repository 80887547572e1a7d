package dev.entitynet.jmh.replication;

import dev.entitynet.replication.snapshot.ChangeTracking;
import java.util.concurrent.TimeUnit;
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
 * The whole server tick of the replication stack: an artemis World with SceneMultiplayer and
 * SceneReplication, 100,000 spawned entities (position and health ON_CHANGE) seen by 16 admitted
 * peers, 10% of them moving per tick. One operation = the game's moves + {@code world.process()}
 * (poll, spawner visibility, snapshot, records, fan-out through {@code ReplicationHost.sendPacket}). The transport
 * only counts bytes ({@code EchoingClientsPeer}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SceneReplicationTickBenchmark {
    static final int ENTITIES = 100_000;
    static final int CHANGING = ENTITIES / 10;
    static final int PEERS = 16;

    @Param({"COMPARE_ALL", "MARKED"})
    public ChangeTracking tracking;

    private UnitServer server;
    private int[] entities;
    private int window;

    @Setup(Level.Trial)
    public void setUp() {
        server = new UnitServer(PEERS, tracking);
        entities = new int[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            entities[i] = server.spawn("u" + i);
            server.transforms.get(entities[i]).x = i;
        }
        server.tick(); // spawns everything to all 16 peers
        long bytes = server.transport.bytes();
        long packets = server.transport.packets();
        int ticks = 50;
        for (int i = 0; i < ticks; i++) {
            move();
            server.tick();
        }
        System.out.printf("%n[%s] wire bytes per changed entity per peer=%.2f, packets per tick=%.1f%n", tracking,
                (double) (server.transport.bytes() - bytes) / ((long) ticks * CHANGING * PEERS),
                (double) (server.transport.packets() - packets) / ticks);
    }

    private void move() {
        int start = window;
        window = (window + CHANGING) % ENTITIES;
        for (int i = 0; i < CHANGING; i++) {
            int e = entities[start + i];
            server.transforms.get(e).x += 1;
            if (tracking == ChangeTracking.MARKED) {
                server.replication.markDirty(e);
            }
        }
    }

    @Benchmark
    public long serverTick() {
        move();
        server.tick();
        return server.transport.bytes();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }
}
