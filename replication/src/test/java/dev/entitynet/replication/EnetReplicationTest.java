package dev.entitynet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.clock.Clock;
import dev.entitynet.transport.enet.godot.EnetMultiplayerPeer;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replication over real UDP on loopback with {@link EnetMultiplayerPeer}: one World per peer, a
 * server and two clients. Waits poll with a generous deadline; nothing asserts on time.
 */
class EnetReplicationTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final List<ReplicationCluster.Node> nodes = new ArrayList<>();
    private final List<MultiplayerPeer> transports = new ArrayList<>();

    @AfterEach
    void close() {
        for (ReplicationCluster.Node n : nodes) {
            n.replication.close();
        }
        transports.forEach(MultiplayerPeer::close);
        nodes.forEach(n -> n.world.dispose());
    }

    private void runUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            for (ReplicationCluster.Node n : nodes) {
                n.world.process();
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static boolean converged(ReplicationCluster.Node server, ReplicationCluster.Node client, IntArrayList live) {
        try {
            Convergence.assertReplicasEqual(server, client, live, "udp");
            return client.replication.directory().size() == live.size();
        } catch (AssertionError notYet) {
            return false;
        }
    }

    @Test
    void spawnsSyncsAndDespawnsOverUdp() {
        ReplicationConfig config = ReplicationCluster.ballConfig();
        ReplicationCluster.Node server = new ReplicationCluster.Node(Clock.system(), config, null);
        EnetMultiplayerPeer serverPeer = EnetMultiplayerPeer.createServer(ANY, 8, 2, 0, 0, EnetHostOptions.defaults());
        transports.add(serverPeer);
        server.multiplayer.multiplayerPeer(serverPeer);
        nodes.add(server);
        int port = serverPeer.host().localAddress().getPort();
        for (int i = 0; i < 2; i++) {
            ReplicationCluster.Node client = new ReplicationCluster.Node(Clock.system(), config, null);
            EnetMultiplayerPeer peer = EnetMultiplayerPeer.createClient(new InetSocketAddress("127.0.0.1", port), 2, 0, 0, ANY,
                    EnetHostOptions.defaults(), new SplittableRandom(100 + i));
            transports.add(peer);
            client.multiplayer.multiplayerPeer(peer);
            nodes.add(client);
        }
        runUntil("clients admitted", () -> server.multiplayer.peers().size() == 2);

        IntArrayList live = new IntArrayList();
        for (int i = 0; i < 500; i++) {
            int e = server.replication.spawners().instantiate(server.spawner, ReplicationCluster.BALL, "b" + i);
            server.ball(e).x = i;
            server.ball(e).label = "u" + i;
            live.add(e);
        }
        ReplicationCluster.Node a = nodes.get(1);
        ReplicationCluster.Node b = nodes.get(2);
        runUntil("500 spawns replicated", () -> converged(server, a, live) && converged(server, b, live));

        for (int i = 0; i < live.size(); i += 3) {
            server.ball(live.getInt(i)).y = -i;
            server.ball(live.getInt(i)).hp = i;
        }
        for (int i = 0; i < 100; i++) {
            server.world.delete(live.popInt());
        }
        runUntil("changes and despawns replicated", () -> converged(server, a, live) && converged(server, b, live));

        int hidden = live.getInt(0);
        server.replication.setVisibilityFor(hidden, 0, false);
        server.replication.setVisibilityFor(hidden, a.id(), true);
        int netId = server.netIdOf(hidden);
        runUntil("hidden from b only", () -> b.replicaOf(1, netId) < 0 && a.replicaOf(1, netId) >= 0);
        assertEquals(0, a.replication.stats().get(ReplicationStats.Counter.DROPPED_MALFORMED));
        assertEquals(0, b.replication.stats().get(ReplicationStats.Counter.DROPPED_MALFORMED));
    }
}
