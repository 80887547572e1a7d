package dev.entitynet.transport.enet;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.entitynet.transport.enet.Captured.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Received data is held within one host-wide budget (reassembly, out-of-order and not yet polled
 * data of all peers together) on top of the per-peer caps, and the memory comes back when the
 * peers that pinned it leave: charged bytes return to 0, pooled buffers to a small reserve.
 */
class ReceiveMemoryTest {
    static final int ATTACKERS = 24;
    /** CommandPool's reserve of free receive buffers. */
    static final long POOL_RESERVE = 4L * 1024 * 1024;

    static String reliable(int channel, int sequence, int length) {
        return String.format("86%02x%04x%04x", channel, sequence, length) + "33".repeat(length);
    }

    static String unsequenced(int channel, int group, int length) {
        return String.format("49%02x0000%04x%04x", channel, group, length) + "44".repeat(length);
    }

    /** The first fragment of a packet of {@code total} bytes cut into 1000-byte fragments. */
    static String firstFragment(int channel, int start, int total) {
        return FragmentTilingTest.fragment(true, channel, start, start, (total + 999) / 1000, 0, total, 0, 1000);
    }

    @Test
    void attackingPeersCannotPushChargedBytesAboveTheBudgetAndTheMemoryComesBack() {
        EnetConfig config = EnetConfig.defaults();
        try (ServerAndClients s = new ServerAndClients(config, config, ATTACKERS + 1)) {
            long peak = 0;
            for (int a = 1; a <= ATTACKERS; a++) {
                // reassembly: one packet of 4,000,000 bytes of which only the first fragment comes
                s.forge(a, hex(s.header(a) + firstFragment(0, 1, 4_000_000)));
                // out of order: reliable commands after a sequence number that never comes
                for (int sequence = 3; sequence < 2_000; sequence += 3) {
                    s.forge(a, hex(s.header(a) + reliable(1, sequence, 1_300) + reliable(1, sequence + 1, 1_300)
                            + reliable(1, sequence + 2, 1_300)));
                    peak = Math.max(peak, s.server.bufferedBytes());
                }
                // delivered but never polled (the server's application is busy)
                for (int group = 1; group < 800; group++) {
                    s.forge(a, hex(s.header(a) + unsequenced(0, group, 4_000)));
                    peak = Math.max(peak, s.server.bufferedBytes());
                }
            }
            EnetEngineStats stats = s.server.stats();
            assertTrue(peak <= config.maxBufferedBytes(), "charged " + peak + " above the budget");
            assertTrue(peak > config.maxBufferedBytes() - 64 * 1024, "the attack never filled the budget: " + peak);
            assertTrue(stats.dropped(DropReason.BUFFER_BUDGET) > 0, stats.toString());
            assertTrue(stats.dropped(DropReason.OUT_OF_ORDER_LIMIT) > 0, stats.toString());

            // the attackers leave; the application polls what they left behind
            for (int a = 1; a <= ATTACKERS; a++) {
                s.clients[a].disconnectNow(0, 0);
            }
            s.exchange(100);
            for (int a = 1; a <= ATTACKERS; a++) {
                assertTrue(!s.server.isActive(s.serverPeer[a]), "attacker " + a + " still connected");
            }
            assertEquals(0, s.server.bufferedBytes());
            assertEquals(0, s.server.incomingCommandsInUse());
            assertTrue(s.server.pooledBytes() <= POOL_RESERVE, "pooled " + s.server.pooledBytes());

            // and the honest client is served as before
            byte[] payload = new byte[100_000];
            Arrays.fill(payload, (byte) 9);
            s.send(0, 0, EnetPacketFlags.RELIABLE, payload);
            s.exchange(100);
            var received = s.takeReceived(0);
            assertEquals(1, received.size());
            assertArrayEquals(payload, received.get(0));
            assertEquals(0, stats.dropped(DropReason.INTERNAL_ERROR), String.valueOf(s.server.lastInternalError()));
        }
    }

    @Test
    void perPeerCapsHoldBelowTheBudget() {
        EnetConfig config = EnetConfig.defaults();
        try (ServerAndClients s = new ServerAndClients(config, config, 1)) {
            s.forge(0, hex(s.header(0) + firstFragment(0, 1, 4_000_000)));
            s.forge(0, hex(s.header(0) + firstFragment(0, 10_000, 200_000)));
            assertEquals(1, s.server.stats().dropped(DropReason.REASSEMBLY_LIMIT));
            long afterReassembly = s.server.bufferedBytes();
            assertEquals(4_000_000, afterReassembly);
            for (int sequence = 3; sequence < 2_000; sequence++) {
                s.forge(0, hex(s.header(0) + reliable(1, sequence, 1_000)));
            }
            long outOfOrder = s.server.bufferedBytes() - afterReassembly;
            assertTrue(outOfOrder <= config.maxOutOfOrderBytesPerPeer() && outOfOrder > config.maxOutOfOrderBytesPerPeer() - 1_000,
                    "out of order " + outOfOrder);
            assertEquals(1_997 - outOfOrder / 1_000, s.server.stats().dropped(DropReason.OUT_OF_ORDER_LIMIT));
            s.clients[0].disconnectNow(0, 0);
            s.exchange(10);
            assertEquals(0, s.server.bufferedBytes());
            assertTrue(s.server.pooledBytes() <= POOL_RESERVE);
        }
    }
}
