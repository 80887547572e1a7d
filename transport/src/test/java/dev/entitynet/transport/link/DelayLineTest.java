package dev.entitynet.transport.link;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayLineTest {
    private static final long MS = 1_000_000L;
    private final DatagramPool pool = new DatagramPool();

    private Datagram datagram(int sequence, int channel, int length) {
        Datagram d = pool.acquire();
        d.payload(new byte[length], 0, length);
        d.sequence = sequence;
        d.channel = channel;
        return d;
    }

    /** Drains everything, returning "sequence@time" strings and recycling the datagrams. */
    private List<String> drain(DelayLine line) {
        List<String> out = new ArrayList<>();
        Datagram d;
        while ((d = line.pollDue(Long.MAX_VALUE)) != null) {
            out.add(d.sequence + "@" + d.deliverAt());
            pool.release(d);
        }
        return out;
    }

    @Test
    void sameSeedSameCallsGiveTheSameDeliveries() {
        LinkProfile profile = LinkProfile.perfect().withLatencyMillis(20, 15).withLoss(0.3).withDuplication(0.2).withReordering(0.2);
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            DelayLine line = new DelayLine(profile, 99, pool);
            for (int i = 0; i < 500; i++) {
                line.sendUnreliable(datagram(i, 0, 10), i * MS);
            }
            runs.add(drain(line));
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void unreliableLossDuplicationAndReorderingHappenAtRoughlyTheConfiguredRates() {
        long seed = 5;
        DelayLine line = new DelayLine(LinkProfile.perfect().withLatencyMillis(10, 0).withLoss(0.2).withDuplication(0.1).withReordering(0.1), seed, pool);
        int sent = 20_000;
        for (int i = 0; i < sent; i++) {
            line.sendUnreliable(datagram(i, 0, 8), i * MS);
        }
        List<String> delivered = drain(line);
        assertEquals(sent - line.lost() + line.duplicated(), delivered.size(), "seed " + seed);
        assertTrue(line.lost() > sent * 0.17 && line.lost() < sent * 0.23, "lost " + line.lost() + ", seed " + seed);
        assertTrue(line.duplicated() > 0 && line.reordered() > 0, "seed " + seed);
        int backwards = 0;
        int previous = -1;
        for (String s : delivered) {
            int sequence = Integer.parseInt(s.substring(0, s.indexOf('@')));
            if (sequence < previous) {
                backwards++;
            }
            previous = sequence;
        }
        assertTrue(backwards > 0, "reordering never overtook anything; seed " + seed);
    }

    @Test
    void reliableIsNeverLostAndStaysInOrderPerStream() {
        for (long seed = 0; seed < 50; seed++) {
            DelayLine line = new DelayLine(LinkProfile.perfect().withLatencyMillis(15, 30).withLoss(0.5).withReordering(0.5), seed, pool);
            for (int i = 0; i < 400; i++) {
                line.sendReliable(datagram(i, i % 4, 8), i * MS / 4, i % 4);
            }
            int[] next = new int[4];
            int count = 0;
            Datagram d;
            while ((d = line.pollDue(Long.MAX_VALUE)) != null) {
                int stream = d.channel;
                assertEquals(next[stream] * 4 + stream, d.sequence, "stream " + stream + " out of order, seed " + seed);
                next[stream]++;
                count++;
                pool.release(d);
            }
            assertEquals(400, count, "seed " + seed);
        }
    }

    @Test
    void systemStreamIsOrderedAfterEarlierDataAndBeforeLaterData() {
        DelayLine line = new DelayLine(LinkProfile.perfect().withLatencyMillis(5, 50).withLoss(0.4), 3, pool);
        line.sendReliable(datagram(0, 0, 8), 0, 0);
        line.sendReliable(datagram(1, 1, 8), 0, 1);
        line.sendReliable(datagram(2, 0, 8), 0, DelayLine.SYSTEM_STREAM);
        line.sendReliable(datagram(3, 1, 8), 0, 1);
        line.sendReliable(datagram(4, 2, 8), 0, 2);
        List<String> order = drain(line);
        int systemAt = -1;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith("2@")) {
                systemAt = i;
            }
        }
        assertEquals(2, systemAt, "control message must come after 0 and 1 and before 3 and 4: " + order);
    }

    @Test
    void bandwidthCapSerializesDatagramsAndItsQueueDropsUnreliableOverflow() {
        // 1000 B/s: a 100-byte datagram takes 100 ms on the wire; the router holds at most 250 ms.
        DelayLine line = new DelayLine(LinkProfile.perfect().withBandwidth(1000, 250), 1, pool);
        for (int i = 0; i < 5; i++) {
            line.sendUnreliable(datagram(i, 0, 100), 0);
        }
        assertEquals(List.of("0@" + 100 * MS, "1@" + 200 * MS, "2@" + 300 * MS), drain(line));
        assertEquals(2, line.droppedByQueue());

        for (int i = 0; i < 5; i++) {
            line.sendReliable(datagram(i, 0, 100), 1000 * MS, 0);
        }
        assertEquals(5, drain(line).size(), "reliable traffic waits instead of being dropped");
    }

    @Test
    void nothingIsDueBeforeItsTimeAndClearReturnsEverythingToThePool() {
        DelayLine line = new DelayLine(LinkProfile.perfect().withLatencyMillis(10, 0), 1, pool);
        line.sendUnreliable(datagram(0, 0, 8), 0);
        assertNull(line.pollDue(9 * MS));
        assertEquals(10 * MS, line.nextDeliveryTime());
        line.sendReliable(datagram(1, 0, 8), 0, 0);
        line.clear();
        assertEquals(0, line.inFlight());
        assertEquals(Long.MAX_VALUE, line.nextDeliveryTime());
        assertEquals(pool.created(), pool.available(), "every datagram is back in the pool");
    }

    @Test
    void badProfilesAndStreamsAreRejectedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkProfile.perfect().withLoss(1.0));
        assertTrue(e.getMessage().contains("lossRate"), e.getMessage());
        DelayLine line = new DelayLine(LinkProfile.perfect(), 1, pool);
        assertThrows(IllegalArgumentException.class, () -> line.sendReliable(datagram(0, 0, 1), 0, 300));
    }
}
