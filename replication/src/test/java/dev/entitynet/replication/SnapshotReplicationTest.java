package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.replication.codec.Codecs;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.config.ReplicationMode;
import dev.entitynet.replication.quantize.Quantized;
import dev.entitynet.replication.quantize.QuantizedCodec;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Delta-coded snapshots end to end over the seeded local hub: convergence, loss, budget, priority, idle cost. */
class SnapshotReplicationTest {
    static final float SIDE = 1000;

    /** A ball whose position is quantized to 1/64 unit in a 1000-unit cube: snapshot-coded. */
    static ReplicationConfig quantizedBall() {
        ReplicationConfig config = new ReplicationConfig("qball");
        config.add("Ball:position", Ball.class, Quantized.position3(0, 0, 0, SIDE, SIDE, SIDE, 1f / 128,
                b -> b.x, b -> b.y, b -> b.z, (b, x, y, z) -> {
                    b.x = x;
                    b.y = y;
                    b.z = z;
                }));
        config.add("Ball:hp", Ball.class, Codecs.int32(b -> b.hp, (b, v) -> b.hp = v)).mode(ReplicationMode.ON_CHANGE);
        return config;
    }

    @SuppressWarnings("unchecked")
    static void assertQuantizedEqual(ReplicationCluster.Node server, ReplicationCluster.Node client, IntArrayList live, String context) {
        QuantizedCodec<Ball> codec = (QuantizedCodec<Ball>) server.world.getMapper(dev.entitynet.replication.sync.Synchronizer.class)
                .get(live.getInt(0)).config.property(0).codec();
        int[] expected = new int[codec.lanes()];
        int[] actual = new int[codec.lanes()];
        for (int i = 0; i < live.size(); i++) {
            int e = live.getInt(i);
            int r = client.replicaOf(1, server.netIdOf(e));
            assertTrue(r >= 0, context + ": client " + client.id() + " lacks net id " + server.netIdOf(e) + "; " + client.replication.stats());
            codec.quantize(server.ball(e), expected, 0);
            codec.quantize(client.ball(r), actual, 0);
            assertArrayEquals(expected, actual, context + ": codes of net id " + server.netIdOf(e) + " on client " + client.id());
            assertEquals(server.ball(e).hp, client.ball(r).hp, context);
        }
    }

    private static IntArrayList spawn(ReplicationCluster c, int n, SplittableRandom random) {
        IntArrayList live = new IntArrayList();
        for (int i = 0; i < n; i++) {
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + i);
            Ball b = c.server.ball(e);
            b.x = random.nextInt(1000);
            b.y = random.nextInt(1000);
            b.z = random.nextInt(1000);
            live.add(e);
        }
        return live;
    }

    private static void wander(ReplicationCluster c, IntArrayList live, SplittableRandom random, int moving) {
        for (int k = 0; k < moving; k++) {
            Ball b = c.server.ball(live.getInt(random.nextInt(live.size())));
            b.x = Math.min(SIDE, Math.max(0, b.x + (float) random.nextDouble(-2, 2)));
            b.y = Math.min(SIDE, Math.max(0, b.y + (float) random.nextDouble(-2, 2)));
            b.z = Math.min(SIDE, Math.max(0, b.z + (float) random.nextDouble(-2, 2)));
            if (random.nextInt(50) == 0) {
                b.hp++;
            }
        }
    }

    @Test
    void convergesUnderTwentyPercentLossWithReorderingAndAgreesBitForBit() {
        long seed = 20261204L;
        LinkProfile lossy = LinkProfile.perfect().withLatencyMillis(30, 20).withLoss(0.2).withReordering(0.2).withDuplication(0.05);
        try (ReplicationCluster c = new ReplicationCluster(seed, 3, LinkProfile.perfect(), quantizedBall(), null)) {
            c.connect();
            assertTrue(c.server.replication.snapshots().isSnapshotCoded(quantizedBall()));
            for (ReplicationCluster.Node n : c.clients) {
                c.hub.linkProfile(n.multiplayer.peer(), lossy, lossy);
            }
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = spawn(c, 300, random);
            for (int tick = 0; tick < 300; tick++) {
                wander(c, live, random, 100);
                c.tick();
            }
            c.ticks(200);
            for (ReplicationCluster.Node n : c.clients) {
                assertQuantizedEqual(c.server, n, live, "seed " + seed);
                assertTrue(n.replication.stats().get(Counter.SNAPSHOTS_APPLIED) > 50, n.replication.stats().toString());
                assertEquals(0, n.replication.stats().get(Counter.DROPPED_MALFORMED), n.replication.stats().toString());
            }
            assertEquals(0, c.server.replication.stats().get(Counter.SYNC_RECORDS_APPLIED));
            assertEquals(0, c.server.replication.stats().get(Counter.DROPPED_BAD_ACK), c.server.replication.stats().toString());
        }
    }

    @Test
    void aClientThatLosesEverythingForAWhileRecovers() {
        long seed = 77L;
        try (ReplicationCluster c = new ReplicationCluster(seed, 2, LinkProfile.perfect(), quantizedBall(), null)) {
            c.connect();
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = spawn(c, 100, random);
            c.ticks(5);
            ReplicationCluster.Node cut = c.clients.get(0);
            LinkProfile black = LinkProfile.perfect().withLoss(0.95);
            c.hub.linkProfile(cut.multiplayer.peer(), black, black);
            for (int tick = 0; tick < 120; tick++) {
                wander(c, live, random, 50);
                c.tick();
            }
            c.hub.linkProfile(cut.multiplayer.peer(), LinkProfile.perfect(), LinkProfile.perfect());
            c.ticks(30);
            for (ReplicationCluster.Node n : c.clients) {
                assertQuantizedEqual(c.server, n, live, "seed " + seed);
            }
        }
    }

    @Test
    void unchangedEntitiesCostNothingOnceAcknowledged() {
        long seed = 5L;
        try (ReplicationCluster c = new ReplicationCluster(seed, 1, LinkProfile.perfect(), quantizedBall(), null)) {
            c.connect();
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = spawn(c, 500, random);
            c.ticks(10);
            int peer = c.clients.get(0).id();
            long packets = c.server.replication.snapshots().packetsSentTo(peer);
            long bytes = c.server.replication.snapshots().bytesSentTo(peer);
            c.ticks(100);
            assertEquals(packets, c.server.replication.snapshots().packetsSentTo(peer), "nothing changed, nothing sent; server " + c.server.replication.stats() + " client " + c.clients.get(0).replication.stats());
            Ball b = c.server.ball(live.getInt(7));
            b.x += 0.5f;
            c.ticks(5);
            long oneMove = c.server.replication.snapshots().bytesSentTo(peer) - bytes;
            assertTrue(oneMove > 0 && oneMove < 40 * 2, "one moved entity cost " + oneMove + " bytes over its unacknowledged snapshots");
            assertQuantizedEqual(c.server, c.clients.get(0), live, "seed " + seed);
        }
    }

    @Test
    void overBudgetEveryEntityIsStillSentWithinBoundedTicks() {
        long seed = 99L;
        try (ReplicationCluster c = new ReplicationCluster(seed, 1, LinkProfile.perfect(), quantizedBall(), null)) {
            c.server.replication.snapshots().budgetBytesPerTick(128);
            c.connect();
            SplittableRandom random = new SplittableRandom(seed);
            IntArrayList live = spawn(c, 400, random);
            ReplicationCluster.Node client = c.clients.get(0);
            c.ticks(5);
            long[] lastApplied = new long[live.size()];
            int[] replicas = new int[live.size()];
            for (int i = 0; i < live.size(); i++) {
                replicas[i] = client.replicaOf(1, c.server.netIdOf(live.getInt(i)));
                assertTrue(replicas[i] >= 0);
            }
            float[] seen = new float[live.size()];
            long worst = 0;
            for (int tick = 0; tick < 400; tick++) {
                for (int i = 0; i < live.size(); i++) { // everything jumps every tick: far over 128 bytes
                    c.server.ball(live.getInt(i)).x = random.nextInt(1000);
                }
                c.tick();
                for (int i = 0; i < live.size(); i++) {
                    float x = client.ball(replicas[i]).x;
                    if (x != seen[i]) {
                        seen[i] = x;
                        worst = Math.max(worst, tick - lastApplied[i]);
                        lastApplied[i] = tick;
                    }
                }
            }
            for (int i = 0; i < live.size(); i++) {
                worst = Math.max(worst, 399 - lastApplied[i]);
            }
            long perTick = c.server.replication.snapshots().bytesSentTo(client.id()) / Math.max(1, c.server.replication.snapshots().packetsSentTo(client.id()));
            assertTrue(perTick <= 128, "budget 128 B, sent " + perTick + " B per snapshot");
            assertTrue(worst <= 60, "seed " + seed + ": an entity waited " + worst + " ticks for an update with 400 changing and room for about 30 per tick");
        }
    }
}
