package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EnetHost's inline mode over real loopback UDP: events on the event loop, sends straight to the engine. */
class InlineEnetHostTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final byte POISON = 1;

    /**
     * Echoes every packet from inside the callback, throws for packets starting with {@link #POISON},
     * and remembers the last connected handle; fields are volatile because the test thread watches them.
     */
    static final class InlineEcho implements EnetEventListener {
        private final EnetHost host;
        volatile int peer = -1;
        volatile int received;
        volatile int disconnects;
        volatile boolean onLoopThread = true;

        InlineEcho(EnetHost host) {
            this.host = host;
        }

        @Override
        public void connected(int handle, long endpoint, int data) {
            peer = handle;
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            disconnects = disconnects + 1;
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            if (!Thread.currentThread().getName().startsWith("enet-host-")) {
                onLoopThread = false;
            }
            received = received + 1;
            if (payload.readByte(payload.readPosition()) == POISON) {
                throw new IllegalStateException("a listener bug");
            }
            assertEquals(SendResult.SENT, host.send(handle, channel, flags, payload, payload.readPosition(), (int) payload.readRemaining()));
        }
    }

    /** A ring-mode client's view: counts packets and disconnects. */
    static final class Counts implements EnetEventListener {
        int peer = -1;
        int received;
        int disconnects;

        @Override
        public void connected(int handle, long endpoint, int data) {
            peer = handle;
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            disconnects++;
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            received++;
        }
    }

    private static InetSocketAddress addressOf(EnetHost host) {
        return new InetSocketAddress("127.0.0.1", host.localAddress().getPort());
    }

    private static void serviceUntil(EnetHost client, Counts events, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            client.service(events, 1);
        }
        assertTrue(done.getAsBoolean(), what + " before the deadline");
    }

    @Test
    void theListenerAnswersOnTheEventLoopAndAnotherThreadMaySendThroughTheRing() {
        InlineEcho[] echo = new InlineEcho[1];
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK, EnetHostOptions.defaults(), h -> echo[0] = new InlineEcho(h));
             EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
            assertTrue(server.isInline());
            assertFalse(client.isInline());
            Counts events = new Counts();
            client.connect(addressOf(server), 2, 0);
            serviceUntil(client, events, () -> events.peer >= 0 && echo[0].peer >= 0, "connected");
            byte[] packet = new byte[100];
            for (int i = 0; i < 500; i++) {
                assertEquals(SendResult.SENT, client.send(events.peer, i % 2, EnetPacketFlags.RELIABLE, packet, 0, packet.length));
            }
            serviceUntil(client, events, () -> events.received == 500, "every packet echoed");
            assertTrue(echo[0].onLoopThread, "events arrive on the host's event loop");

            // This thread is not the loop: its sends cross the command ring.
            for (int i = 0; i < 20; i++) {
                assertEquals(SendResult.SENT, server.send(echo[0].peer, 1, EnetPacketFlags.RELIABLE, packet, 0, packet.length));
            }
            serviceUntil(client, events, () -> events.received == 520, "packets sent from another thread arrived");
            assertEquals(0, server.listenerFailures());
            assertEquals(0, server.rejectedSends());
        }
    }

    @Test
    void aThrowingListenerIsCountedAndTheHostGoesOn() {
        InlineEcho[] echo = new InlineEcho[1];
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK, EnetHostOptions.defaults(), h -> echo[0] = new InlineEcho(h));
             EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
            Counts events = new Counts();
            client.connect(addressOf(server), 2, 0);
            serviceUntil(client, events, () -> events.peer >= 0, "connected");
            byte[] poison = {POISON, 0, 0};
            byte[] good = {2, 0, 0};
            client.send(events.peer, 0, EnetPacketFlags.RELIABLE, poison, 0, poison.length);
            client.send(events.peer, 0, EnetPacketFlags.RELIABLE, poison, 0, poison.length);
            client.send(events.peer, 0, EnetPacketFlags.RELIABLE, good, 0, good.length);
            serviceUntil(client, events, () -> events.received == 1, "the good packet echoed");
            assertEquals(2, server.listenerFailures());
            assertEquals("a listener bug", server.lastListenerFailure().getMessage());
            assertTrue(client.isConnected(events.peer), "the connection survived the listener's exceptions");
        }
    }

    @Test
    void pollingAndConnectionControlFromAnotherThreadAreRefusedWithAnExplanation() {
        InlineEcho[] echo = new InlineEcho[1];
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK, EnetHostOptions.defaults(), h -> echo[0] = new InlineEcho(h));
             EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK)) {
            Counts events = new Counts();
            client.connect(addressOf(server), 2, 0);
            serviceUntil(client, events, () -> events.peer >= 0 && echo[0].peer >= 0, "connected");
            int peer = echo[0].peer;
            IllegalStateException service = assertThrows(IllegalStateException.class, () -> server.service(events));
            assertTrue(service.getMessage().contains("inline"), service.getMessage());
            IllegalStateException disconnect = assertThrows(IllegalStateException.class, () -> server.disconnect(peer, 0));
            assertTrue(disconnect.getMessage().contains("from its listener"), disconnect.getMessage());
            assertThrows(IllegalStateException.class, () -> server.timeout(peer, 0, 0, 0, 0));
            assertThrows(IllegalStateException.class, () -> server.throttleConfigure(peer, 5000, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> server.send(peer, 255, 0, new byte[1], 0, 1));

            // A send from another thread to a connection that has ended is not refused there but counted on the loop.
            client.disconnectNow(events.peer, 0);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (echo[0].disconnects == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, echo[0].disconnects, "the server saw the disconnect");
            assertEquals(SendResult.SENT, server.send(peer, 0, EnetPacketFlags.RELIABLE, new byte[4], 0, 4));
            while (server.staleCommands() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, server.staleCommands());
        }
    }

    /** Connects from the test thread, then sends everything from inside its own callbacks. */
    static final class InlineSender implements EnetEventListener {
        private final EnetHost host;
        private final byte[] packet = new byte[64];
        volatile int echoes;
        volatile int disconnectData = -1;

        InlineSender(EnetHost host) {
            this.host = host;
        }

        @Override
        public void connected(int handle, long endpoint, int data) {
            for (int i = 0; i < 300; i++) {
                host.send(handle, 0, EnetPacketFlags.RELIABLE, packet, 0, packet.length);
            }
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            disconnectData = data;
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            echoes = echoes + 1;
            if (echoes == 300) {
                host.disconnect(handle, 55); // from the listener: straight to the engine
            }
        }
    }

    @Test
    void anInlineClientConnectsFromAnotherThreadAndDrivesEverythingFromItsListener() {
        InlineEcho[] echo = new InlineEcho[1];
        InlineSender[] sender = new InlineSender[1];
        try (EnetHost server = EnetHost.create(EnetConfig.defaults(), LOOPBACK, EnetHostOptions.defaults(), h -> echo[0] = new InlineEcho(h));
             EnetHost client = EnetHost.create(EnetConfig.defaults().withPeerLimit(1), LOOPBACK, EnetHostOptions.defaults(),
                     h -> sender[0] = new InlineSender(h))) {
            int handle = client.connect(addressOf(server), 1, 0);
            assertTrue(handle >= 0);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while ((sender[0].disconnectData < 0 || echo[0].disconnects == 0) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(300, sender[0].echoes);
            assertEquals(0, sender[0].disconnectData, "a disconnect we asked for reports data 0 locally");
            assertEquals(1, echo[0].disconnects, "the server saw the graceful disconnect");
            assertEquals(0, client.listenerFailures());
            assertEquals(0, server.listenerFailures());
        }
    }
}
