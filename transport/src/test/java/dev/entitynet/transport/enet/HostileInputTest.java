package dev.entitynet.transport.enet;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static dev.entitynet.transport.enet.Captured.feed;
import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, misaddressed and abusive input: each is dropped and counted by reason, memory stays
 * bounded, established sessions carry on, and nothing throws out of receive or service.
 */
class HostileInputTest {
    static final long STRANGER = Endpoints.of(0x0B0B0B0B, 1234);

    static String header(int peerWord, long now) {
        return String.format("%04x%04x", peerWord | 0x8000, now & 0xFFFF);
    }

    static String reliable(int channel, int sequence, String payloadHex) {
        return String.format("86%02x%04x%04x", channel, sequence, payloadHex.length() / 2) + payloadHex;
    }

    static String fragment(int sequence, int start, int count, int number, long total, long offset, int length) {
        return String.format("88%02x%04x%04x%04x%08x%08x%08x%08x", 0, sequence, start, length, count, number, total, offset)
                + "ab".repeat(length);
    }

    static String connect(int connectId) {
        return String.format("8fff0000 82ff0001 0000 ffff 00000578 00010000 00000002 00000000 00000000 00001388 00000002 00000002 %08x 00000000",
                connectId);
    }

    static void assertNoInternalErrors(EnetEngine engine) {
        assertEquals(0, engine.stats().dropped(DropReason.INTERNAL_ERROR), String.valueOf(engine.lastInternalError()));
    }

    @Test
    void randomDatagramsFromStrangersChangeNothing() {
        long seed = 42;
        SplittableRandom random = new SplittableRandom(seed);
        try (EnginePair p = EnginePair.connected()) {
            for (int i = 0; i < 50_000; i++) {
                byte[] junk = new byte[random.nextInt(0, 4300)];
                random.nextBytes(junk);
                if (junk.length >= 2 && random.nextInt(3) == 0) {
                    // aim at the live slot or at "no peer" so parsing goes deeper
                    junk[0] = (byte) (random.nextBoolean() ? 0x80 : 0x8F);
                    junk[1] = (byte) (junk[0] == (byte) 0x8F ? 0xFF : 0);
                }
                long from = Endpoints.of(random.nextInt(), random.nextInt(1, 65536));
                feed(p.server, from == EnginePair.CLIENT ? STRANGER : from, junk, p.now);
                if (i % 1000 == 0) {
                    p.exchange();
                }
            }
            assertNoInternalErrors(p.server);
            assertTrue(p.server.stats().droppedTotal() > 40_000, "seed " + seed + ": " + p.server.stats());
            assertTrue(p.server.halfOpenConnections() <= EnetConfig.defaults().maxHalfOpenConnections());
            p.assertStillWorks();
        }
    }

    @Test
    void randomCommandsInsideAValidSessionNeverThrowOrLeak() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try (EnginePair p = EnginePair.connected()) {
                for (int i = 0; i < 2000 && p.server.isActive(0); i++) {
                    byte[] junk = new byte[random.nextInt(4, 600)];
                    random.nextBytes(junk);
                    junk[0] = (byte) 0x80;
                    junk[1] = 0;
                    for (int at = 4; at < junk.length; at += 1 + random.nextInt(24)) {
                        // plausible command bytes, channel 0/1/0xFF and small lengths to reach the handlers
                        junk[at] = (byte) (random.nextInt(1, 13) | (random.nextBoolean() ? 0x80 : 0));
                        if (at + 1 < junk.length) {
                            junk[at + 1] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(3));
                        }
                    }
                    p.toServer(junk);
                    p.exchange();
                }
                assertNoInternalErrors(p.server);
                assertNoInternalErrors(p.client);
                p.server.disconnectNow(0, 0);
                p.server.pollEvents(new Recorder());
                assertEquals(0, p.server.incomingCommandsInUse(), "seed " + seed);
                assertEquals(0, p.server.outgoingCommandsInUse(), "seed " + seed);
            }
        }
    }

    @Test
    void truncatedDatagramsAreDroppedAndCounted() {
        try (EnginePair p = EnginePair.connected()) {
            byte[] full = hex(header(p.toServerWord(), p.now) + reliable(0, 1, "41424344") + reliable(0, 2, "45"));
            for (int length = 0; length < full.length; length++) {
                byte[] prefix = java.util.Arrays.copyOf(full, length);
                p.toServer(prefix);
            }
            EnetEngineStats stats = p.server.stats();
            assertEquals(4, stats.dropped(DropReason.DATAGRAM_TOO_SHORT), stats.toString());
            assertTrue(stats.dropped(DropReason.MALFORMED_COMMAND) >= full.length - 6, stats.toString());
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            // prefixes holding the whole first command deliver it (once: the rest are duplicates)
            assertEquals(1, events.received().size());
            p.toServer(full);
            p.server.pollEvents(events);
            assertEquals(2, events.received().size());
            assertNoInternalErrors(p.server);
            p.assertStillWorks();
        }
    }

    @Test
    void wrongPeerIdSessionOrAddressIsDropped() {
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withPeerLimit(8))) {
            String cmd = reliable(0, 1, "41");
            int word = p.toServerWord();
            // wire peer ids are random: the neighbours of the live one are free
            p.toServer(hex(header((word & 0x3000) | ((word + 1) & 0xFFF) % 0xFFF, p.now) + cmd));
            p.toServer(hex(header((word & 0x3000) | ((word + 100) & 0xFFF) % 0xFFF, p.now) + cmd));
            p.toServer(hex(header(word ^ 1 << 12, p.now) + cmd));
            feed(p.server, STRANGER, hex(header(word, p.now) + cmd), p.now);
            EnetEngineStats stats = p.server.stats();
            assertEquals(2, stats.dropped(DropReason.UNKNOWN_PEER));
            assertEquals(1, stats.dropped(DropReason.SESSION_MISMATCH));
            assertEquals(1, stats.dropped(DropReason.ADDRESS_MISMATCH));
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            assertEquals(0, events.events.size());
            p.assertStillWorks();
        }
    }

    @Test
    void commandsInTheWrongStateAreRejected() {
        try (EnetEngine server = new EnetEngine(EnetConfig.defaults(), 1)) {
            long client = Endpoints.of(0x7F000001, 50000);
            feed(server, client, hex(connect(0x11223344)), 100);
            assertEquals(1, server.halfOpenConnections());
            Captured out = new Captured();
            server.service(100, out);
            VerifyConnect verify = VerifyConnect.of(out.only().bytes());
            // data and PING before the handshake completed reach nothing
            feed(server, client, hex(header(verify.clientWord(), 100) + reliable(0, 1, "41")), 101);
            feed(server, client, hex(header(verify.clientWord(), 100) + "85ff0002"), 102);
            assertEquals(2, server.stats().dropped(DropReason.WRONG_STATE));
            // a non-CONNECT command addressed to no peer
            feed(server, client, hex("8fff0000 85ff0002"), 103);
            assertEquals(1, server.stats().dropped(DropReason.UNEXPECTED_COMMAND));
            // an ACK of something other than the VERIFY_CONNECT
            feed(server, client, hex(String.format("%04x 01ff0007 0007 0064", verify.clientWord())), 105);
            assertEquals(1, server.stats().dropped(DropReason.BAD_HANDSHAKE_ECHO));
            Recorder events = new Recorder();
            server.pollEvents(events);
            assertEquals(0, events.events.size());
            assertTrue(!server.isActive(0), "a handshake in progress holds no slot");
            assertNoInternalErrors(server);
        }
    }

    @Test
    void fragmentsThatDoNotAddUpAreRejected() {
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withMaxPacketSize(100_000))) {
            String h = header(p.toServerWord(), p.now);
            String[] bad = {
                    fragment(1, 1, 2, 2, 20, 0, 10),          // number >= count
                    fragment(1, 1, 2_000_000, 0, 50_000, 0, 10),  // count above 1,048,576
                    fragment(1, 1, 2, 0, 200_000, 0, 10),     // total above maxPacketSize
                    fragment(1, 1, 30, 0, 20, 0, 10),         // totalLength < fragmentCount
                    fragment(1, 1, 2, 0, 20, 0, 0),           // zero-length fragment
                    fragment(1, 1, 2, 1, 20, 20, 5),          // offset >= total
                    fragment(1, 1, 2, 0, 20, 15, 10),         // runs past the total
            };
            for (String f : bad) {
                p.toServer(hex(h + f));
            }
            EnetEngineStats stats = p.server.stats();
            assertEquals(6, stats.dropped(DropReason.BAD_FRAGMENT), stats.toString());
            assertEquals(1, stats.dropped(DropReason.PACKET_TOO_LARGE), stats.toString());
            // a valid first fragment, then one of the same group with another count
            p.toServer(hex(h + fragment(1, 1, 2, 0, 20, 0, 10)));
            p.toServer(hex(h + fragment(2, 1, 3, 1, 20, 10, 10)));
            assertEquals(7, stats.dropped(DropReason.BAD_FRAGMENT), stats.toString());
            assertEquals(1, p.server.incomingCommandsInUse(), "the partial group is held");
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            assertEquals(0, events.received().size());
            // the matching second fragment completes it
            p.toServer(hex(h + fragment(2, 1, 2, 1, 20, 10, 10)));
            p.server.pollEvents(events);
            assertEquals(1, events.received().size());
            assertEquals(20, events.received().get(0).payload().length);
            assertNoInternalErrors(p.server);
        }
    }

    @Test
    void reassemblyMemoryIsCappedPerPeer() {
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withMaxReassemblyBytesPerPeer(64 * 1024))) {
            String h = header(p.toServerWord(), p.now);
            p.toServer(hex(h + fragment(1, 1, 40, 0, 40_000, 0, 1000)));
            p.toServer(hex(h + fragment(50, 50, 40, 0, 40_000, 0, 1000)));
            assertEquals(1, p.server.stats().dropped(DropReason.REASSEMBLY_LIMIT));
            assertEquals(1, p.server.incomingCommandsInUse());
            p.assertStillWorks();
        }
    }

    @Test
    void oversizedAndCompressedDatagramsAreDropped() {
        try (EnginePair p = EnginePair.connected()) {
            byte[] huge = new byte[4097];
            byte[] prefix = hex(header(p.toServerWord(), p.now) + reliable(0, 1, "41"));
            System.arraycopy(prefix, 0, huge, 0, prefix.length);
            p.toServer(huge);
            assertEquals(1, p.server.stats().dropped(DropReason.DATAGRAM_TOO_LONG));
            p.toServer(hex(header(0x4000 | p.toServerWord(), p.now) + reliable(0, 1, "41")));
            assertEquals(1, p.server.stats().dropped(DropReason.COMPRESSED));
            // 4096 bytes is still accepted (a 1.3.17 peer may use a larger MTU than ours)
            byte[] max = new byte[4096];
            byte[] cmd = hex(header(p.toServerWord(), p.now) + "86000001" + "0ff6");
            System.arraycopy(cmd, 0, max, 0, cmd.length);
            p.toServer(max);
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            assertEquals(1, events.received().size());
            assertEquals(4086, events.received().get(0).payload().length);
        }
    }

    @Test
    void connectFloodFromManyAddressesIsBoundedAndLiveSessionsCarryOn() {
        EnetConfig config = EnetConfig.defaults().withPeerLimit(1024);
        try (EnginePair p = EnginePair.connected(config)) {
            for (int port = 1; port <= 20_000; port++) {
                feed(p.server, Endpoints.of(0x0C000001 + port, port), hex(connect(port)), p.now);
                if (port % 500 == 0) {
                    p.exchange();
                }
            }
            assertEquals(config.maxHalfOpenConnections(), p.server.halfOpenConnections());
            assertEquals(20_000 - config.maxHalfOpenConnections(), p.server.stats().dropped(DropReason.HALF_OPEN_EVICTED));
            assertTrue(p.server.outgoingCommandsInUse() <= 4, "outgoing commands " + p.server.outgoingCommandsInUse());
            assertEquals(1, activeSlots(p.server, config), "handshakes in progress hold no slot");
            p.assertStillWorks();
            // the records lapse; the real session stays up throughout
            p.runFor(12_000, 100);
            assertEquals(0, p.server.halfOpenConnections());
            assertTrue(p.server.isConnected(0));
            p.assertStillWorks();
            assertNoInternalErrors(p.server);
        }
    }

    @Test
    void connectFloodFromOneAddressIsCappedPerAddress() {
        EnetConfig config = EnetConfig.defaults().withPerAddressLimits(5, EnetConfig.MAX_PEERS);
        try (EnetEngine server = new EnetEngine(config, 3)) {
            for (int port = 1; port <= 100; port++) {
                feed(server, Endpoints.of(0x0C000001, port), hex(connect(port)), 10);
            }
            assertEquals(5, server.halfOpenConnections());
            assertEquals(95, server.stats().dropped(DropReason.CONNECT_ADDRESS_LIMIT));
            feed(server, Endpoints.of(0x0C000002, 1), hex(connect(1)), 10);
            assertEquals(6, server.halfOpenConnections(), "another address is not affected");
        }
    }

    static int activeSlots(EnetEngine engine, EnetConfig config) {
        int n = 0;
        for (int slot = 0; slot < config.peerLimit(); slot++) {
            n += engine.isActive(slot) ? 1 : 0;
        }
        return n;
    }

    @Test
    void checksumOnBothEndsWorksAndCorruptionIsDropped() {
        try (EnginePair p = EnginePair.connected(EnetConfig.defaults().withChecksum(true))) {
            p.assertStillWorks();
            byte[] b = {7};
            p.client.send(0, 0, EnetPacketFlags.RELIABLE, net.openhft.chronicle.bytes.BytesStore.wrap(b), 0, 1);
            p.client.service(p.now, p.clientOut);
            byte[] datagram = p.clientOut.last().bytes();
            p.clientOut.clear();
            datagram[datagram.length - 1] ^= 1;
            p.toServer(datagram);
            assertEquals(1, p.server.stats().dropped(DropReason.CHECKSUM_MISMATCH));
        }
    }

    @Test
    void checksumIsCrc32OverHeaderPlaceholderAndCommands() {
        try (EnetEngine client = new EnetEngine(EnetConfig.defaults().withChecksum(true), 1)) {
            Captured out = new Captured();
            client.connect(Endpoints.of(0x7F000001, 7777), 2, 0, 0);
            client.service(0, out);
            byte[] d = out.only().bytes();
            assertEquals(56, d.length);
            long stored = Long.parseLong(HexFormat.of().formatHex(d, 4, 8), 16);
            // CONNECT datagrams use 4 zero bytes as the placeholder
            d[4] = d[5] = d[6] = d[7] = 0;
            CRC32 crc = new CRC32();
            crc.update(d, 0, d.length);
            assertEquals(crc.getValue(), stored);
        }
    }
}
