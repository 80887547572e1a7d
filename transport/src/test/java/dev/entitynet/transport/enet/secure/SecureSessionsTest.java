package dev.entitynet.transport.enet.secure;

import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.secure.ConnectToken;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secure mode on simulated time: the token decides who connects, every datagram authenticates,
 * and what a spoofer forges, replays or floods never reaches the ENet engine.
 */
class SecureSessionsTest {
    /** Received packets as strings, and disconnects. */
    static final class Events implements EnetEventListener {
        final List<String> received = new ArrayList<>();
        int connects;
        int disconnects;

        @Override
        public void connected(int peerId, long endpoint, int data) {
            connects++;
        }

        @Override
        public void disconnected(int peerId, long endpoint, int data) {
            disconnects++;
        }

        @Override
        public void received(int peerId, int channel, int flags, Bytes<?> payload) {
            byte[] b = new byte[(int) payload.readRemaining()];
            payload.read(b);
            received.add(new String(b));
        }
    }

    private static void send(EnetEngine engine, String text) {
        byte[] b = text.getBytes();
        assertTrue(engine.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(b), 0, b.length));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void aTokenHolderConnectsTalksAndIsKnownByItsClientId() {
        try (SecurePair p = SecurePair.connected()) {
            Events serverEvents = new Events();
            Events clientEvents = new Events();
            send(p.client, "hello server");
            send(p.server, "hello client");
            p.run(10);
            p.server.pollEvents(serverEvents);
            p.client.pollEvents(clientEvents);
            assertEquals(List.of("hello server"), serverEvents.received);
            assertEquals(List.of("hello client"), clientEvents.received);
            assertEquals(42, p.serverLink.security().clientId(SecurePair.CLIENT));
            assertEquals(1, p.serverStats().acceptedTokens());
        }
    }

    @Test
    void sealingAddsEighteenToTwentyFiveBytesPerDatagram() {
        try (SecurePair p = SecurePair.connected()) {
            byte[] payload = new byte[64];
            p.client.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, payload.length);
            p.client.service(p.now, p.clientLink);
            int sealed = p.toServer.datagrams.get(0).length;
            int plain = 4 + 6 + 64; // header with sent time, SEND_RELIABLE, payload
            assertTrue(sealed - plain >= 18 && sealed - plain <= 25, "overhead " + (sealed - plain));
        }
    }

    @Test
    void datagramsFromHeapArraysAndOffHeapMemoryAreSealedAlike() {
        try (SecurePair p = SecurePair.connected()) {
            byte[] plain = "an engine datagram".getBytes();
            byte[] shifted = new byte[plain.length + 5];
            System.arraycopy(plain, 0, shifted, 5, plain.length);
            BytesStore<?, Void> offHeap = BytesStore.nativeStoreWithFixedCapacity(64);
            try {
                offHeap.write(0, plain);
                p.clientLink.send(SecurePair.SERVER, offHeap, 0, plain.length);       // copied, then sealed in place
                p.clientLink.send(SecurePair.SERVER, BytesStore.wrap(shifted), 5, plain.length); // sealed from the array
            } finally {
                offHeap.releaseLast();
            }
            DatagramSecurity server = p.serverLink.security();
            assertEquals(2, p.toServer.datagrams.size());
            for (byte[] d : p.toServer.datagrams) {
                int at = server.open(SecurePair.CLIENT, d, 0, d.length, p.epochMillis);
                assertTrue(at >= 0, server.stats().toString());
                assertArrayEquals(plain, Arrays.copyOfRange(d, at, at + server.openedLength()));
            }
        }
    }

    @Test
    void statisticsCountEveryDatagramAndByteThatCrossedTheWire() {
        try (SecurePair p = SecurePair.connected()) {
            send(p.client, "counted");
            send(p.server, "counted too");
            p.run(10);
            assertEquals(p.toServer.sentDatagrams, p.clientStats().sealedDatagrams());
            assertEquals(p.toServer.sentBytes, p.clientStats().sealedBytes());
            assertEquals(p.toClient.sentDatagrams, p.serverStats().sealedDatagrams());
            assertEquals(p.toClient.sentBytes, p.serverStats().sealedBytes());
            // nothing lost or forged: each side opened all the other sealed, byte for byte
            assertEquals(p.clientStats().sealedBytes(), p.serverStats().openedBytes());
            assertEquals(p.serverStats().sealedDatagrams(), p.clientStats().openedDatagrams());
            assertEquals(p.serverStats().sealedBytes(), p.clientStats().openedBytes());
        }
    }

    @Test
    void forgedDisconnectAckAndStallingFragmentHaveNoEffect() {
        try (SecurePair p = SecurePair.connected()) {
            int word = p.client.outgoingPeerId(0) | p.client.outgoingSessionId(0) << 12;
            String h = String.format("%04x", word);
            String ht = String.format("%04x%04x", word | 0x8000, p.now & 0xFFFF);
            // what a spoofer who knows peer id and session sends in plain ENet
            p.forgeToServer(SecurePair.CLIENT, hex(h + "44ff0000 00000000"));                       // DISCONNECT
            p.forgeToServer(SecurePair.CLIENT, hex(ht + "01ff0002 0002 0000"));                      // ACK skewing RTT
            p.forgeToServer(SecurePair.CLIENT, hex(ht + "88000001 0001 000a 00000002 00000000 00000014 00000000" + "00".repeat(10)));
            // and in the secure framing, with a guessed sequence number
            p.forgeToServer(SecurePair.CLIENT, hex("1105" + "00".repeat(40)));
            assertEquals(4, p.serverStats().dropped(SecureDrop.FORGED));
            send(p.client, "still here");
            p.run(10);
            Events events = new Events();
            p.server.pollEvents(events);
            assertEquals(List.of("still here"), events.received);
            assertTrue(p.server.isConnected(0));
        }
    }

    @Test
    void replayedDatagramsAreDroppedBeforeTheEngine() {
        try (SecurePair p = SecurePair.connected()) {
            send(p.client, "once");
            p.client.service(p.now, p.clientLink);
            byte[] captured = p.toServer.datagrams.get(0);
            p.deliverToServer();
            for (int i = 0; i < 5; i++) {
                p.forgeToServer(SecurePair.CLIENT, captured.clone());
            }
            assertEquals(5, p.serverStats().dropped(SecureDrop.REPLAYED));
            Events events = new Events();
            p.server.pollEvents(events);
            assertEquals(List.of("once"), events.received);
        }
    }

    @Test
    void expiredTokensCreateNoState() {
        try (SecurePair p = new SecurePair(7, 30)) {
            p.epochMillis += 31_000;
            p.client.connect(SecurePair.SERVER, 2, 0, p.now);
            p.run(100);
            assertFalse(p.client.isConnected(0));
            assertTrue(p.serverStats().dropped(SecureDrop.BAD_TOKEN) >= 1);
            assertEquals(0, p.server.halfOpenConnections());
            assertEquals(-1, p.serverLink.security().clientId(SecurePair.CLIENT));
        }
    }

    @Test
    void aTokenForAnotherServerIsRefused() {
        try (SecurePair p = new SecurePair(7, 30)) {
            byte[] foreign = p.issuer.issue(7, List.of(new InetSocketAddress("127.0.0.1", 9999)), 30, 10, new byte[0]);
            SecureLink client = new SecureLink(SecureMode.client(foreign).open(1, null), p.toServer, () -> p.epochMillis);
            p.client.connect(Endpoints.of(new InetSocketAddress("127.0.0.1", 9999)), 2, 0, p.now);
            p.client.service(p.now, client);
            for (byte[] d : p.toServer.datagrams) {
                p.forgeToServer(SecurePair.CLIENT, d);
            }
            assertEquals(1, p.serverStats().dropped(SecureDrop.BAD_TOKEN));
            assertEquals(0, p.server.halfOpenConnections());
        }
    }

    @Test
    void aTokenReplayedFromAnotherAddressIsRefused() {
        try (SecurePair p = new SecurePair(7, 30)) {
            p.client.connect(SecurePair.SERVER, 2, 0, p.now);
            p.client.service(p.now, p.clientLink);
            byte[] request = p.toServer.datagrams.get(0).clone();
            p.deliverToServer();
            p.forgeToServer(Endpoints.of(0x7F0000EE, 4444), request);
            assertEquals(1, p.serverStats().dropped(SecureDrop.TOKEN_REPLAYED));
            assertEquals(1, p.server.halfOpenConnections(), "only the rightful client's handshake");
        }
    }

    @Test
    void aSecondConnectionForAConnectedClientIdIsRefused() {
        try (SecurePair p = SecurePair.connected(); EnetEngine second = new EnetEngine(EnetConfig.defaults(), 5)) {
            byte[] token = p.issuer.issue(42, List.of(SecurePair.SERVER_ADDRESS), 30, 10, new byte[0]);
            SecurePair.Wire wire = new SecurePair.Wire();
            SecureLink link = new SecureLink(SecureMode.client(token).open(1, null), wire, () -> p.epochMillis);
            second.connect(SecurePair.SERVER, 2, 0, p.now);
            second.service(p.now, link);
            p.forgeToServer(Endpoints.of(0x7F000001, 50001), wire.datagrams.get(0));
            assertEquals(1, p.serverStats().dropped(SecureDrop.CLIENT_ALREADY_CONNECTED));
            assertEquals(0, p.server.halfOpenConnections());
        }
    }

    @Test
    void plainEnetClientsAreRefused() {
        try (SecurePair p = new SecurePair(7, 30); EnetEngine plain = new EnetEngine(EnetConfig.defaults(), 9)) {
            SecurePair.Wire wire = new SecurePair.Wire();
            plain.connect(SecurePair.SERVER, 2, 0, p.now);
            plain.service(p.now, wire);
            p.forgeToServer(SecurePair.CLIENT, wire.datagrams.get(0));
            assertEquals(1, p.serverStats().dropped(SecureDrop.NO_SESSION));
            assertEquals(0, p.server.halfOpenConnections());
            assertTrue(p.toClient.datagrams.isEmpty(), "no answer");
        }
    }

    @Test
    void aFloodOfBogusTokensFromSpoofedSourcesHoldsNothingAllocatesNothingAndIsNotAnswered() {
        long seed = 17;
        SplittableRandom random = new SplittableRandom(seed);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (SecurePair p = new SecurePair(7, 30)) {
            byte[] request = new byte[1 + ConnectToken.REQUEST_BYTES + 60];
            BytesStore<?, byte[]> store = BytesStore.wrap(request);
            long allocated = 0;
            for (int round = 0; round < 2; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 20_000; i++) {
                    random.nextBytes(request);
                    request[0] = 0;
                    p.serverLink.receive(Endpoints.of(0x7F100000 + i, 1000 + (i & 0x7FFF)), store, 0, request.length, p.now, p.server);
                }
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
            }
            assertEquals(40_000, p.serverStats().dropped(SecureDrop.BAD_TOKEN), "seed " + seed);
            assertTrue(allocated < 20_000, "seed " + seed + ": " + allocated + " bytes for 20,000 bogus tokens");
            assertEquals(0, p.server.halfOpenConnections());
            p.server.service(p.now, p.serverLink);
            assertTrue(p.toClient.datagrams.isEmpty(), "no answer to any of them");
        }
    }

    @Test
    void seededGarbageIsDroppedAndCountedAndTheSessionCarriesOn() {
        long seed = 99;
        SplittableRandom random = new SplittableRandom(seed);
        try (SecurePair p = SecurePair.connected()) {
            for (int i = 0; i < 5000; i++) {
                byte[] junk = new byte[random.nextInt(0, 3000)];
                random.nextBytes(junk);
                p.forgeToServer(random.nextBoolean() ? SecurePair.CLIENT : Endpoints.of(random.nextInt(), 1 + random.nextInt(65535)), junk);
            }
            send(p.client, "after the junk");
            p.run(10);
            Events events = new Events();
            p.server.pollEvents(events);
            assertEquals(List.of("after the junk"), events.received, "seed " + seed + ": " + p.serverStats());
            assertEquals(0, p.server.stats().droppedTotal() - p.server.stats().dropped(dev.entitynet.transport.enet.DropReason.CONNECT_RETRANSMISSION),
                    "nothing forged reached the engine: " + p.server.stats());
        }
    }
}
