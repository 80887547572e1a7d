package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.link.LinkProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The game closes its own transport while the Worlds keep ticking, on the local hub. */
class SessionEndTest {

    @Test
    void aClientThatClosesItsPeerFreesWhatItReceivedAndTheOthersCarryOn() {
        CallScene scene = new CallScene();
        try (ReplicationCluster c = new ReplicationCluster(41, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), scene)) {
            c.connect();
            ReplicationCluster.Node a = c.clients.get(0);
            ReplicationCluster.Node b = c.clients.get(1);
            int ball = spawnBalls(c, 3);
            c.ticks(2);
            List<String> signals = new ArrayList<>();
            a.multiplayer.signals().serverDisconnected.connect(() -> signals.add("a server_disconnected"));
            c.server.multiplayer.signals().peerDisconnected.connect(id -> signals.add("server-" + (id == a.id() ? "a" : id)));

            a.multiplayer.peer().close();
            c.tick();
            assertEquals(3, a.despawned.size(), "despawned fired for every replica");
            assertEquals(0, a.replication.directory().size());
            assertTrue(a.multiplayer.peers().isEmpty());
            for (int i = 0; i < 5; i++) {
                c.server.ball(ball).x = i;
                c.tick(); // no world throws
                assertEquals(SendResult.CLOSED, a.multiplayer.sendBytes(new byte[] {1}));
                assertEquals(SendResult.CLOSED, a.multiplayer.rpcId(1, a.paths.resolve("Level/Bob"), scene.hello(a)).putInt(0).send());
            }
            assertEquals(2, signals.size(), signals.toString()); // the server's World runs first in a cluster tick
            assertTrue(signals.containsAll(List.of("a server_disconnected", "server-a")), signals.toString());
            assertEquals(4f, b.ball(b.replicaOf(1, c.server.netIdOf(ball))).x, "the server keeps replicating to the others");
            assertEquals(10, a.multiplayer.sendCounters().count(SendResult.CLOSED));
        }
    }

    @Test
    void aServerThatClosesItsPeerSaysGoodbyeToEveryPeerAndKeepsTicking() {
        CallScene scene = new CallScene();
        try (ReplicationCluster c = new ReplicationCluster(42, 2, LinkProfile.perfect(), ReplicationCluster.ballConfig(), scene)) {
            c.connect();
            spawnBalls(c, 2);
            c.ticks(2);
            List<Integer> left = new ArrayList<>();
            c.server.multiplayer.signals().peerDisconnected.connect(left::add);
            List<String> clientSignals = new ArrayList<>();
            for (ReplicationCluster.Node n : c.clients) {
                n.multiplayer.signals().serverDisconnected.connect(() -> clientSignals.add("server_disconnected"));
            }

            c.server.multiplayer.peer().close();
            c.ticks(3);
            assertEquals(List.of(c.clients.get(0).id(), c.clients.get(1).id()), left);
            assertTrue(c.server.multiplayer.peers().isEmpty());
            assertEquals(List.of("server_disconnected", "server_disconnected"), clientSignals);
            for (ReplicationCluster.Node n : c.clients) {
                assertEquals(2, n.despawned.size());
                assertEquals(0, n.replication.directory().size());
            }
            int late = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "late");
            c.ticks(2); // spawning on a closed server neither throws nor sends
            assertEquals(SendResult.CLOSED, c.server.multiplayer.rpc(late, scene.hello(c.server)).putInt(1).send());
            assertEquals(1, c.server.multiplayer.sendCounters().total());
        }
    }

    /** Spawns {@code n} balls on the server; returns the first. */
    private static int spawnBalls(ReplicationCluster c, int n) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            int e = c.server.replication.spawners().instantiate(c.server.spawner, ReplicationCluster.BALL, "ball" + i);
            first = first < 0 ? e : first;
        }
        return first;
    }
}
