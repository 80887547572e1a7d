package dev.entitynet.transport.enet.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerHeapTest {
    @Test
    void pollsInDueOrderWhatAMapOfTimersHolds() {
        SplittableRandom random = new SplittableRandom(20261204L);
        int slots = 300;
        TimerHeap heap = new TimerHeap(slots);
        Map<Integer, Long> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            int slot = random.nextInt(slots);
            int op = random.nextInt(10);
            if (op < 6) {
                long due = random.nextLong(-1000, 1000);
                heap.schedule(slot, due);
                expected.put(slot, due);
            } else if (op < 8) {
                heap.cancel(slot);
                expected.remove(slot);
            } else if (!expected.isEmpty()) {
                long earliest = expected.values().stream().min(Long::compare).orElseThrow();
                assertEquals(earliest, heap.firstDue());
                int polled = heap.pollFirst();
                assertEquals(earliest, expected.remove(polled), "slot " + polled + " came out of turn");
            }
            assertEquals(expected.isEmpty(), heap.isEmpty());
        }
        long last = Long.MIN_VALUE;
        while (!heap.isEmpty()) {
            long due = heap.firstDue();
            assertTrue(due >= last);
            last = due;
            expected.remove(heap.pollFirst());
        }
        assertTrue(expected.isEmpty());
    }
}
