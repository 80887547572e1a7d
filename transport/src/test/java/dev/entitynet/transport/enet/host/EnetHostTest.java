package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import net.openhft.chronicle.bytes.Bytes;
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
