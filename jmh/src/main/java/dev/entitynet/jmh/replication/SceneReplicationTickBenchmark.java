package dev.entitynet.jmh.replication;

import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.MultiplayerSystems;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.SceneReplication;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.Spawner;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.clock.ManualClock;
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
 * (poll, spawner visibility, snapshot, records, fan-out through {@code sendPacket}). The transport
 * only counts bytes ({@link EchoingClientsPeer}).
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

    private final ManualClock clock = new ManualClock();
    private World world;
    private SceneReplication replication;
    private EchoingClientsPeer transport;
    private ComponentMapper<Transform> transforms;
    private int[] entities;
    private int window;

    @Setup(Level.Trial)
    public void setUp() {
        world = new World(MultiplayerSystems.install(new WorldConfigurationBuilder()).build());
        SceneMultiplayer multiplayer = new SceneMultiplayer(world, "", clock);
        transport = new EchoingClientsPeer(PEERS);
        multiplayer.multiplayerPeer(transport);
        replication = new SceneReplication(world, multiplayer, tracking);
        ReplicationConfig config = Transform.onChangeConfig();
        replication.registerPrefab("Unit", (w, e) -> {
            w.edit(e).create(Transform.class);
            w.edit(e).create(Synchronizer.class).config = config;
        });
        int spawner = world.create();
        world.getSystem(EntityPaths.class).setName(spawner, "Units", -1);
        world.edit(spawner).create(Spawner.class).addSpawnable("Unit");
        for (int i = 0; i < 10 && multiplayer.peers().size() < PEERS; i++) {
            tick();
        }
        if (multiplayer.peers().size() != PEERS) {
            throw new IllegalStateException("peers not admitted: " + multiplayer.peers());
        }
        transforms = world.getMapper(Transform.class);
        entities = new int[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            entities[i] = replication.spawners().instantiate(spawner, "Unit", "u" + i);
            transforms.get(entities[i]).x = i;
        }
        tick(); // spawns everything to all 16 peers
        long bytes = transport.bytes();
        long packets = transport.packets();
        int ticks = 50;
        for (int i = 0; i < ticks; i++) {
            move();
            tick();
        }
        System.out.printf("%n[%s] wire bytes per changed entity per peer=%.2f, packets per tick=%.1f%n", tracking,
                (double) (transport.bytes() - bytes) / ((long) ticks * CHANGING * PEERS), (double) (transport.packets() - packets) / ticks);
    }

    private void move() {
        int start = window;
        window = (window + CHANGING) % ENTITIES;
        for (int i = 0; i < CHANGING; i++) {
            int e = entities[start + i];
            transforms.get(e).x += 1;
            if (tracking == ChangeTracking.MARKED) {
                replication.markDirty(e);
            }
        }
    }

    private void tick() {
        clock.advanceMillis(16);
        world.process();
    }

    @Benchmark
    public long serverTick() {
        move();
        tick();
        return transport.bytes();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        replication.close();
        world.dispose();
        transport.close();
    }
}
