package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.transport.link.LinkProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

class ManyEntitiesTest {

    @Test
    void thousandsOfEntitiesSplitAcrossManyPackets() {
        try (ReplicationCluster c = new ReplicationCluster(13, 2, LinkProfile.perfect().withLatencyMillis(5, 3).withReordering(0.3),
                ReplicationCluster.ballConfig(), null)) {
            c.connect();
            IntArrayList live = new IntArrayList();
            for (int i = 0; i < 3000; i++) {
                int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "b" + i);
                c.server.ball(e).x = i;
                c.server.ball(e).label = "n" + i;
                live.add(e);
            }
            c.ticks(5);
            long packetsBefore = c.server.replication.synchronizers().fanout().packetsSent();
            for (int i = 0; i < live.size(); i += 2) {
                c.server.ball(live.getInt(i)).y = i;
                c.server.ball(live.getInt(i)).hp = i;
            }
            c.tick();
            long packets = c.server.replication.synchronizers().fanout().packetsSent() - packetsBefore;
            // 3000 x ~15-byte ALWAYS records per client is ~45 kB: dozens of 1350-byte packets each
            assertTrue(packets > 2 * 30, "packets in one tick: " + packets);
            c.ticks(10);
            for (ReplicationCluster.Node n : c.clients) {
                Convergence.assertReplicasEqual(c.server, n, live, "3000 entities");
                // unreliable syncs may overtake the reliable spawns on a reordering link: those are dropped as unknown
                ReplicationStats stats = n.replication.stats();
                assertEquals(stats.get(ReplicationStats.Counter.DROPPED_UNKNOWN_ID), stats.droppedTotal(), stats.toString());
            }
        }
    }

    @Test
    void aStateLargerThanOnePacketArrivesWhole() {
        var config = Wide.config();
        try (ReplicationCluster c = new ReplicationCluster(17, 1, LinkProfile.perfect(), config, n -> {
            n.multiplayer.maxSyncPacketSize(128);
            n.multiplayer.maxDeltaPacketSize(128);
            n.replication.registerPrefab("Wide", (w, e) -> {
                w.edit(e).create(Wide.class);
                w.edit(e).create(Synchronizer.class).config = config;
            });
            n.spawnerComponent().addSpawnable("Wide");
        })) {
            c.connect();
            int e = c.server.replication.spawners().instantiate(c.server.spawner, "Wide", "w");
            c.tick();
            Wide w = c.server.world.getMapper(Wide.class).get(e);
            for (int i = 0; i < 100; i++) {
                w.always[i] = i * 0.5f;
                w.onChange[i] = 1000 + i;
            }
            c.ticks(4);
            ReplicationCluster.Node client = c.clients.get(0);
            int r = client.replicaOf(1, c.server.netIdOf(e));
            Wide replica = client.world.getMapper(Wide.class).get(r);
            for (int i = 0; i < 100; i++) {
                assertEquals(w.always[i], replica.always[i], "always " + i);
                assertEquals(w.onChange[i], replica.onChange[i], "onChange " + i);
            }
            assertEquals(0, client.replication.stats().droppedTotal(), client.replication.stats().toString());
        }
    }
}
