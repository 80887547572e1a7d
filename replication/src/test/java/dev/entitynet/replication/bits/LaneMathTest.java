package dev.entitynet.replication.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaneMathTest {
    private static final long SEED = 0x1A7E_5L;

    @Test
    void residualsWrapAndUndoForRandomCodesAndWidths() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 200_000; i++) {
            int bits = random.nextInt(1, 32);
            int mask = LaneMath.mask(bits);
            int current = random.nextInt() & mask;
            int predicted = random.nextInt() & mask;
            int r = LaneMath.wrapResidual(current, predicted, bits);
            long half = 1L << bits - 1;
            assertTrue(r >= -half && r < half, "residual " + r + " of " + bits + " bits, seed " + SEED);
            assertEquals(0, (r - ((long) current - predicted)) % (1L << bits), "congruent, seed " + SEED);
            assertEquals(current, LaneMath.applyResidual(predicted, r, bits), "seed " + SEED);
        }
    }

    @Test
    void smallStepsAcrossTheWrapAreSmall() {
        assertEquals(1, LaneMath.wrapResidual(0, 255, 8));
        assertEquals(-1, LaneMath.wrapResidual(255, 0, 8));
        assertEquals(-128, LaneMath.wrapResidual(128, 0, 8));
        assertEquals(127, LaneMath.wrapResidual(127, 0, 8));
        assertEquals(-1, LaneMath.wrapResidual(0, 1, 1));
        assertEquals(1, LaneMath.applyResidual(0, -1, 1));
        assertEquals(Integer.MAX_VALUE, LaneMath.applyResidual(0, -1, 31));
        assertEquals(Integer.MAX_VALUE, LaneMath.mask(31));
        assertThrows(IllegalArgumentException.class, () -> LaneMath.wrapResidual(0, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> LaneMath.applyResidual(0, 0, 0));
    }

    @Test
    void zigZagRoundTripsAndOrdersByMagnitude() {
        assertEquals(0, ZigZag.encode(0));
        assertEquals(1, ZigZag.encode(-1));
        assertEquals(2, ZigZag.encode(1));
        assertEquals(-1L, ZigZag.encode(Long.MIN_VALUE));
        assertEquals(-2L, ZigZag.encode(Long.MAX_VALUE));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertEquals(v, ZigZag.decode(ZigZag.encode(v)), "seed " + SEED);
        }
    }
}
