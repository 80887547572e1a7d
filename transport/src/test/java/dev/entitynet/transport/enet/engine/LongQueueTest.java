package dev.entitynet.transport.enet.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LongQueueTest {
    @Test
    void keepsFifoOrderThroughWrapsAndGrowthLikeADeque() {
        long seed = 20261124L;
        SplittableRandom random = new SplittableRandom(seed);
        LongQueue queue = new LongQueue();
        ArrayDeque<Long> expected = new ArrayDeque<>();
        long next = 0;
        for (int step = 0; step < 100_000; step++) {
            // Mostly enqueues with some drains, so the head wraps while the array grows.
            if (random.nextInt(3) != 0) {
                queue.enqueue(next);
                expected.add(next++);
            } else if (!expected.isEmpty()) {
                assertEquals(expected.poll().longValue(), queue.dequeueLong(), "seed " + seed + ", step " + step);
            }
            assertEquals(expected.size(), queue.size(), "seed " + seed + ", step " + step);
        }
        queue.clear();
        assertEquals(0, queue.size());
        assertThrows(IllegalStateException.class, queue::dequeueLong);
    }
}
