package dev.entitynet.transport.enet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fragmented packet is delivered only when its fragments tile it exactly (one stride, offsets
 * number × stride, the last fragment holding the rest): a group that claims more bytes than its
 * fragments carry never completes, so no byte of a reused buffer (another peer's packet) can reach
 * the application; honest senders' packets of every size still arrive.
 */
class FragmentTilingTest {
    static final byte SECRET = 0x5A;

    /** A SEND_FRAGMENT (0x88) or SEND_UNRELIABLE_FRAGMENT (0x0C) command with {@code length} bytes of 0x11. */
    static String fragment(boolean reliable, int channel, int sequence, int start, long count, long number, long total,
                           long offset, int length) {
        return String.format("%02x%02x%04x%04x%04x%08x%08x%08x%08x", reliable ? 0x88 : 0x0C, channel, sequence, start, length,
                count, number, total, offset) + "11".repeat(length);
    }

    @Test
    void shortCoveringGroupsAreNeverDeliveredAndLeakNoOtherPeersBytes() {
        try (ServerAndClients s = new ServerAndClients(EnetConfig.defaults(), EnetConfig.defaults(), 2)) {
            // the honest client's packets leave the server's pooled buffers full of its secret
            byte[] secret = new byte[40_000];
            Arrays.fill(secret, SECRET);
            for (int i = 0; i < 20; i++) {
                s.send(0, 0, EnetPacketFlags.RELIABLE, Arrays.copyOf(secret, 3_000 + i * 1_900));
            }
            s.exchange(200);
            assertEquals(20, s.takeReceived(0).size());

            // the attacker claims packets of a few kilobytes (smaller than the pooled buffers) but sends a few hundred bytes of them
            String[] groups = {
                    fragment(true, 0, 1, 1, 2, 0, 2_000, 0, 10) + fragment(true, 0, 2, 1, 2, 1, 2_000, 1_990, 10),
                    fragment(true, 1, 1, 1, 2, 1, 2_000, 1_000, 10) + fragment(true, 1, 2, 1, 2, 0, 2_000, 0, 10),
                    fragment(false, 0, 0, 1, 3, 0, 2_500, 0, 100) + fragment(false, 0, 0, 1, 3, 1, 2_500, 100, 100)
                            + fragment(false, 0, 0, 1, 3, 2, 2_500, 2_300, 200),
            };
            for (String group : groups) {
                s.forge(1, hex(s.header(1) + group));
            }
            s.exchange(50);
            for (byte[] delivered : s.takeReceived(1)) {
                for (byte b : delivered) {
                    assertTrue(b != SECRET, "another peer's byte reached the application in a " + delivered.length + "-byte packet");
                }
                throw new AssertionError("a " + delivered.length + "-byte packet whose fragments covered only part of it was delivered");
            }
            assertTrue(s.server.stats().dropped(DropReason.BAD_FRAGMENT) >= groups.length, s.server.stats().toString());

            // the attacker's own channels still work with honest packets
            byte[] honest = new byte[5_000];
            Arrays.fill(honest, (byte) 7);
            s.send(1, 0, EnetPacketFlags.RELIABLE, honest);
            s.send(1, 1, EnetPacketFlags.RELIABLE, honest);
            s.exchange(50);
            List<byte[]> received = s.takeReceived(1);
            assertEquals(2, received.size());
            assertArrayEquals(honest, received.get(0));
            assertArrayEquals(honest, received.get(1));
        }
    }

    @Test
    void overlappingGappedOrInconsistentStridesAreRejected() {
        // each row: the fragments of one 30-byte, 3-fragment packet as (number, offset, length), one of them forged
        long[][][] forged = {
                {{0, 0, 10}, {1, 5, 10}, {2, 20, 10}},     // overlap: fragment 1 starts inside fragment 0
                {{0, 0, 10}, {1, 15, 10}, {2, 20, 10}},    // gap: bytes 10..14 never written
                {{0, 0, 10}, {1, 10, 10}, {2, 24, 6}},     // last fragment implies stride 12, the group has 10
                {{0, 0, 10}, {1, 10, 10}, {2, 20, 5}},     // last fragment short of the total
                {{2, 20, 10}, {0, 0, 12}, {1, 10, 10}},    // first fragment longer than the stride the last implies
                {{0, 0, 8}, {1, 8, 8}, {2, 16, 14}},       // stride 8 cannot make 3 fragments of 30 bytes
                {{0, 0, 16}, {1, 16, 16}, {2, 32, 0}},     // stride 16: 3 fragments would hold 48 > 30 bytes
        };
        for (int row = 0; row < forged.length; row++) {
            try (EnginePair p = EnginePair.connected()) {
                StringBuilder datagram = new StringBuilder(HostileInputTest.header(p.toServerWord(), p.now));
                for (long[] f : forged[row]) {
                    if (f[2] > 0) {
                        datagram.append(fragment(true, 0, 1 + (int) f[0], 1, 3, f[0], 30, f[1], (int) f[2]));
                    }
                }
                // one command per datagram, so a rejected fragment cannot hide the ones after it
                for (String command : splitCommands(datagram.substring(8))) {
                    p.toServer(hex(HostileInputTest.header(p.toServerWord(), p.now) + command));
                }
                Recorder events = new Recorder();
                p.server.pollEvents(events);
                assertEquals(0, events.received().size(), "row " + row + " was delivered");
                assertTrue(p.server.stats().dropped(DropReason.BAD_FRAGMENT) >= 1, "row " + row + ": " + p.server.stats());
                assertEquals(0, p.server.stats().dropped(DropReason.INTERNAL_ERROR));
            }
        }
        // the same packet sent honestly, in any order, arrives once and whole
        try (EnginePair p = EnginePair.connected()) {
            for (int number : new int[]{2, 0, 2, 1, 0}) {
                p.toServer(hex(HostileInputTest.header(p.toServerWord(), p.now) + fragment(true, 0, 1 + number, 1, 3, number, 30, number * 10L, 10)));
            }
            Recorder events = new Recorder();
            p.server.pollEvents(events);
            assertEquals(1, events.received().size());
            byte[] expected = new byte[30];
            Arrays.fill(expected, (byte) 0x11);
            assertArrayEquals(expected, events.received().get(0).payload());
            assertEquals(0, p.server.stats().dropped(DropReason.BAD_FRAGMENT));
        }
    }

    private static List<String> splitCommands(String commands) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < commands.length()) {
            int length = Integer.parseInt(commands.substring(at + 12, at + 16), 16);
            int end = at + 48 + length * 2;
            out.add(commands.substring(at, end));
            at = end;
        }
        return out;
    }

    @Test
    void honestFragmentedPacketsOfManySizesArriveIntactAtEveryMtu() {
        long seed = 20261204;
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 8; run++) {
            int serverMtu = random.nextInt(EnetConfig.MIN_MTU, EnetConfig.MAX_MTU + 1);
            int clientMtu = random.nextInt(EnetConfig.MIN_MTU, EnetConfig.MAX_MTU + 1);
            boolean checksum = random.nextBoolean();
            String context = "seed " + seed + " run " + run + " (MTU " + serverMtu + "/" + clientMtu + ", checksum " + checksum + ")";
            try (ServerAndClients s = new ServerAndClients(EnetConfig.defaults().withMtu(serverMtu).withChecksum(checksum),
                    EnetConfig.defaults().withMtu(clientMtu).withChecksum(checksum), 1)) {
                int fragment = Math.min(serverMtu, clientMtu) - 28 - (checksum ? 4 : 0);
                List<byte[]> sent = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int length = switch (random.nextInt(4)) {
                        case 0 -> fragment * random.nextInt(1, 40) + random.nextInt(-1, 2);
                        case 1 -> random.nextInt(1, 3 * fragment);
                        default -> random.nextInt(1, 400_000);
                    };
                    byte[] payload = new byte[length];
                    random.nextBytes(payload);
                    sent.add(payload);
                    s.send(0, 0, EnetPacketFlags.RELIABLE, payload);
                }
                List<byte[]> received = new ArrayList<>();
                for (int ms = 0; ms < 60_000 && received.size() < sent.size(); ms++) {
                    s.exchange();
                    received.addAll(s.takeReceived(0));
                }
                assertEquals(sent.size(), received.size(), context);
                for (int i = 0; i < sent.size(); i++) {
                    assertArrayEquals(sent.get(i), received.get(i), context + ": packet " + i + " of " + sent.get(i).length + " bytes");
                }
                // unreliable fragments (no loss here, so every one arrives)
                for (int i = 0; i < 8; i++) {
                    byte[] payload = new byte[random.nextInt(fragment + 1, 60_000)];
                    random.nextBytes(payload);
                    s.send(0, 1, EnetPacketFlags.UNRELIABLE_FRAGMENT, payload);
                    s.exchange(3);
                    List<byte[]> got = s.takeReceived(0);
                    assertEquals(1, got.size(), context + ": unreliable packet " + i);
                    assertArrayEquals(payload, got.get(0), context + ": unreliable packet " + i);
                }
                assertEquals(0, s.server.stats().dropped(DropReason.BAD_FRAGMENT), context);
            }
        }
    }
}
