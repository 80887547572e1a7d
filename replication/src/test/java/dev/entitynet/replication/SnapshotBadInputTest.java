package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Hostile snapshot traffic: acknowledgements of snapshots never sent or from the future, garbage
 * and truncated snapshots, baselines the receiver cannot have. Each is dropped and counted and
 * changes nothing: the replicas still converge afterwards.
 */
class SnapshotBadInputTest {

    private static Bytes<Void> packet(int commandByte, byte[] body) {
        Bytes<Void> b = Bytes.allocateElasticDirect(body.length + 1);
        b.writeByte((byte) commandByte);
        b.write(body);
        b.readPosition(1);
        return b;
    }

    @Test
    void acknowledgementsOfSnapshotsNeverSentAreDroppedAndCounted() {
        try (ReplicationCluster c = new ReplicationCluster(3, 1, LinkProfile.perfect(), SnapshotReplicationTest.quantizedBall(), null)) {
            c.connect();
            SplittableRandom random = new SplittableRandom(3);
            IntArrayList live = new IntArrayList();
            for (int i = 0; i < 50; i++) {
                live.add(c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + i));
            }
            c.ticks(5);
            int client = c.clients.get(0).id();
            long packets = c.server.replication.snapshots().packetsSentTo(client);
            // the future: 500 snapshots ahead; and a sequence long gone
            for (int seq : new int[] {(int) packets + 500, (int) packets + 40000, 65535}) {
                Bytes<Void> ack = Bytes.allocateElasticDirect(8);
                ack.writeByte((byte) (Command.SYNC | Command.FLAG_SNAPSHOT_ACK));
                ack.writeUnsignedShort(seq);
                ack.writeInt(-1);
                ack.readPosition(1);
                c.server.replication.snapshotAckReceived(client, ack);
                ack.releaseLast();
            }
            assertEquals(3, c.server.replication.stats().get(Counter.DROPPED_BAD_ACK), c.server.replication.stats().toString());
            Bytes<Void> truncated = packet(Command.SYNC | Command.FLAG_SNAPSHOT_ACK, new byte[] {1, 2, 3});
            c.server.replication.snapshotAckReceived(client, truncated);
            truncated.releaseLast();
            assertEquals(1, c.server.replication.stats().get(Counter.DROPPED_MALFORMED));
            for (int tick = 0; tick < 60; tick++) {
                c.server.ball(live.getInt(random.nextInt(live.size()))).x = random.nextInt(1000);
                c.tick();
            }
            c.ticks(10);
            SnapshotReplicationTest.assertQuantizedEqual(c.server, c.clients.get(0), live, "after bad acks");
        }
    }

    @Test
    void garbageSnapshotsAreDroppedAndCountedAndChangeNothing() {
        long seed = 1234L;
        try (ReplicationCluster c = new ReplicationCluster(seed, 1, LinkProfile.perfect(), SnapshotReplicationTest.quantizedBall(), null)) {
            c.connect();
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = new IntArrayList();
            for (int i = 0; i < 80; i++) {
                int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + i);
                c.server.ball(e).x = random.nextInt(1000);
                live.add(e);
            }
            c.ticks(10);
            ReplicationCluster.Node client = c.clients.get(0);
            SnapshotReplicationTest.assertQuantizedEqual(c.server, client, live, "before");
            long applied = client.replication.stats().get(Counter.SNAPSHOT_ENTRIES_APPLIED);
            long drops = client.replication.stats().droppedTotal();
            int garbage = 5000;
            for (int i = 0; i < garbage; i++) {
                byte[] body = new byte[random.nextInt(0, 200)];
                random.nextBytes(body);
                Bytes<Void> p = packet(Command.SYNC | Command.FLAG_SNAPSHOT, body);
                try {
                    client.replication.snapshotReceived(1, p);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": garbage packet " + i + " threw", e);
                } finally {
                    p.releaseLast();
                }
            }
            long dropped = client.replication.stats().droppedTotal() - drops;
            long decoded = client.replication.stats().get(Counter.SNAPSHOT_ENTRIES_APPLIED) - applied;
            assertTrue(dropped >= garbage * 0.9, "seed " + seed + ": only " + dropped + " of " + garbage + " garbage packets counted; "
                    + client.replication.stats());
            // garbage that happens to decode is a well-formed snapshot from the server (it could only
            // come from the server's authenticated session); the stream recovers from it: a far
            // sequence number it claimed is forgotten after a ring of stale packets, and the server,
            // missing acknowledgements, falls back to full values
            for (int tick = 0; tick < 150; tick++) {
                c.server.ball(live.getInt(random.nextInt(live.size()))).x = random.nextInt(1000);
                c.tick();
            }
            SnapshotReplicationTest.assertQuantizedEqual(c.server, client, live, "seed " + seed + " after garbage (" + decoded + " garbage entries applied; " + client.replication.stats() + ")");
        }
    }
}
