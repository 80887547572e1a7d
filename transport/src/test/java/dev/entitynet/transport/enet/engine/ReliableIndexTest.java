package dev.entitynet.transport.enet.engine;

import dev.entitynet.transport.enet.EnetEngineStats;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliableIndexTest {
    @Test
    void findsWhatAMapWouldThroughGrowthRemovalsAndTrim() {
        long seed = 20261205L;
        SplittableRandom random = new SplittableRandom(seed);
        ReliableIndex index = new ReliableIndex(seed, new EnetEngineStats());
        Map<Long, IncomingCommand> expected = new HashMap<>();
        IncomingCommand[] commands = new IncomingCommand[64];
        for (int i = 0; i < commands.length; i++) {
            // only identity matters here; the direct buffers are freed below
            commands[i] = new IncomingCommand();
        }
        try {
            for (int step = 0; step < 300_000; step++) {
                // few peers and channels, so keys collide in every part of the key
                int peer = random.nextInt(4);
                int channel = random.nextInt(3);
                int sequence = random.nextInt(step < 150_000 ? 40_000 : 2_000);
                long key = (long) peer << 24 | (long) channel << 16 | sequence;
                IncomingCommand present = index.get(peer, channel, sequence);
                assertSame(expected.get(key), present, "seed " + seed + " step " + step);
                if (present == null && random.nextInt(3) != 0) {
                    IncomingCommand c = commands[random.nextInt(commands.length)];
                    index.put(peer, channel, sequence, c);
                    expected.put(key, c);
                } else if (present != null) {
                    index.remove(peer, channel, sequence);
                    expected.remove(key);
                }
                assertEquals(expected.size(), index.size(), "seed " + seed + " step " + step);
            }
            int grown = index.capacity();
            for (Long key : expected.keySet()) {
                index.remove((int) (key >>> 24), (int) (key >>> 16) & 0xFF, (int) (key & 0xFFFF));
            }
            assertEquals(0, index.size());
            index.trim();
            assertTrue(index.capacity() < grown && index.capacity() <= 1024, "capacity " + index.capacity() + " after " + grown);
        } finally {
            for (IncomingCommand c : commands) {
                c.data.releaseLast();
            }
        }
    }
}
