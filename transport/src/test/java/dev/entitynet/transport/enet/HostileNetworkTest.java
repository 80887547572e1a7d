package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.entitynet.transport.enet.Captured.feed;
import static dev.entitynet.transport.enet.Captured.hex;
import static dev.entitynet.transport.enet.HostileInputTest.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks from the internet on the engine, deterministic and seeded: spoofed handshakes cannot
 * reflect, amplify or hold slots; a blind spoofer cannot complete a handshake; forged echoes
 * cannot stretch timeouts; a peer that acknowledges nothing cannot keep a slot or grow its queue;
 * a flooding peer is rate-limited before its datagrams are parsed.
 */
class HostileNetworkTest {
    static final long SERVER = Endpoints.of(0x7F000001, 7777);

    private static long spoofed(int i) {
        return Endpoints.of(0x7F010000 + i, 40000 + (i & 0xFF));
    }

    @Test
    void spoofedConnectFloodIsNeverAmplifiedAndHonestClientsConnectWithinTwoSeconds() {
        EnetConfig config = EnetConfig.defaults().withPeerLimit(8);
        try (EnetEngine server = new EnetEngine(config, 11)) {
            Captured serverOut = new Captured();
            long bytesIn = 0;
            long bytesOut = 0;
            long now = 1000;
            int sources = 5000;
            int connects = 0;
            EnetEngine client = null;
            long clientAt = 0;
            long clientStart = 0;
            int honestConnected = 0;
            Captured clientOut = new Captured();
            // 2,000 spoofed CONNECTs per second from 5,000 sources for 5 s (each source repeats, as libenet
            // retransmits); an honest client starts every 500 ms and must be connected within 2 s
            for (int ms = 0; ms < 5000; ms++, now++) {
                for (int k = 0; k < 2; k++, connects++) {
                    byte[] d = hex(connect(connects % sources));
                    bytesIn += d.length;
                    feed(server, spoofed(connects % sources), d, now);
                }
                if (ms % 500 == 0) {
                    if (client != null) {
                        client.close();
                    }
                    client = new EnetEngine(config, 100 + ms);
                    clientAt = Endpoints.of(0x7F000002, 50000 + ms);
                    client.connect(SERVER, 2, 0, now);
                    clientStart = now;
                }
                long[] reflected = {0};
                exchange(client, server, clientAt, clientOut, serverOut, now, s -> {
                    if (Endpoints.ipv4(s.endpoint()) >>> 16 == 0x7F01) {
                        reflected[0] += s.bytes().length;
                    }
                });
                bytesOut += reflected[0];
                if (clientStart >= 0 && client.isConnected(0) && connectedFrom(server, config, clientAt)) {
                    assertTrue(now - clientStart <= 2000, "honest client took " + (now - clientStart) + " ms");
                    honestConnected++;
                    clientStart = -1;
                    client.disconnectNow(0, 0);
                }
            }
            client.close();
            assertEquals(10, honestConnected, server.stats().toString());
            assertTrue(bytesOut <= bytesIn, "bytes out " + bytesOut + " > bytes in " + bytesIn);
            assertTrue(bytesOut > 0, "the flood's CONNECTs were answered");
            // nothing more leaves towards the spoofed addresses afterwards: no retransmissions
            for (int ms = 0; ms < 20_000; ms += 10, now += 10) {
                serverOut.clear();
                server.service(now, serverOut);
                for (Captured.Sent s : serverOut.sent) {
                    assertTrue(Endpoints.ipv4(s.endpoint()) >>> 16 != 0x7F01, "a datagram to an unproven address after the flood");
                }
            }
            for (int slot = 0; slot < config.peerLimit(); slot++) {
                assertFalse(server.isActive(slot) && Endpoints.ipv4(server.endpoint(slot)) >>> 16 == 0x7F01,
                        "slot " + slot + " held by a spoofed address");
            }
        }
    }

    private static boolean connectedFrom(EnetEngine server, EnetConfig config, long address) {
        for (int slot = 0; slot < config.peerLimit(); slot++) {
            if (server.isConnected(slot) && server.endpoint(slot) == address) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aBlindSpooferNeverCompletesTheHandshakeAndTheVictimGetsNoStream() {
        long seed = 5;
        SplittableRandom random = new SplittableRandom(seed);
        long victim = Endpoints.of(0x7F0000AA, 5555);
        try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), 99)) {
            Captured out = new Captured();
            long now = 10_000;
            long toVictim = 0;
            long fromSpoofer = 0;
            for (int attempt = 0; attempt < 2000; attempt++, now += 3) {
                byte[] c = hex(connect(attempt));
                fromSpoofer += c.length;
                feed(server, victim, c, now);
                // libenet's choices (slot 0, sequence 1, sent time now, session 0 or 1) and random guesses
                int[] words = {0, 1 << 12, random.nextInt(0x4000), random.nextInt(0x4000)};
                for (int word : words) {
                    byte[] ack = hex(String.format("%04x%04x 01ff%04x %04x%04x", (word & 0x3FFF) % 0x3FFF | 0x8000, now & 0xFFFF,
                            random.nextBoolean() ? 1 : random.nextInt(0x10000), 1, random.nextBoolean() ? now & 0xFFFF : random.nextInt(0x10000)));
                    fromSpoofer += ack.length;
                    feed(server, victim, ack, now);
                    byte[] data = hex(String.format("%04x 86000001 0004 68656c6f", (word & 0x3FFF) % 0x3FFF));
                    fromSpoofer += data.length;
                    feed(server, victim, data, now);
                }
                server.service(now, out);
                for (Captured.Sent s : out.sent) {
                    toVictim += s.bytes().length;
                }
                out.clear();
            }
            Recorder events = new Recorder();
            server.pollEvents(events);
            assertEquals(0, events.events.size(), "seed " + seed + ": " + server.stats());
            assertTrue(toVictim <= fromSpoofer, "seed " + seed);
            assertTrue(server.stats().dropped(DropReason.BAD_HANDSHAKE_ECHO) + server.stats().dropped(DropReason.UNKNOWN_PEER) > 0);
        }
    }

    @Test
    void aClientWhoseAckWasLostIsAnsweredAgainAndConnects() {
        try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), 3);
             EnetEngine client = new EnetEngine(EnetConfig.defaults(), 4)) {
            long clientAt = Endpoints.of(0x7F000001, 50000);
            Captured toServer = new Captured();
            Captured toClient = new Captured();
            client.connect(SERVER, 2, 0, 100);
            client.service(100, toServer);
            feed(server, clientAt, toServer.only().bytes(), 101);
            server.service(101, toClient);
            feed(client, SERVER, toClient.only().bytes(), 102);
            assertTrue(client.isConnected(0));
            toServer.clear();
            toClient.clear();
            client.service(102, toServer); // the ACK: lost
            toServer.clear();
            byte[] payload = {4, 2};
            client.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, 2);
            client.service(103, toServer);
            feed(server, clientAt, toServer.only().bytes(), 104);
            // 12 bytes do not pay for another 48-byte VERIFY_CONNECT: the client's next datagrams
            // (retransmissions, pings) will
            assertEquals(1, server.stats().dropped(DropReason.REPLY_CREDIT));
            long now = 105;
            for (int i = 0; i < 2000 && !server.isConnected(0); i++, now++) {
                exchange(client, server, clientAt, toServer, toClient, now);
            }
            assertTrue(server.isConnected(0), server.stats().toString());
            Recorder events = new Recorder();
            for (int i = 0; i < 3000 && events.received().isEmpty(); i++, now++) {
                exchange(client, server, clientAt, toServer, toClient, now);
                server.pollEvents(events);
            }
            assertEquals(1, events.received().size(), "the reliable packet arrives after its retransmission");
        }
    }

    static void exchange(EnetEngine client, EnetEngine server, long clientAt, Captured toServer, Captured toClient, long now) {
        exchange(client, server, clientAt, toServer, toClient, now, s -> { });
    }

    /** One service of each side; the server's datagrams to {@code clientAt} reach the client, the rest go to {@code others}. */
    static void exchange(EnetEngine client, EnetEngine server, long clientAt, Captured toServer, Captured fromServer, long now,
                         java.util.function.Consumer<Captured.Sent> others) {
        toServer.clear();
        client.service(now, toServer);
        for (Captured.Sent s : toServer.sent) {
            feed(server, clientAt, s.bytes(), now);
        }
        fromServer.clear();
        server.service(now, fromServer);
        for (Captured.Sent s : fromServer.sent) {
            if (s.endpoint() == clientAt) {
                feed(client, SERVER, s.bytes(), now);
            } else {
                others.accept(s);
            }
        }
    }

    @Test
    void commandsAfterConnectInTheSameDatagramAreIgnored() {
        try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), 3)) {
            // CONNECT followed by two ACKs guessing libenet's handshake, all in one datagram
            feed(server, Endpoints.of(0x7F000001, 1), hex(connect(7) + "01ff00010001 0000" + "01ff00010001 0001"), 100);
            assertEquals(1, server.stats().dropped(DropReason.COMMANDS_AFTER_CONNECT));
            assertEquals(1, server.halfOpenConnections());
            assertFalse(server.isActive(0));
        }
    }

    @Test
    void aPeerThatAcknowledgesNothingIsGoneAtTheTimeoutMaximumWhateverItsEchoesClaim() {
        try (EnginePair p = EnginePair.connected()) {
            byte[] payload = new byte[1000];
            long start = p.now;
            int refused = 0;
            Recorder events = new Recorder();
            // the client stops acknowledging; it only sends forged ACKs of nothing, echoing ancient times
            while (p.server.isConnected(0) && p.now - start < 60_000) {
                if (!p.server.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, payload.length)) {
                    refused++;
                }
                p.toServer(hex(String.format("%04x%04x 0100%04x %04x%04x", p.toServerWord() | 0x8000, p.now & 0xFFFF,
                        0x7777, 0x7777, (p.now - 40_000) & 0xFFFF)));
                p.server.service(p.now, p.serverOut);
                p.serverOut.clear();
                p.server.pollEvents(events);
                assertTrue(p.server.queuedBytes(0) <= p.server.config().maxQueuedBytesPerPeer());
                p.now += 10;
            }
            long lasted = p.now - start;
            assertFalse(p.server.isConnected(0));
            assertTrue(lasted <= TIMEOUT_MAXIMUM + 100, "lasted " + lasted + " ms");
            assertTrue(p.server.roundTripTimeMillis(0) >= 0);
            assertEquals(1, events.count("disconnected"));
            assertEquals(0, p.server.outgoingCommandsInUse());
            assertTrue(refused == 0 || p.server.stats().dropped(DropReason.QUEUE_FULL) == refused);
        }
    }

    /** libenet's default timeout maximum. */
    private static final long TIMEOUT_MAXIMUM = 30_000;

    @Test
    void theOutgoingQueueIsCappedAndSaysSo() {
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withMaxQueuedBytesPerPeer(100_000))) {
            byte[] payload = new byte[10_000];
            int sent = 0;
            while (p.server.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, payload.length)) {
                sent++;
            }
            // each packet is charged with its command header: 9 x 10,012 bytes, a tenth would pass 100,000
            assertEquals(9, sent);
            assertEquals(1, p.server.stats().dropped(DropReason.QUEUE_FULL));
            assertTrue(p.server.queuedBytes(0) <= 100_000);
            // once the client acknowledges, there is room again
            for (int i = 0; i < 200; i++) {
                p.exchange();
            }
            assertEquals(0, p.server.queuedBytes(0));
            assertTrue(p.server.send(0, 0, EnetPacketFlags.RELIABLE, BytesStore.wrap(payload), 0, payload.length));
        }
    }

    @Test
    void aFloodingPeerIsRateLimitedBeforeParsingAndItsNeighbourCarriesOn() {
        EnetConfig config = EnetConfig.defaults().withIncomingRateLimits(100_000, 1_000);
        try (EnginePair p = EnginePair.connected(config)) {
            long before = p.server.stats().dropped(DropReason.RATE_LIMITED);
            String header = String.format("%04x", p.toServerWord());
            // 1 s of 20 datagrams per ms, each with 10 unreliable commands of 100 bytes: 20 MB/s, 200,000 commands/s
            StringBuilder commands = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                commands.append(String.format("0701%04x%04x0064", 0, i + 1)).append("ab".repeat(100));
            }
            byte[] flood = hex(header + commands);
            for (int ms = 0; ms < 1000; ms++) {
                for (int k = 0; k < 20; k++) {
                    p.toServer(flood);
                }
                p.exchange();
            }
            long limited = p.server.stats().dropped(DropReason.RATE_LIMITED) - before;
            assertTrue(limited > 19_000, "rate-limited datagrams: " + limited);
            assertTrue(p.server.isConnected(0), "the flooding peer is throttled, not cut off");
        }
    }

    @Test
    void connectedPeersPerAddressAreCapped() {
        EnetConfig config = EnetConfig.defaults().withPerAddressLimits(16, 2);
        try (EnetEngine server = new EnetEngine(config, 3)) {
            Captured toServer = new Captured();
            Captured toClient = new Captured();
            long now = 100;
            for (int port = 1; port <= 3; port++) {
                long clientAt = Endpoints.of(0x7F000009, port);
                try (EnetEngine client = new EnetEngine(config, port)) {
                    client.connect(SERVER, 2, 0, now);
                    for (int i = 0; i < 50; i++, now++) {
                        exchange(client, server, clientAt, toServer, toClient, now);
                    }
                    assertEquals(port <= 2, connectedFrom(server, config, clientAt), "client " + port);
                }
            }
            assertEquals(1, server.stats().dropped(DropReason.PEERS_PER_ADDRESS_LIMIT));
        }
    }
}
