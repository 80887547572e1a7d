package dev.entitynet.transport.local;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.ManualClock;
import dev.entitynet.transport.link.LinkProfile;
import dev.entitynet.transport.testing.RecordingListener;
import dev.entitynet.transport.testing.RecordingListener.Packet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalHubTest {
    private final ManualClock clock = new ManualClock();
    private LocalHub hub;
    private final Map<MultiplayerPeer, RecordingListener> listeners = new LinkedHashMap<>();

    private void open(long seed, LinkProfile profile) {
        hub = new LocalHub(clock, seed, profile);
    }

    private MultiplayerPeer server() {
        return track(hub.createServer());
    }

    private MultiplayerPeer client() {
        return track(hub.createClient());
    }

    private MultiplayerPeer track(MultiplayerPeer peer) {
        listeners.put(peer, new RecordingListener());
        return peer;
    }

    private RecordingListener events(MultiplayerPeer peer) {
        return listeners.get(peer);
    }

    /** Advances time in 1 ms steps, polling every peer each step. */
    private void pump(int millis) {
        for (int i = 0; i < millis; i++) {
            clock.advanceMillis(1);
            for (Map.Entry<MultiplayerPeer, RecordingListener> e : listeners.entrySet()) {
                e.getKey().poll(e.getValue());
            }
        }
    }

    /** Pumps until the server has admitted {@code client} and the client knows it. */
    private void pumpUntilConnected(MultiplayerPeer client) {
        for (int i = 0; i < 10_000 && events(client).connected.isEmpty(); i++) {
            pump(1);
        }
        assertEquals(ConnectionStatus.CONNECTED, client.connectionStatus(), "client never connected");
    }

    private static SendResult sendInt(MultiplayerPeer from, int target, TransferMode mode, int channel, int value) {
        byte[] bytes = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
        return from.send(target, mode, channel, bytes, 0, 4);
    }

    @AfterEach
    void releaseMemory() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void clientsConnectAndBothSidesSeeIt() {
        open(1, LinkProfile.perfect().withLatencyMillis(10, 0));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        MultiplayerPeer b = client();
        assertEquals(ConnectionStatus.CONNECTING, a.connectionStatus());
        assertTrue(a.uniqueId() >= 2 && b.uniqueId() >= 2 && a.uniqueId() != b.uniqueId());
        assertFalse(a.isServer());
        assertTrue(server.isServer());
        pump(25);
        assertEquals(ConnectionStatus.CONNECTED, a.connectionStatus());
        assertEquals(List.of(a.uniqueId(), b.uniqueId()), events(server).connected);
        assertEquals(List.of(1), events(a).connected);
        assertEquals(List.of(1), events(b).connected);
        assertTrue(server.isServerRelaySupported());
    }

    @Test
    void broadcastReachesEveryClientAndExclusionSkipsOne() {
        open(2, LinkProfile.perfect().withLatencyMillis(3, 2));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        MultiplayerPeer b = client();
        MultiplayerPeer c = client();
        pump(20);
        assertEquals(SendResult.SENT, sendInt(server, 0, TransferMode.RELIABLE, 0, 100));
        assertEquals(SendResult.SENT, sendInt(server, -b.uniqueId(), TransferMode.RELIABLE, 0, 200));
        assertEquals(SendResult.SENT, sendInt(server, c.uniqueId(), TransferMode.RELIABLE, 0, 300));
        pump(20);
        assertEquals(List.of(100, 200), ints(events(a).packets));
        assertEquals(List.of(100), ints(events(b).packets));
        assertEquals(List.of(100, 200, 300), ints(events(c).packets));
        Packet first = events(a).packets.get(0);
        assertEquals(1, first.sender());
        assertEquals(TransferMode.RELIABLE, first.mode());

        assertEquals(SendResult.SENT, sendInt(a, 1, TransferMode.RELIABLE, 3, 7));
        assertEquals(SendResult.SENT, sendInt(a, 0, TransferMode.RELIABLE, 3, 8));
        pump(20);
        List<Packet> atServer = events(server).packets;
        assertEquals(List.of(7, 8), ints(atServer));
        assertEquals(a.uniqueId(), atServer.get(0).sender());
        assertEquals(3, atServer.get(0).channel());
    }

    @Test
    void reliableArrivesExactlyOnceAndInOrderPerChannelUnderLossAndReordering() {
        for (long seed = 0; seed < 20; seed++) {
            listeners.clear();
            open(seed, LinkProfile.perfect().withLatencyMillis(20, 25).withLoss(0.3).withDuplication(0.3).withReordering(0.4));
            MultiplayerPeer server = server();
            MultiplayerPeer a = client();
            pumpUntilConnected(a);
            for (int i = 0; i < 300; i++) {
                assertEquals(SendResult.SENT, sendInt(server, a.uniqueId(), TransferMode.RELIABLE, i % 3, i));
                assertEquals(SendResult.SENT, sendInt(a, 1, TransferMode.RELIABLE, i % 3, i));
                if (i % 10 == 0) {
                    pump(1);
                }
            }
            pump(3000);
            for (MultiplayerPeer receiver : List.of(a, server)) {
                for (int channel = 0; channel < 3; channel++) {
                    List<Integer> expected = new ArrayList<>();
                    for (int i = channel; i < 300; i += 3) {
                        expected.add(i);
                    }
                    assertEquals(expected, ints(events(receiver).packets(TransferMode.RELIABLE, channel)),
                            "channel " + channel + " at peer " + receiver.uniqueId() + ", seed " + seed);
                }
            }
            hub.close();
        }
        hub = null;
    }

    @Test
    void orderedUnreliableDropsAnythingOlderThanWhatWasDelivered() {
        long seed = 11;
        open(seed, LinkProfile.perfect().withLatencyMillis(10, 30).withReordering(0.5).withDuplication(0.2));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        pumpUntilConnected(a);
        for (int i = 0; i < 500; i++) {
            sendInt(a, 1, TransferMode.UNRELIABLE_ORDERED, 2, i);
            sendInt(a, 1, TransferMode.UNRELIABLE_ORDERED, 3, 1000 + i);
            pump(1);
        }
        pump(500);
        for (int channel = 2; channel <= 3; channel++) {
            List<Integer> got = ints(events(server).packets(TransferMode.UNRELIABLE_ORDERED, channel));
            for (int i = 1; i < got.size(); i++) {
                assertTrue(got.get(i) > got.get(i - 1), "went backwards or repeated at " + i + ": " + got + ", seed " + seed);
            }
            assertTrue(got.size() > 100 && got.size() < 500, "some but not all arrive, got " + got.size() + ", seed " + seed);
        }
        assertTrue(((LocalMultiplayerPeer) server).droppedPackets() > 0, "stale packets were counted");
    }

    @Test
    void unreliableMayBeDuplicatedAndReordered() {
        long seed = 4;
        open(seed, LinkProfile.perfect().withLatencyMillis(10, 20).withDuplication(0.5).withReordering(0.5));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        pump(100);
        for (int i = 0; i < 200; i++) {
            sendInt(a, 1, TransferMode.UNRELIABLE, 0, i);
            pump(1);
        }
        pump(300);
        List<Integer> got = ints(events(server).packets);
        assertTrue(got.size() > 200, "duplicates arrive: " + got.size() + ", seed " + seed);
        boolean backwards = false;
        for (int i = 1; i < got.size(); i++) {
            backwards |= got.get(i) < got.get(i - 1);
        }
        assertTrue(backwards, "reordered, seed " + seed);
    }

    @Test
    void refusedClientsNeverConnectAndDuplicateIdsAreRefused() {
        open(5, LinkProfile.perfect().withLatencyMillis(5, 0));
        MultiplayerPeer server = server();
        server.setRefuseNewConnections(true);
        assertTrue(server.isRefusingNewConnections());
        MultiplayerPeer refused = client();
        pump(20);
        assertEquals(ConnectionStatus.DISCONNECTED, refused.connectionStatus());
        assertTrue(events(server).connected.isEmpty());
        assertTrue(events(refused).connected.isEmpty());
        assertEquals(SendResult.NOT_CONNECTED, sendInt(refused, 1, TransferMode.RELIABLE, 0, 1));

        server.setRefuseNewConnections(false);
        MultiplayerPeer first = track(hub.createClient(LocalPeerConfig.defaults().withClientId(1234)));
        MultiplayerPeer twin = track(hub.createClient(LocalPeerConfig.defaults().withClientId(1234)));
        pump(20);
        assertEquals(ConnectionStatus.CONNECTED, first.connectionStatus());
        assertEquals(ConnectionStatus.DISCONNECTED, twin.connectionStatus());
        assertEquals(List.of(1234), events(server).connected);
    }

    @Test
    void gracefulDisconnectDeliversQueuedReliableDataFirstAndBothSidesSeeIt() {
        open(6, LinkProfile.perfect().withLatencyMillis(10, 10).withLoss(0.3));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        pump(200);
        for (int i = 0; i < 50; i++) {
            sendInt(server, a.uniqueId(), TransferMode.RELIABLE, 0, i);
        }
        server.disconnectPeer(a.uniqueId(), false);
        assertEquals(SendResult.UNKNOWN_PEER, sendInt(server, a.uniqueId(), TransferMode.RELIABLE, 0, 99));
        pump(1000);
        assertEquals(50, events(a).packets.size(), "queued reliable data arrives before the disconnect");
        assertEquals(List.of(1), events(a).disconnected);
        assertEquals(List.of(a.uniqueId()), events(server).disconnected);
        assertEquals(ConnectionStatus.DISCONNECTED, a.connectionStatus());
    }

    @Test
    void forcedDisconnectDropsQueuedDataAndBothSidesSeeIt() {
        open(7, LinkProfile.perfect().withLatencyMillis(10, 0));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        pump(30);
        for (int i = 0; i < 50; i++) {
            sendInt(server, a.uniqueId(), TransferMode.RELIABLE, 0, i);
        }
        server.disconnectPeer(a.uniqueId(), true);
        pump(100);
        assertTrue(events(a).packets.isEmpty(), "forced disconnect discards what was in flight");
        assertEquals(List.of(1), events(a).disconnected);
        assertEquals(List.of(a.uniqueId()), events(server).disconnected);
    }

    @Test
    void clientLeavingIsSeenByTheServer() {
        open(8, LinkProfile.perfect().withLatencyMillis(10, 0));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        MultiplayerPeer b = client();
        pump(30);
        a.disconnectPeer(1, false);
        assertThrows(IllegalArgumentException.class, () -> b.disconnectPeer(99, false));
        b.close();
        pump(30);
        assertEquals(List.of(1), events(a).disconnected, "the client that disconnected reports it locally");
        assertTrue(events(b).disconnected.isEmpty(), "close() reports nothing locally, as in Godot");
        assertEquals(List.of(a.uniqueId(), b.uniqueId()), events(server).disconnected);
        assertEquals(ConnectionStatus.DISCONNECTED, b.connectionStatus());
    }

    @Test
    void closingTheServerDisconnectsEveryClient() {
        open(9, LinkProfile.perfect().withLatencyMillis(10, 0));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        MultiplayerPeer b = client();
        pump(30);
        server.close();
        server.close();
        assertEquals(ConnectionStatus.DISCONNECTED, server.connectionStatus());
        assertThrows(IllegalStateException.class, () -> sendInt(server, 0, TransferMode.RELIABLE, 0, 1));
        pump(30);
        assertEquals(List.of(1), events(a).disconnected);
        assertEquals(List.of(1), events(b).disconnected);
        assertEquals(ConnectionStatus.DISCONNECTED, a.connectionStatus());
        assertThrows(IllegalStateException.class, () -> hub.createClient());
    }

    @Test
    void badSendsSayWhatIsWrongAndSendNothing() {
        open(10, LinkProfile.perfect());
        MultiplayerPeer server = track(hub.createServer(LocalPeerConfig.defaults().withChannels(4).withMaxPacketSize(64)));
        MultiplayerPeer a = client();
        pump(5);
        byte[] big = new byte[65];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> server.send(0, TransferMode.RELIABLE, 4, big, 0, 1));
        assertTrue(e.getMessage().contains("channel 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> server.send(0, TransferMode.RELIABLE, 0, big, 0, 65));
        assertTrue(e.getMessage().contains("maxPacketSize 64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> server.send(1, TransferMode.RELIABLE, 0, big, 0, 1));
        assertEquals(SendResult.UNKNOWN_PEER, server.send(424242, TransferMode.RELIABLE, 0, big, 0, 1));
        assertEquals(SendResult.UNKNOWN_PEER, a.send(424242, TransferMode.RELIABLE, 0, big, 0, 1));
        assertEquals(4, a.channelCount(), "a client gets the fewer channels of both sides");
        pump(5);
        assertTrue(events(a).packets.isEmpty());
        assertTrue(events(server).packets.isEmpty());
        a.close();
        assertThrows(IllegalStateException.class, () -> a.send(1, TransferMode.RELIABLE, 0, big, 0, 1));
    }

    @Test
    void packetViewsStayValidUntilTheNextPollAndNothingLeaks() {
        open(12, LinkProfile.perfect().withLatencyMillis(1, 0).withDuplication(0.5));
        MultiplayerPeer server = server();
        MultiplayerPeer a = client();
        pump(5);
        List<ReceivedPacket> views = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sendInt(a, 1, TransferMode.RELIABLE, 0, 10 + i);
        }
        clock.advanceMillis(5);
        server.poll(views::add);
        // Each packet's payload is its own pooled buffer, readable after the poll returned.
        assertEquals(3, views.size());
        assertArrayEquals(new byte[] {12, 0, 0, 0}, views.get(2).toByteArray());

        for (int i = 0; i < 1000; i++) {
            sendInt(a, 1, TransferMode.UNRELIABLE, 0, i);
            sendInt(server, 0, TransferMode.RELIABLE, 1, i);
            pump(1);
        }
        pump(20);
        assertEquals(hub.pool().created(), hub.pool().available(), "every pooled datagram came back");
        assertTrue(hub.pool().created() < 200, "the pool stays small: " + hub.pool().created());
    }

    @Test
    void clientChurnDoesNotGrowTheHub() {
        open(13, LinkProfile.perfect().withLatencyMillis(2, 1));
        MultiplayerPeer server = server();
        for (int round = 0; round < 200; round++) {
            MultiplayerPeer c = client();
            pump(6);
            sendInt(server, c.uniqueId(), TransferMode.RELIABLE, 0, round);
            c.close();
            listeners.remove(c);
            pump(6);
        }
        assertEquals(200, events(server).connected.size());
        assertEquals(200, events(server).disconnected.size());
        assertTrue(hub.connections().size() <= 1, "finished connections are pruned: " + hub.connections().size());
        assertEquals(hub.pool().created(), hub.pool().available(), "nothing leaked");
    }

    private static List<Integer> ints(List<Packet> packets) {
        List<Integer> values = new ArrayList<>();
        for (Packet p : packets) {
            values.add(p.firstInt());
        }
        return values;
    }
}
