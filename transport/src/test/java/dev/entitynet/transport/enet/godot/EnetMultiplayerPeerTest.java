package dev.entitynet.transport.enet.godot;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Java server and Java clients over real UDP on loopback. */
class EnetMultiplayerPeerTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private final List<EnetMultiplayerPeer> peers = new ArrayList<>();
    private final List<Log> logs = new ArrayList<>();

    /** Records events of one peer as strings, payloads as byte arrays. */
    static final class Log implements PeerEventListener {
        final List<String> events = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();

        @Override
        public void peerConnected(int peerId) {
            events.add("connected " + peerId);
        }

        @Override
        public void peerDisconnected(int peerId) {
            events.add("disconnected " + peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            events.add("packet " + packet.senderId() + " " + packet.mode() + " " + packet.channel());
            payloads.add(packet.toByteArray());
        }

        boolean has(String event) {
            return events.contains(event);
        }
    }

    @AfterEach
    void closeAll() {
        peers.forEach(EnetMultiplayerPeer::close);
    }

    private EnetMultiplayerPeer server(EnetHostOptions options) {
        EnetMultiplayerPeer server = EnetMultiplayerPeer.createServer(ANY_PORT, 8, 4, 0, 0, options);
        peers.add(server);
        logs.add(new Log());
        return server;
    }

    private EnetMultiplayerPeer client(EnetMultiplayerPeer server, long seed, EnetHostOptions options) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.host().localAddress().getPort());
        EnetMultiplayerPeer client = EnetMultiplayerPeer.createClient(address, 4, 0, 0, ANY_PORT, options, new SplittableRandom(seed));
        peers.add(client);
        logs.add(new Log());
        return client;
    }

    private Log log(EnetMultiplayerPeer peer) {
        return logs.get(peers.indexOf(peer));
    }

    /**
     * Polls every peer until {@code done}, or fails after a generous deadline. Between rounds it
     * waits for the next event of one peer in turn (at most a millisecond, as the others may have
     * something meanwhile).
     */
    private void pollUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int turn = 0; !done.getAsBoolean(); turn++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what + "; events: " + logs.stream().map(l -> l.events).toList());
            }
            for (int i = 0; i < peers.size(); i++) {
                if (polled(i)) {
                    peers.get(i).poll(logs.get(i));
                }
            }
            int waiting = turn % peers.size();
            if (polled(waiting)) {
                peers.get(waiting).poll(logs.get(waiting), 1);
            }
        }
    }

    private boolean polled(int peer) {
        return peers.get(peer).connectionStatus() != ConnectionStatus.DISCONNECTED || !logs.get(peer).events.isEmpty();
    }

    private EnetMultiplayerPeer[] connectedPair(EnetHostOptions options) {
        EnetMultiplayerPeer server = server(options);
        EnetMultiplayerPeer a = client(server, 1, options);
        EnetMultiplayerPeer b = client(server, 2, options);
        pollUntil("both clients connected", () -> a.connectionStatus() == ConnectionStatus.CONNECTED
                && b.connectionStatus() == ConnectionStatus.CONNECTED && log(server).events.size() == 2);
        return new EnetMultiplayerPeer[] {server, a, b};
    }

    @Test
    void clientsConnectWithTheirOwnIdsAndSeeTheServerAsOne() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        assertTrue(log(p[0]).has("connected " + p[1].uniqueId()));
        assertTrue(log(p[0]).has("connected " + p[2].uniqueId()));
        assertEquals(List.of("connected 1"), log(p[1]).events);
        assertTrue(p[1].uniqueId() >= 2 && p[1].uniqueId() != p[2].uniqueId());
        assertTrue(p[0].isServer());
        assertTrue(p[1].isServerRelaySupported());
        assertEquals(5, p[1].channelCount(), "the default channel plus the 4 requested, within the server's limit");
    }

    @Test
    void everyModeArrivesOnItsChannelWithItsModeOverEpollAndNio() {
        for (boolean nio : new boolean[] {false, true}) {
            closeAll();
            peers.clear();
            logs.clear();
            EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults().withForceNio(nio));
            EnetMultiplayerPeer server = p[0];
            EnetMultiplayerPeer client = p[1];
            for (TransferMode mode : TransferMode.values()) {
                for (int channel = 0; channel < 4; channel++) {
                    byte[] data = {(byte) mode.ordinal(), (byte) channel, 42};
                    assertEquals(SendResult.SENT, client.send(PeerIds.SERVER, mode, channel, data, 0, data.length));
                    assertEquals(SendResult.SENT, server.send(client.uniqueId(), mode, channel, data, 0, data.length));
                }
            }
            pollUntil("12 packets each way (nio=" + nio + ")", () -> log(server).payloads.size() == 12 && log(client).payloads.size() == 12);
            for (TransferMode mode : TransferMode.values()) {
                for (int channel = 0; channel < 4; channel++) {
                    assertTrue(log(server).has("packet " + client.uniqueId() + " " + mode + " " + channel), mode + " " + channel);
                    assertTrue(log(client).has("packet 1 " + mode + " " + channel), mode + " " + channel);
                }
            }
            assertArrayEquals(new byte[] {2, 3, 42}, log(server).payloads.get(11), "reliable on channel 3 arrives last in order");
        }
    }

    @Test
    void broadcastsReachEveryoneAndExclusionsLeaveOneOut() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        byte[] all = {1};
        byte[] butA = {2};
        p[0].send(PeerIds.BROADCAST, TransferMode.RELIABLE, 0, all, 0, 1);
        p[0].send(-p[1].uniqueId(), TransferMode.RELIABLE, 0, butA, 0, 1);
        pollUntil("broadcasts", () -> log(p[1]).payloads.size() == 1 && log(p[2]).payloads.size() == 2);
        assertArrayEquals(all, log(p[1]).payloads.get(0));
        assertArrayEquals(butA, log(p[2]).payloads.get(1));
        assertEquals(SendResult.UNKNOWN_PEER, p[1].send(p[2].uniqueId(), TransferMode.RELIABLE, 0, all, 0, 1),
                "clients reach other clients only through the server's relay");
    }

    @Test
    void aClientsGracefulDisconnectIsSeenOnBothSides() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        p[1].disconnectPeer(PeerIds.SERVER, false);
        pollUntil("client left", () -> log(p[0]).has("disconnected " + p[1].uniqueId()) && log(p[1]).has("disconnected 1"));
        assertEquals(ConnectionStatus.DISCONNECTED, p[1].connectionStatus());
        assertEquals(SendResult.UNKNOWN_PEER, p[0].send(p[1].uniqueId(), TransferMode.RELIABLE, 0, new byte[1], 0, 1));
    }

    @Test
    void theServerCanDropAClientGracefullyOrByForce() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        p[0].disconnectPeer(p[1].uniqueId(), false);
        p[0].disconnectPeer(p[2].uniqueId(), true);
        pollUntil("both dropped", () -> log(p[0]).has("disconnected " + p[1].uniqueId()) && log(p[0]).has("disconnected " + p[2].uniqueId())
                && log(p[1]).has("disconnected 1") && log(p[2]).has("disconnected 1"));
        assertThrows(IllegalArgumentException.class, () -> p[0].disconnectPeer(p[1].uniqueId(), true));
    }

    @Test
    void closingTheServerTellsTheClients() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        p[0].close();
        pollUntil("clients told", () -> log(p[1]).has("disconnected 1") && log(p[2]).has("disconnected 1"));
        assertEquals(ConnectionStatus.DISCONNECTED, p[0].connectionStatus());
        assertThrows(IllegalStateException.class, () -> p[0].send(0, TransferMode.RELIABLE, 0, new byte[1], 0, 1));
    }

    @Test
    void aRefusingServerTurnsNewClientsAwayAndKeepsTheOthers() {
        EnetMultiplayerPeer server = server(EnetHostOptions.defaults());
        EnetMultiplayerPeer first = client(server, 1, EnetHostOptions.defaults());
        pollUntil("first connected", () -> log(server).events.size() == 1);
        server.setRefuseNewConnections(true);
        EnetMultiplayerPeer late = client(server, 2, EnetHostOptions.defaults());
        pollUntil("late client refused", () -> server.refusedConnections() == 1);
        assertEquals(List.of("connected " + first.uniqueId()), log(server).events);
        assertEquals(SendResult.UNKNOWN_PEER, server.send(late.uniqueId(), TransferMode.RELIABLE, 0, new byte[1], 0, 1));
        assertEquals(SendResult.SENT, server.send(first.uniqueId(), TransferMode.RELIABLE, 0, new byte[1], 0, 1));
    }

    @Test
    void aDuplicateIdIsRefused() {
        EnetMultiplayerPeer server = server(EnetHostOptions.defaults());
        client(server, 7, EnetHostOptions.defaults());
        client(server, 7, EnetHostOptions.defaults()); // same seed, same id
        pollUntil("one accepted, one refused", () -> log(server).events.size() == 1 && server.refusedConnections() == 1);
    }

    @Test
    void userMistakesGetExplanations() {
        EnetMultiplayerPeer[] p = connectedPair(EnetHostOptions.defaults());
        assertThrows(IllegalArgumentException.class, () -> p[1].send(1, TransferMode.RELIABLE, 5, new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> p[1].send(p[1].uniqueId(), TransferMode.RELIABLE, 0, new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> p[0].disconnectPeer(12345, false));
        assertThrows(IllegalArgumentException.class, () -> EnetMultiplayerPeer.createServer(ANY_PORT, 8, 300, 0, 0, EnetHostOptions.defaults()));
    }
}
