package dev.entitynet.transport.ring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpscRecordRingTest {
    private final SpscRecordRing ring = new SpscRecordRing(256);

    @AfterEach
    void free() {
        ring.close();
    }

    @Test
    void recordsComeOutInOrderWithTheirTypeAndBody() {
        for (int i = 0; i < 3; i++) {
            long at = ring.claim(10 + i, 4);
            ring.memory().writeInt(at, 100 + i);
            ring.publish();
        }
        for (int i = 0; i < 3; i++) {
            long at = ring.peek();
            assertTrue(at >= 0);
            assertEquals(10 + i, ring.type());
            assertEquals(4, ring.bodyLength());
            assertEquals(100 + i, ring.memory().readInt(at));
            ring.release();
        }
        assertEquals(-1, ring.peek());
    }

    @Test
    void unpublishedRecordsAreInvisible() {
        long at = ring.claim(1, 8);
        ring.memory().writeLong(at, 5);
        assertEquals(-1, ring.peek());
        ring.publish();
        assertEquals(at, ring.peek());
    }

    @Test
    void aFullRingRefusesAndCountsWithoutTouchingWhatIsQueued() {
        int accepted = 0;
        long at;
        while ((at = ring.claim(1, 24)) >= 0) {
            ring.memory().writeInt(at, accepted);
            ring.publish();
            accepted++;
        }
        assertEquals(256 / 32, accepted, "8 records of 8 + 24 bytes fill 256 bytes");
        assertEquals(1, ring.refusedClaims());
        assertEquals(-1, ring.claim(1, 0));
        assertEquals(2, ring.refusedClaims());
        for (int i = 0; i < accepted; i++) {
            at = ring.peek();
            assertEquals(i, ring.memory().readInt(at));
            ring.release();
        }
        assertTrue(ring.claim(1, 24) >= 0, "room is back once the consumer released");
    }

    @Test
    void aRecordThatDoesNotFitBeforeTheEndWrapsBehindPadding() {
        fillAndDrain(5, 24); // tail now at 160 of 256: 96 bytes left before the end
        long at = ring.claim(7, 100);
        assertTrue(at >= 0);
        assertEquals(256 + SpscRecordRing.HEADER_BYTES, at, "body starts at the beginning of the data area");
        ring.memory().writeInt(at + 96, 42);
        ring.publish();
        assertEquals(at, ring.peek(), "padding is skipped");
        assertEquals(7, ring.type());
        assertEquals(100, ring.bodyLength());
        assertEquals(42, ring.memory().readInt(at + 96));
        ring.release();
        assertEquals(-1, ring.peek());
    }

    @Test
    void theLargestBodyFitsAnEmptyRingWhereverTheTailIs() {
        for (int skew = 0; skew < 256; skew += 8) {
            try (SpscRecordRing r = new SpscRecordRing(256)) {
                for (int moved = 0; moved < skew; moved += SpscRecordRing.HEADER_BYTES) {
                    r.claim(0, 0);
                    r.publish();
                    r.peek();
                    r.release();
                }
                assertTrue(r.claim(0, r.maxBodyLength()) >= 0, "tail at " + skew);
                r.publish();
            }
        }
    }

    @Test
    void advancedRecordsStayIntactUntilReleasedAndHoldTheirRoom() {
        long first = ring.claim(1, 120);
        ring.memory().writeInt(first, 11);
        ring.publish();
        long second = ring.claim(2, 56);
        ring.memory().writeInt(second, 22);
        ring.publish();
        assertEquals(first, ring.peek());
        ring.advance();
        assertEquals(second, ring.peek());
        ring.advance();
        assertEquals(-1, ring.peek());
        assertEquals(-1, ring.claim(3, 64), "advanced records still occupy the ring");
        assertEquals(11, ring.memory().readInt(first));
        assertEquals(22, ring.memory().readInt(second));
        ring.releaseConsumed();
        assertTrue(ring.claim(3, 64) >= 0);
    }

    @Test
    void misuseIsRejectedWithAnExplanation() {
        assertThrows(IllegalArgumentException.class, () -> new SpscRecordRing(100));
        assertThrows(IllegalArgumentException.class, () -> ring.claim(-2, 4));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> ring.claim(0, 121));
        assertTrue(tooBig.getMessage().contains("the largest is 120"), tooBig.getMessage());
        assertThrows(IllegalStateException.class, ring::publish);
        assertThrows(IllegalStateException.class, ring::release);
        ring.claim(0, 4);
        assertThrows(IllegalStateException.class, () -> ring.claim(0, 4));
    }

    @Test
    void twoThreadsPassEveryRecordIntactAndInOrder() throws InterruptedException {
        long seed = System.nanoTime();
        int records = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (SpscRecordRing shared = new SpscRecordRing(4096)) {
            Thread producer = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                    for (int i = 0; i < records; i++) {
                        int length = 4 + random.nextInt(300);
                        long at;
                        while ((at = shared.claim(i & 0xFFFF, length)) < 0) {
                            Thread.onSpinWait();
                        }
                        shared.memory().writeInt(at, i);
                        for (int b = 4; b < length; b++) {
                            shared.memory().writeByte(at + b, (byte) (i * 31 + b));
                        }
                        shared.publish();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "ring-producer");
            producer.start();
            SplittableRandom expected = new SplittableRandom(seed);
            try {
                for (int i = 0; i < records && failure.get() == null; i++) {
                    int length = 4 + expected.nextInt(300);
                    long at;
                    while ((at = shared.peek()) < 0 && failure.get() == null) {
                        Thread.onSpinWait();
                    }
                    if (at < 0) {
                        break;
                    }
                    assertEquals(i & 0xFFFF, shared.type(), "seed " + seed + " record " + i);
                    assertEquals(length, shared.bodyLength(), "seed " + seed + " record " + i);
                    assertEquals(i, shared.memory().readInt(at), "seed " + seed);
                    for (int b = 4; b < length; b++) {
                        if (shared.memory().readByte(at + b) != (byte) (i * 31 + b)) {
                            throw new AssertionError("seed " + seed + " record " + i + " byte " + b + " corrupted");
                        }
                    }
                    shared.release();
                }
            } finally {
                producer.join(60_000);
            }
            assertNull(failure.get(), "seed " + seed + ": producer failed");
            assertFalse(producer.isAlive(), "seed " + seed + ": producer stuck");
            assertEquals(-1, shared.peek(), "seed " + seed + ": nothing extra");
        }
    }

    private void fillAndDrain(int count, int body) {
        for (int i = 0; i < count; i++) {
            ring.claim(0, body);
            ring.publish();
            ring.peek();
            ring.release();
        }
    }
}
