package dev.entitynet.jmh.replication;

import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.snapshot.BoundConfig;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.snapshot.SnapshotGroup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The component diff alone: encode every one of 100,000 Transform components (16 bytes) from the
 * artemis World into scratch and compare it long-wide with the stored encoding. Throughput is in
 * component diffs per second on one core (one operation = one component).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SnapshotDiffBenchmark {
    static final int ENTITIES = 100_000;

    private World world;
    private SnapshotGroup group;

    @Setup(Level.Trial)
    public void setUp() {
        world = new World(new WorldConfigurationBuilder().build());
        ReplicationConfig config = Transform.onChangeConfig();
        group = new SnapshotGroup(new BoundConfig(config, world), ChangeTracking.COMPARE_ALL, ENTITIES);
        for (int i = 0; i < ENTITIES; i++) {
            int e = world.create();
            Transform t = world.edit(e).create(Transform.class);
            t.x = i;
            group.add(e, i + 1, 1, 0, 0, 0);
        }
        world.process();
    }

    @Benchmark
    @OperationsPerInvocation(ENTITIES)
    public int diffAll() {
        return group.capture();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        group.close();
        world.dispose();
    }
}
