package dev.entitynet.jmh.replication;

import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.codec.Accessors.Vector3Setter;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.codec.PropertyCodec;
import dev.entitynet.replication.codec.Quantization;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;
import dev.entitynet.replication.packet.PacketFanout;
import dev.entitynet.replication.packet.PacketSink;
import dev.entitynet.replication.packet.RecordStream;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.snapshot.BoundConfig;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.snapshot.SnapshotGroup;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.Everyone;
import dev.entitynet.replication.wire.SyncMessage;
import dev.entitynet.transport.SendResult;
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
 * One replication tick on the authority: 100,000 synchronized entities, 10% of them changing, fanned
 * out to 16 peers. Measures the snapshot engine (encode + long-wide compare), record writing and
 * packet fan-out into a sink that only counts bytes (the transport is measured elsewhere).
 *
 * <p>{@code mode=ON_CHANGE}: position and health are ON_CHANGE (reliable deltas, only changed entities
 * cost bytes). {@code mode=ALWAYS}: position is ALWAYS (every entity every tick), health ON_CHANGE.
 * {@code tracking=COMPARE_ALL} encodes and compares all 100,000 entities each tick;
 * {@code MARKED} only the 10,000 marked ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReplicationTickBenchmark {
    static final int ENTITIES = 100_000;
    static final int CHANGING = ENTITIES / 10;
    static final int PEERS = 16;

    @Param({"COMPARE_ALL", "MARKED"})
    public ChangeTracking tracking;

    @Param({"ON_CHANGE", "ALWAYS"})
    public ReplicationMode mode;

    /** Position as three floats (12 bytes) or quantized to 16 bits per axis over [-32768, 32768) (6 bytes). */
    @Param({"FLOAT", "QUANTIZED16"})
    public String position;

    private World world;
    private ComponentMapper<Transform> transforms;
    private SnapshotGroup group;
    private final RecordStream syncRecords = new RecordStream();
    private final RecordStream deltaRecords = new RecordStream();
    private final PeerSlots peers = new PeerSlots();
    private PacketFanout fanout;
    private final CountingSink sink = new CountingSink();
    private int[] entities;
    private long tick;
    private int window;
    private long compared;

    /** Counts what would go on the wire. */
    static final class CountingSink implements PacketSink {
        long bytes;
        long packets;

        @Override
        public SendResult send(int peerId, dev.entitynet.transport.TransferMode mode, net.openhft.chronicle.bytes.Bytes<?> packet) {
            bytes += packet.readRemaining();
            packets++;
            return SendResult.SENT;
        }
    }

    private static final Audience EVERYONE = Everyone.AUDIENCE;

    @Setup(Level.Trial)
    public void setUp() {
        world = new World(new WorldConfigurationBuilder().build());
        transforms = world.getMapper(Transform.class);
        ReplicationConfig config = new ReplicationConfig("transform");
        Vector3Setter<Transform> set = (t, x, y, z) -> {
            t.x = x;
            t.y = y;
            t.z = z;
        };
        PropertyCodec<Transform> positionCodec = position.equals("FLOAT")
                ? Codecs.vector3(t -> t.x, t -> t.y, t -> t.z, set)
                : Codecs.quantizedVector3(t -> t.x, t -> t.y, t -> t.z, set, new Quantization(-32768, 32768, 16));
        config.add("Transform:position", Transform.class, positionCodec).mode(mode);
        config.add("Transform:health", Transform.class, Codecs.int32(t -> t.health, (t, v) -> t.health = v))
                .mode(ReplicationMode.ON_CHANGE);
        group = new SnapshotGroup(new BoundConfig(config, world), tracking, ENTITIES);
        entities = new int[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            int e = world.create();
            Transform t = world.edit(e).create(Transform.class);
            t.x = i % 1000; // stays inside the quantization range for the whole run
            t.health = 100;
            entities[i] = e;
        }
        world.process();
        for (int i = 0; i < ENTITIES; i++) {
            group.add(entities[i], i + 1, 1, 0, 0, 0);
        }
        for (int p = 0; p < PEERS; p++) {
            peers.add(1000 + p);
        }
        fanout = new PacketFanout(peers, EVERYONE);
        reportWireCost();
    }

    /**
     * Prints what the workload puts on the wire, measured over 50 ticks here in setup: printing at
     * teardown would be counted by {@code -prof gc} as allocation of the last iteration.
     */
    private void reportWireCost() {
        int ticks = 50;
        long bytes = sink.bytes;
        long packets = sink.packets;
        long comparedBefore = compared;
        for (int i = 0; i < ticks; i++) {
            tick();
        }
        System.out.printf("%n[%s %s %s] synchronizers compared per tick=%d, wire bytes per changed entity per peer=%.2f, packets per tick=%.1f%n",
                tracking, mode, position, (compared - comparedBefore) / ticks, (double) (sink.bytes - bytes) / ((long) ticks * CHANGING * PEERS),
                (double) (sink.packets - packets) / ticks);
    }

    /** The game moves 10% of the entities (a sliding window), then the replication tick runs. */
    @Benchmark
    public long tick() {
        tick++;
        int start = window;
        window = (window + CHANGING) % ENTITIES;
        for (int i = 0; i < CHANGING; i++) {
            int e = entities[start + i];
            transforms.get(e).x += 1; // a step of 1 survives 16-bit quantization over 65536 units
            if (tracking == ChangeTracking.MARKED) {
                group.markDirty(e);
            }
        }
        compared += group.capture();
        syncRecords.clear();
        deltaRecords.clear();
        group.emitSync(tick, 1, 1350 - SyncMessage.SYNC_HEADER, EVERYONE, syncRecords);
        group.emitDeltas(tick, 1, 65535 - SyncMessage.DELTA_HEADER, EVERYONE, deltaRecords);
        fanout.sendSync(syncRecords, tick, 1350, sink);
        fanout.sendDelta(deltaRecords, tick, 65535, sink);
        return sink.bytes;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        group.close();
        syncRecords.close();
        deltaRecords.close();
        fanout.close();
        world.dispose();
    }
}
