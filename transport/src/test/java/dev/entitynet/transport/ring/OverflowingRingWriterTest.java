package dev.entitynet.transport.ring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverflowingRingWriterTest {
    private final SpscRecordRing ring = new SpscRecordRing(128);
    private final OverflowingRingWriter writer = new OverflowingRingWriter(ring);

    @AfterEach
    void free() {
        writer.close();
        ring.close();
    }

    @Test
    void recordsThatMustGetThroughWaitInOrderAndTryClaimRefusesMeanwhile() {
        int written = 0;
        long claimed;
        while ((claimed = writer.tryClaim(1, 8)) >= 0) {
            writer.target().writeInt(claimed, written++);
            writer.publish();
        }
        assertEquals(8, written, "eight 16-byte records fill 128 bytes");
        for (int i = 0; i < 100; i++) {
            long at = writer.claim(2, 8);
            writer.target().writeInt(at, written++);
            writer.publish();
        }
        assertTrue(writer.hasOverflow());
        assertEquals(100, writer.overflowedRecords());
        assertEquals(100 * 16, writer.overflowBytes());
        int read = 0;
        while (read < written) {
            long at;
            while ((at = ring.peek()) >= 0) {
                assertEquals(read, ring.memory().readInt(at), "order across ring and overflow");
                assertEquals(read < 8 ? 1 : 2, ring.type());
                ring.release();
                read++;
            }
            writer.flush();
        }
        assertFalse(writer.hasOverflow());
        assertTrue(writer.tryClaim(1, 8) >= 0, "ring accepts again once the overflow drained");
        assertSame(ring.memory(), writer.target());
    }

    @Test
    void tryClaimRefusesWhileAnythingWaitsEvenIfTheRingHasRoomForIt() {
        while (writer.tryClaim(1, 48) >= 0) {
            writer.publish();
        }
        long at = writer.claim(3, 48);
        writer.target().writeInt(at, 99);
        writer.publish();
        ring.peek();
        ring.release(); // room for one more 56-byte record, but the overflow is older
        assertEquals(-1, writer.tryClaim(1, 8), "the waiting record takes the freed room first");
        assertFalse(writer.hasOverflow(), "the tryClaim flushed the waiting record into the ring");
        ring.peek();
        ring.release();
        long waited = ring.peek();
        assertEquals(3, ring.type());
        assertEquals(99, ring.memory().readInt(waited));
    }

    @Test
    void theOverflowGrowsForLargeRecords() {
        while (writer.tryClaim(1, 56) >= 0) {
            writer.publish();
        }
        for (int i = 0; i < 300; i++) {
            long at = writer.claim(4, 56);
            writer.target().writeInt(at + 52, i);
            writer.publish();
        }
        assertEquals(300 * 64, writer.overflowBytes());
        int seen = 0;
        while (seen < 302) {
            long at;
            while ((at = ring.peek()) >= 0) {
                if (ring.type() == 4) {
                    assertEquals(seen - 2, ring.memory().readInt(at + 52));
                }
                ring.release();
                seen++;
            }
            writer.flush();
        }
        assertFalse(writer.hasOverflow());
    }

    @Test
    void aRecordTheRingCanNeverHoldIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> writer.claim(1, ring.maxBodyLength() + 1));
    }
}
