package dev.entitynet.ecs;

import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.transport.OfflineMultiplayerPeer;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.ManualClock;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerLifecycleTest {

    @Test
    void defaultsFollowGodot() {
        try (LocalCluster c = new LocalCluster(1, 0, mp -> { })) {
            SceneMultiplayer mp = new SceneMultiplayer(c.world, "offline", new ManualClock());
            assertInstanceOf(OfflineMultiplayerPeer.class, mp.peer());
            assertEquals(1, mp.uniqueId());
            assertTrue(mp.isServer());
            assertEquals(3_000_000_000L, mp.authTimeoutNanos());
            assertFalse(mp.allowObjectDecoding());
            assertFalse(mp.refuseNewConnections());
            assertTrue(mp.serverRelay());
            assertEquals(1350, mp.maxSyncPacketSize());
            assertEquals(65535, mp.maxDeltaPacketSize());
            assertEquals(0, mp.remoteSenderId());
            assertEquals(null, mp.authCallback());
            IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> mp.maxSyncPacketSize(127));
            assertTrue(small.getMessage().contains("at least 128"), small.getMessage());
            assertThrows(IllegalArgumentException.class, () -> mp.maxDeltaPacketSize(100));
            mp.maxDeltaPacketSize(128);
            assertEquals(128, mp.maxDeltaPacketSize());
            IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> new SceneMultiplayer(c.world, "offline", new ManualClock()));
            assertTrue(duplicate.getMessage().contains("own root path"), duplicate.getMessage());
        }
    }

    @Test
    void peersMeetAndClientsLearnOfEachOtherThroughTheServer() {
        try (LocalCluster c = new LocalCluster(2, 2, mp -> { })) {
            List<String> log = new ArrayList<>();
            c.server.signals().peerConnected.connect(id -> log.add("server+" + id));
            c.client(0).signals().connectedToServer.connect(() -> log.add("c0 connected_to_server"));
            c.client(0).signals().peerConnected.connect(id -> log.add("c0+" + id));
            c.ticks(5);
            int id0 = c.client(0).uniqueId();
            int id1 = c.client(1).uniqueId();
            assertEquals(IntArrayList.of(id0, id1), new IntArrayList(c.server.peers()));
            assertEquals(IntArrayList.of(1, id1), new IntArrayList(c.client(0).peers()));
            assertEquals(IntArrayList.of(1, id0), new IntArrayList(c.client(1).peers()));
            assertTrue(log.contains("server+" + id0) && log.contains("c0+1") && log.contains("c0 connected_to_server") && log.contains("c0+" + id1), log.toString());
            // Godot's SceneMultiplayer::_admit_peer emits connected_to_server, then peer_connected(1)
            assertEquals(log.indexOf("c0 connected_to_server") + 1, log.indexOf("c0+1"), log.toString());

            List<String> left = new ArrayList<>();
            c.client(0).signals().peerDisconnected.connect(id -> left.add("c0-" + id));
            c.server.signals().peerDisconnected.connect(id -> left.add("server-" + id));
            c.client(1).peer().close();
            c.ticks(3);
            assertEquals(List.of("server-" + id1, "c0-" + id1), left);
            assertEquals(IntArrayList.of(1), new IntArrayList(c.client(0).peers()));
        }
    }

    @Test
    void clientsSeeServerDisconnectedAndForgetRelayedPeers() {
        try (LocalCluster c = new LocalCluster(3, 2, mp -> { })) {
            c.ticks(5);
            List<String> log = new ArrayList<>();
            c.client(0).signals().peerDisconnected.connect(id -> log.add("-" + id));
            c.client(0).signals().serverDisconnected.connect(() -> log.add("server_disconnected"));
            c.server.peer().close();
            c.ticks(3);
            assertEquals(List.of("-1", "-" + c.client(1).uniqueId(), "server_disconnected"), log);
            assertTrue(c.client(0).peers().isEmpty());
        }
    }

    @Test
    void aServerThatClosesItsOwnPeerUnderATickingWorldSaysGoodbyeToEveryPeerAndStopsSending() {
        Map<SceneMultiplayer, RpcMethod> ping = new HashMap<>();
        try (LocalCluster c = new LocalCluster(8, 2, mp -> ping.put(mp, mp.declareRpc(RpcConfig.named("ping"), (e, from, args) -> { })))) {
            c.ticks(5);
            int id0 = c.client(0).uniqueId();
            int id1 = c.client(1).uniqueId();
            List<String> log = new ArrayList<>();
            c.server.signals().peerDisconnected.connect(id -> log.add("server-" + id));
            c.server.signals().serverDisconnected.connect(() -> log.add("server server_disconnected"));
            c.client(0).signals().serverDisconnected.connect(() -> log.add("c0 server_disconnected"));
            c.server.peer().close();
            int bob = c.entity(c.server, "Level/Bob");
            assertEquals(SendResult.CLOSED, c.server.sendBytes(new byte[] {1}), "closed before the next poll noticed");
            c.tick();
            assertEquals(List.of("server-" + id0, "server-" + id1), log.subList(0, 2), log.toString());
            assertTrue(c.server.peers().isEmpty());
            for (int i = 0; i < 5; i++) {
                c.tick(); // nothing throws while the world keeps ticking
                assertEquals(SendResult.CLOSED, c.server.rpc(bob, ping.get(c.server)).send());
                assertEquals(SendResult.CLOSED, c.server.sendBytes(new byte[] {2}, 0, 1, id0, TransferMode.RELIABLE, 0));
            }
            assertEquals(11, c.server.sendCounters().count(SendResult.CLOSED));
            assertEquals(List.of("server-" + id0, "server-" + id1, "c0 server_disconnected"), log, "the server emits no server_disconnected");
        }
    }

    @Test
    void aClientThatClosesItsOwnPeerUnderATickingWorldEndsItsSessionAndStopsSending() {
        Map<SceneMultiplayer, RpcMethod> ping = new HashMap<>();
        try (LocalCluster c = new LocalCluster(9, 2, mp -> ping.put(mp, mp.declareRpc(RpcConfig.named("ping"), (e, from, args) -> { })))) {
            c.ticks(5);
            SceneMultiplayer client = c.client(0);
            int me = client.uniqueId();
            int other = c.client(1).uniqueId();
            List<String> log = new ArrayList<>();
            client.signals().peerDisconnected.connect(id -> log.add("c0-" + id));
            client.signals().serverDisconnected.connect(() -> log.add("c0 server_disconnected"));
            client.signals().connectionFailed.connect(() -> log.add("c0 connection_failed"));
            List<String> serverLog = new ArrayList<>();
            c.server.signals().peerDisconnected.connect(id -> serverLog.add("server-" + id));
            client.peer().close();
            c.tick();
            // as when the connection is lost: the peers it knew leave, then server_disconnected
            assertEquals(List.of("c0-1", "c0-" + other, "c0 server_disconnected"), log);
            assertTrue(client.peers().isEmpty());
            int bob = c.entity(client, "Level/Bob");
            for (int i = 0; i < 5; i++) {
                c.tick();
                assertEquals(SendResult.CLOSED, client.rpcId(PeerIds.SERVER, bob, ping.get(client)).send());
                assertEquals(SendResult.CLOSED, client.sendBytes(new byte[] {1}));
            }
            assertEquals(List.of("server-" + me), serverLog);
            assertEquals(3, log.size(), log.toString());
            assertEquals(IntArrayList.of(other), new IntArrayList(c.server.peers()));
            assertEquals(10, client.sendCounters().count(SendResult.CLOSED));
        }
    }

    @Test
    void refusedClientSeesConnectionFailed() {
        try (LocalCluster c = new LocalCluster(4, 0, mp -> { })) {
            c.server.refuseNewConnections(true);
            assertTrue(c.server.refuseNewConnections());
            SceneMultiplayer client = c.addClient(mp -> { });
            List<String> log = new ArrayList<>();
            client.signals().connectionFailed.connect(() -> log.add("connection_failed"));
            c.ticks(5);
            assertEquals(List.of("connection_failed"), log);
            assertTrue(c.server.peers().isEmpty());
        }
    }

    @Test
    void disconnectPeerRemovesWithoutSignalAndTellsTheOthers() {
        try (LocalCluster c = new LocalCluster(5, 2, mp -> { })) {
            c.ticks(5);
            int id1 = c.client(1).uniqueId();
            List<String> log = new ArrayList<>();
            c.server.signals().peerDisconnected.connect(id -> log.add("server-" + id));
            c.client(0).signals().peerDisconnected.connect(id -> log.add("c0-" + id));
            c.server.disconnectPeer(id1);
            c.ticks(3);
            assertEquals(List.of("c0-" + id1), log);
            assertEquals(IntArrayList.of(c.client(0).uniqueId()), new IntArrayList(c.server.peers()));
            assertThrows(IllegalArgumentException.class, () -> c.server.disconnectPeer(id1));
        }
    }

    @Test
    void relayOffMeansNoPeerNotices() {
        try (LocalCluster c = new LocalCluster(6, 2, mp -> mp.serverRelay(false))) {
            c.ticks(5);
            assertEquals(IntArrayList.of(1), new IntArrayList(c.client(0).peers()));
            assertEquals(IntArrayList.of(1), new IntArrayList(c.client(1).peers()));
            assertEquals(2, c.server.peers().size());
        }
    }

    @Test
    void tickCountsWorldProcesses() {
        try (LocalCluster c = new LocalCluster(7, 1, mp -> { })) {
            c.ticks(4);
            assertEquals(4, c.server.tick());
            assertEquals(4, c.client(0).tick());
        }
    }
}
