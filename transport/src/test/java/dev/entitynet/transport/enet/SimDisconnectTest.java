package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.sim.SimNetwork;
import dev.entitynet.transport.enet.sim.SimNode;
import dev.entitynet.transport.link.LinkProfile;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three disconnect kinds, seen on both sides, and timeouts. */
class SimDisconnectTest {
    static final long SERVER = Endpoints.of(0x0A000001, 7777);
    static final long CLIENT = Endpoints.of(0x0A000002, 40000);

    final SimNetwork net = new SimNetwork(11, LinkProfile.perfect().withLatencyMillis(25, 5));
    final Recorder serverEvents = new Recorder();
    final Recorder clientEvents = new Recorder();
    final SimNode server = net.add(SERVER, EnetConfig.defaults()).listener(serverEvents);
    final SimNode client = net.add(CLIENT, EnetConfig.defaults()).listener(clientEvents);

    void connect() {
        client.engine().connect(SERVER, 1, 0, net.nowMillis());
        assertTrue(net.runUntil(() -> serverEvents.count("connected") == 1 && clientEvents.count("connected") == 1, 2000));
        net.run(1500);
    }

    void assertIdle(EnetEngine engine) {
        assertFalse(engine.isActive(0));
        assertEquals(0, engine.outgoingCommandsInUse());
        assertEquals(0, engine.incomingCommandsInUse());
    }

    @Test
    void gracefulDisconnectIsSeenOnBothSidesWithTheData() {
        connect();
        client.engine().disconnect(0, 77);
        assertTrue(net.runUntil(() -> serverEvents.count("disconnected") == 1 && clientEvents.count("disconnected") == 1, 2000));
        assertEquals(77, serverEvents.of("disconnected").get(0).data());
        assertEquals(0, clientEvents.of("disconnected").get(0).data());
        net.run(100);
        assertIdle(client.engine());
        assertIdle(server.engine());
        net.close();
    }

    @Test
    void disconnectNowTellsTheRemoteOnlyAndReportsNothingLocally() {
        connect();
        server.engine().disconnectNow(0, 5);
        assertFalse(server.engine().isActive(0));
        assertTrue(net.runUntil(() -> clientEvents.count("disconnected") == 1, 2000));
        assertEquals(5, clientEvents.of("disconnected").get(0).data());
        net.run(100);
        assertEquals(0, serverEvents.count("disconnected"));
        assertIdle(client.engine());
        assertIdle(server.engine());
        net.close();
    }

    @Test
    void disconnectLaterDeliversQueuedDataFirst() {
        connect();
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[3000];
            b[0] = (byte) i;
            client.engine().send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(b), 0, b.length);
        }
        client.engine().disconnectLater(0, 9);
        assertTrue(client.engine().isActive(0));
        assertTrue(net.runUntil(() -> serverEvents.count("disconnected") == 1 && clientEvents.count("disconnected") == 1, 5000));
        assertEquals(20, serverEvents.received().size());
        int last = serverEvents.events.size() - 1;
        assertEquals("disconnected", serverEvents.events.get(last).kind());
        assertEquals(9, serverEvents.events.get(last).data());
        net.run(100);
        assertIdle(client.engine());
        assertIdle(server.engine());
        net.close();
    }

    @Test
    void simultaneousGracefulDisconnectsEndBothSides() {
        connect();
        client.engine().disconnect(0, 1);
        server.engine().disconnect(0, 2);
        assertTrue(net.runUntil(() -> serverEvents.count("disconnected") == 1 && clientEvents.count("disconnected") == 1, 35_000));
        net.close();
    }

    @Test
    void silentClientTimesOutOnTheServer() {
        connect();
        client.silent(true);
        long start = net.nowMillis();
        assertTrue(net.runUntil(() -> serverEvents.count("disconnected") == 1, 40_000));
        long took = net.nowMillis() - start;
        // RTO on a 50-60 ms RTT link: detected after timeoutMinimum (5 s) once the RTO reached its limit
        assertTrue(took >= 5000 && took <= 30_500, "timed out after " + took + " ms");
        assertIdle(server.engine());
        // the client, whose acks never arrive, also gives up
        assertTrue(net.runUntil(() -> clientEvents.count("disconnected") == 1, 40_000));
        net.close();
    }

    @Test
    void unansweredConnectRetriesOnLibenetsScheduleAndFails() {
        server.silent(true);
        client.engine().connect(SERVER, 1, 0, net.nowMillis());
        long start = net.nowMillis();
        java.util.List<Long> sendTimes = new java.util.ArrayList<>();
        long sent = 0;
        while (clientEvents.count("disconnected") == 0 && net.nowMillis() - start < 40_000) {
            net.tick();
            if (client.datagramsSent() != sent) {
                sent = client.datagramsSent();
                sendTimes.add(net.nowMillis() - 1 - start);
            }
        }
        assertEquals(java.util.List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L), sendTimes);
        // libenet gives up at 31.5 s; the attempt ends at the timeout maximum, 30 s, whatever the timers say
        assertEquals(30_000, net.nowMillis() - 1 - start);
        // the server never completed a handshake and never gave it a slot
        assertTrue(!server.engine().isActive(0));
        assertEquals(0, serverEvents.events.size());
        net.close();
    }

    @Test
    void resetIsSilentAndTheRemoteTimesOut() {
        connect();
        server.engine().reset(0);
        assertFalse(server.engine().isActive(0));
        assertTrue(net.runUntil(() -> clientEvents.count("disconnected") == 1, 40_000));
        assertEquals(0, serverEvents.count("disconnected"));
        net.close();
    }

    @Test
    void reconnectFromTheSameSlotAdvancesSessions() {
        connect();
        client.engine().disconnect(0, 0);
        assertTrue(net.runUntil(() -> serverEvents.count("disconnected") == 1 && clientEvents.count("disconnected") == 1, 2000));
        net.run(100);
        client.engine().connect(SERVER, 1, 0, net.nowMillis());
        assertTrue(net.runUntil(() -> serverEvents.count("connected") == 2 && clientEvents.count("connected") == 2, 2000));
        byte[] b = {42};
        client.engine().send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(b), 0, 1);
        assertTrue(net.runUntil(() -> serverEvents.received().size() == 1, 2000));
        assertEquals(0, server.engine().stats().dropped(DropReason.SESSION_MISMATCH));
        net.close();
    }
}
