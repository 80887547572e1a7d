package dev.entitynet.transport.secure;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayWindowTest {
    private static final int SIZE = ReplayWindow.SIZE;

    /** What the codec does: refuse too old and duplicates, mark the rest. */
    private static boolean accept(ReplayWindow window, long sequence) {
        if (window.isTooOld(sequence) || window.isDuplicate(sequence)) {
            return false;
        }
        window.markReceived(sequence);
        return true;
    }

    @Test
    void acceptsEachSequenceOnce() {
        ReplayWindow window = new ReplayWindow();
        for (long s = 0; s < 3 * SIZE; s++) {
            assertTrue(accept(window, s), "first " + s);
            assertTrue(window.isDuplicate(s), "again " + s);
        }
    }

    @Test
    void acceptsReorderingWithinTheWindow() {
        ReplayWindow window = new ReplayWindow();
        assertTrue(accept(window, 5000));
        for (long s = 5000 - SIZE + 1; s < 5000; s += 7) {
            assertTrue(accept(window, s), "late " + s);
        }
        for (long s = 5000 - SIZE + 1; s < 5000; s += 7) {
            assertFalse(accept(window, s), "replayed " + s);
            assertTrue(window.isDuplicate(s));
        }
        assertTrue(accept(window, 4998), "not received yet");
    }

    @Test
    void refusesWhatFellBehindTheWindow() {
        ReplayWindow window = new ReplayWindow();
        assertTrue(accept(window, 5000));
        assertTrue(window.isTooOld(5000 - SIZE));
        assertFalse(window.isDuplicate(5000 - SIZE), "too old is not reported as a duplicate");
        assertFalse(window.isTooOld(5000 - SIZE + 1));
        assertFalse(accept(window, 0));
        assertFalse(accept(window, 5000 - SIZE));
        window.markReceived(3);
        assertFalse(window.isDuplicate(3), "marking a too-old number changes nothing");
    }

    @Test
    void bitsWrapAroundTheRing() {
        ReplayWindow window = new ReplayWindow();
        for (long s = 0; s < SIZE; s++) {
            accept(window, s);
        }
        // SIZE lands on the bit of 0: 0 drops out of the window, 1..SIZE-1 stay duplicates.
        assertTrue(accept(window, SIZE));
        assertTrue(window.isTooOld(0));
        assertTrue(window.isDuplicate(1));
        assertTrue(window.isDuplicate(SIZE - 1));
        // Skipping ahead clears the bits of the numbers skipped, which held older ones.
        assertTrue(accept(window, SIZE + 100));
        for (long s = SIZE + 1; s < SIZE + 100; s++) {
            assertFalse(window.isDuplicate(s), "skipped " + s);
        }
        assertTrue(window.isDuplicate(101), "still in the window and received");
        assertTrue(window.isTooOld(100));
        // A jump of more than the window forgets everything below it.
        assertTrue(accept(window, 10 * SIZE));
        for (long s = 9 * SIZE + 1; s < 10 * SIZE; s++) {
            assertFalse(window.isDuplicate(s), "after the jump " + s);
        }
    }

    @Test
    void comparesSequencesAsUnsigned() {
        ReplayWindow window = new ReplayWindow();
        assertTrue(accept(window, Long.MAX_VALUE));
        assertTrue(accept(window, Long.MIN_VALUE), "2^63 is above 2^63 - 1");
        assertTrue(window.isDuplicate(Long.MAX_VALUE));
        assertTrue(accept(window, -2L));
        assertTrue(window.isTooOld(0), "0 is far below 2^64 - 2");
        assertTrue(accept(window, -3L));
        assertFalse(accept(window, -3L));
    }

    @Test
    void resetForgetsEverything() {
        ReplayWindow window = new ReplayWindow();
        accept(window, 70_000);
        window.reset();
        assertFalse(window.isTooOld(0));
        assertFalse(window.isDuplicate(70_000));
        assertTrue(accept(window, 0));
    }

    @Test
    void matchesASetOfSeenNumbersOnRandomTraffic() {
        long seed = new Random().nextLong();
        System.out.println("ReplayWindowTest seed " + seed);
        Random random = new Random(seed);
        ReplayWindow window = new ReplayWindow();
        Set<Long> seen = new HashSet<>();
        long highest = -1;
        long next = 0;
        for (int i = 0; i < 200_000; i++) {
            long sequence = switch (random.nextInt(4)) {
                case 0 -> next++;
                case 1 -> next += 1 + random.nextInt(3 * SIZE / 2);
                default -> Math.max(0, next - random.nextInt(2 * SIZE));
            };
            boolean tooOld = highest >= 0 && highest - sequence >= SIZE;
            boolean duplicate = !tooOld && seen.contains(sequence);
            String context = "seed " + seed + " step " + i + " sequence " + sequence + " highest " + highest;
            assertEquals(tooOld, window.isTooOld(sequence), context);
            assertEquals(duplicate, window.isDuplicate(sequence), context);
            if (!tooOld && !duplicate) {
                window.markReceived(sequence);
                seen.add(sequence);
                highest = Math.max(highest, sequence);
            }
        }
    }

    @Test
    void allocatesNothing() {
        ReplayWindow window = new ReplayWindow();
        long[] sequence = {0};
        long allocated = Allocations.measure(20_000, () -> {
            long s = sequence[0]++;
            accept(window, s);
            accept(window, s - 5);
            accept(window, s + 3);
        });
        assertEquals(0, allocated);
    }
}
