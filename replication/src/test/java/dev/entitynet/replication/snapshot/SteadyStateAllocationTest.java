package dev.entitynet.replication.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.artemis.ComponentMapper;
import com.artemis.World;
import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.replication.Ball;
import dev.entitynet.replication.ReplicationCluster;
import dev.entitynet.replication.packet.PacketFanout;
import dev.entitynet.replication.packet.PacketSink;
import dev.entitynet.replication.packet.RecordStream;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.Everyone;
import dev.entitynet.replication.wire.SyncMessage;
import dev.entitynet.transport.SendResult;
import dev.entitynet.warmup.JitPrimer;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.Jvm;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The sender's tick (capture, record writing, fan-out to 16 peers) allocates nothing once its
 * buffers have grown: measured with the thread's allocation counter, not with time.
 */
class SteadyStateAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Audience EVERYONE = Everyone.AUDIENCE;
    private static final int MEASURED_TICKS = 200;
    private long sent;

    @Test
    void aTickAllocatesNothingInSteadyState() {
        // A C2 compile landing in the measured ticks would otherwise allocate (see JitPrimer).
        JitPrimer.primeCodeSourcesOf(SteadyStateAllocationTest.class, SnapshotGroup.class, SendResult.class, World.class, IntArrayList.class,
                BytesStore.class, Jvm.class);
        for (ChangeTracking tracking : ChangeTracking.values()) {
            World world = new World(new WorldConfigurationBuilder().build());
            ComponentMapper<Ball> balls = world.getMapper(Ball.class);
            int n = 5_000;
            int[] entities = new int[n];
            PacketSink sink = (peer, mode, packet) -> {
                sent += packet.readRemaining();
                return SendResult.SENT;
            };
            PeerSlots peers = new PeerSlots();
            for (int p = 0; p < 16; p++) {
                peers.add(100 + p);
            }
            try (SnapshotGroup group = new SnapshotGroup(new BoundConfig(ReplicationCluster.ballConfig(), world), tracking, n);
                 RecordStream syncs = new RecordStream(); RecordStream deltas = new RecordStream(); PacketFanout fanout = new PacketFanout(peers, EVERYONE)) {
                for (int i = 0; i < n; i++) {
                    entities[i] = world.create();
                    balls.create(entities[i]).x = i;
                    group.add(entities[i], i + 1, 1, 0, 0, 0);
                }
                long before = 0;
                for (int tick = 1; tick <= 400; tick++) {
                    if (tick == 201) {
                        before = THREADS.getCurrentThreadAllocatedBytes();
                    }
                    for (int i = 0; i < n / 10; i++) {
                        int e = entities[(tick * 37 + i) % n];
                        balls.get(e).hp++;
                        group.markDirty(e);
                    }
                    group.capture();
                    syncs.clear();
                    deltas.clear();
                    group.emitSync(tick, 1, 1350 - SyncMessage.SYNC_HEADER, EVERYONE, syncs);
                    group.emitDeltas(tick, 1, 65535 - SyncMessage.DELTA_HEADER, EVERYONE, deltas);
                    fanout.sendSync(syncs, tick, 1350, sink);
                    fanout.sendDelta(deltas, tick, 65535, sink);
                }
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertEquals(0, allocated, tracking + ": bytes allocated in " + MEASURED_TICKS + " steady ticks");
            }
            world.dispose();
        }
    }
}
