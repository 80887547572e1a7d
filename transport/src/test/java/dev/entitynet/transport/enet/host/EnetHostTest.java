package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnetHostTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    /** Remembers the last connected peer and counts received packets. */
    static final class Events implements EnetEventListener {
        int peer = -1;
        int received;

        @Override
        public void connected(int handle, long endpoint, int data) {
            peer = handle;
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            received++;
        }
    }

    private static void connect(EnetHost server, EnetHost client, Events serverEvents, Events clientEvents) {
        client.connect(new InetSocketAddress("127.0.0.1", server.localAddress().getPort()), 2, 0);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((serverEvents.peer < 0 || clientEvents.peer < 0) && System.nanoTime() < deadline) {
            server.service(serverEvents, 1);
            client.service(clientEvents, 1);
        }
        assertTrue(serverEvents.peer >= 0 && clientEvents.peer >= 0, "connected before the deadline");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "forceNio={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void bindingABusyPortFailsWithTheAddressAndLeaksNoThread(boolean forceNio) throws Exception {
        EnetHostOptions options = EnetHostOptions.defaults().withForceNio(forceNio);
        try (EnetHost first = EnetHost.create(EnetConfig.defaults(), LOOPBACK, options)) {
            InetSocketAddress busy = new InetSocketAddress("127.0.0.1", first.localAddress().getPort());
            String threadName = "enet-host-" + busy.getPort();
            for (int attempt = 0; attempt < 5; attempt++) {
                IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                        () -> EnetHost.create(EnetConfig.defaults(), busy, options));
                assertTrue(e.getMessage().contains("127.0.0.1:" + busy.getPort()), e.getMessage());
            }
            // the failed hosts' loops (named after the port they tried) end; the first one's is named after port 0.
            // A loop thread exits just after its termination is signalled: wait for it, up to a generous bound.
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(threadName)) {
                    t.join(10_000);
                }
            }
            assertEquals(0, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName) && t.isAlive()).count());
        }
    }

    @Test
    void aFullCommandRingIsBackPressureAndEverythingAcceptedArrives() {
        EnetHostOptions small = EnetHostOptions.defaults().withRingBytes(1 << 16, 1 << 20);
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK);
             EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK, small)) {
            Events serverEvents = new Events();
            Events clientEvents = new Events();
            connect(server, client, serverEvents, clientEvents);
            byte[] packet = new byte[16_000];
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 200; i++) {
                SendResult result = client.send(clientEvents.peer, 0, EnetPacketFlags.RELIABLE, packet, 0, packet.length);
                if (result == SendResult.SENT) {
                    accepted++;
                } else {
                    assertEquals(SendResult.BACK_PRESSURE, result);
                    refused++;
                }
            }
            assertTrue(refused > 0, "a 64 KiB ring cannot take 200 x 16 KB at once");
            assertEquals(refused, client.backPressuredSends());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (serverEvents.received < accepted && System.nanoTime() < deadline) {
                server.service(serverEvents, 1);
            }
            assertEquals(accepted, serverEvents.received, "every accepted reliable packet arrived");
        }
    }

    @Test
    void whatSendAcceptsTheEngineNeverRefuses() {
        EnetConfig config = EnetConfig.defaults().withMaxPacketSize(70_000);
        try (EnetHost server = EnetHost.create(config, LOOPBACK); EnetHost client = EnetHost.create(config.withPeerLimit(1), LOOPBACK)) {
            Events serverEvents = new Events();
            Events clientEvents = new Events();
            connect(server, client, serverEvents, clientEvents);
            int lastChannel = client.channelCount(clientEvents.peer) - 1;
            byte[] largest = new byte[client.maxPacketSize()];
            int[] flags = {EnetPacketFlags.RELIABLE, 0, EnetPacketFlags.UNSEQUENCED, EnetPacketFlags.UNRELIABLE_FRAGMENT, 0xFF};
            for (int f : flags) {
                assertEquals(SendResult.SENT, client.send(clientEvents.peer, lastChannel, f, largest, 0, largest.length));
                assertEquals(SendResult.SENT, client.send(clientEvents.peer, 0, f, largest, 0, 0));
            }
            assertThrows(IllegalArgumentException.class, () -> client.send(clientEvents.peer, lastChannel + 1, 0, largest, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> client.send(clientEvents.peer, 0, 0, new byte[70_001], 0, 70_001));
            assertEquals(SendResult.SENT, server.broadcast(lastChannel, EnetPacketFlags.RELIABLE, BytesStore.wrap(largest), 0, 5));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while ((serverEvents.received < 2 || clientEvents.received < 1) && System.nanoTime() < deadline) {
                server.service(serverEvents, 1);
                client.service(clientEvents, 1);
            }
            assertTrue(serverEvents.received >= 2, "the reliable packets arrived");
            assertEquals(0, client.rejectedSends(), "the engine refused nothing the client's send accepted");
            assertEquals(0, server.rejectedSends(), "the engine refused nothing the server's broadcast accepted");
        }
    }

    @Test
    void timeoutsAreValidatedAndNeedALiveHandle() {
        try (EnetHost host = EnetHost.create(EnetConfig.defaults(), LOOPBACK)) {
            assertThrows(IllegalArgumentException.class, () -> host.timeout(3, 0, 100, 1000, 100));
            int peer = host.connect(new InetSocketAddress("127.0.0.1", 9), 2, 0);
            assertThrows(IllegalArgumentException.class, () -> host.timeout(peer, -1, 100, 1000, 100));
            host.timeout(peer, 0, 100, 300, 50);
            DisconnectWatch watch = new DisconnectWatch();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!watch.disconnected && System.nanoTime() < deadline) {
                host.service(watch, 10);
            }
            assertTrue(watch.disconnected, "a connect attempt to a closed port fails by the short timeout");
        }
    }

    @Test
    void throttleSettingsAreValidatedAndNeedALiveHandle() {
        try (EnetHost host = EnetHost.create(EnetConfig.defaults(), LOOPBACK)) {
            assertThrows(IllegalArgumentException.class, () -> host.throttleConfigure(3, 5000, 2, 2));
            int peer = host.connect(new InetSocketAddress("127.0.0.1", 9), 2, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> host.throttleConfigure(peer, 0, 2, 2));
            assertTrue(e.getMessage().contains("interval"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> host.throttleConfigure(peer, 5000, 33, 2));
            assertThrows(IllegalArgumentException.class, () -> host.throttleConfigure(peer, 5000, 2, -1));
            host.throttleConfigure(peer, 5000, 2, 0);
        }
    }

    /** Notes a disconnection. */
    static final class DisconnectWatch implements EnetEventListener {
        boolean disconnected;

        @Override
        public void connected(int handle, long endpoint, int data) {
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            disconnected = true;
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
        }
    }

    @Test
    void mistakesAndDeadHandlesAreReportedNotApplied() {
        try (EnetHost host = EnetHost.create(EnetConfig.defaults().withMaxPacketSize(1000), LOOPBACK)) {
            assertEquals(1000, host.maxPacketSize());
            assertEquals(SendResult.NOT_CONNECTED, host.send(5, 0, EnetPacketFlags.RELIABLE, new byte[4], 0, 4));
            assertThrows(IllegalArgumentException.class, () -> host.send(5, 0, 0, new byte[1001], 0, 1001));
            assertThrows(IllegalArgumentException.class, () -> host.disconnect(5, 0));
            assertThrows(IllegalArgumentException.class, () -> host.connect(new InetSocketAddress("127.0.0.1", 9), 0, 0));
            host.close();
            assertThrows(IllegalStateException.class, () -> host.send(5, 0, 0, new byte[1], 0, 1));
        }
    }
}
