package dev.entitynet.replication.interpolation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.quantize.Blend;
import org.junit.jupiter.api.Test;

class InterpolationBufferTest {
    private static final float EPS = 1e-5f;
    private final float[] out = new float[5];

    private static float[] v(float... values) {
        return values;
    }

    private float[] at(InterpolationBuffer buffer, double tick, Blend blend) {
        return at(buffer, tick, blend, 2, 0);
    }

    private float[] at(InterpolationBuffer buffer, double tick, Blend blend, float maxExtrapolation, float snap) {
        assertTrue(buffer.sample(tick, blend, maxExtrapolation, snap, out, 1));
        float[] copy = new float[buffer.dimensions()];
        System.arraycopy(out, 1, copy, 0, copy.length);
        return copy;
    }

    @Test
    void emptyBufferSamplesNothing() {
        InterpolationBuffer buffer = new InterpolationBuffer(3, 16);
        assertFalse(buffer.sample(5, Blend.LINEAR, 2, 0, out, 0));
    }

    @Test
    void midpointBetweenTwoSnapshots() {
        InterpolationBuffer buffer = new InterpolationBuffer(3, 16);
        buffer.add(10, v(0, 0, 9, 1, -2, 0), 2, false);
        buffer.add(11, v(4, 6, -8, 99), 0, false);
        assertArrayEquals(v(6.5f, 3.5f, -5), at(buffer, 10.5, Blend.LINEAR), EPS);
        assertArrayEquals(v(7.75f, 2.25f, -3.5f), at(buffer, 10.25, Blend.LINEAR), EPS);
        assertArrayEquals(v(9, 1, -2), at(buffer, 10, Blend.LINEAR), EPS);
        assertArrayEquals(v(4, 6, -8), at(buffer, 11, Blend.LINEAR), EPS);
    }

    @Test
    void beforeTheFirstSampleShowsTheFirst() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(5), 0, false);
        buffer.add(12, v(7), 0, false);
        assertArrayEquals(v(5), at(buffer, 3.7, Blend.LINEAR), EPS);
    }

    @Test
    void droppedSnapshotStillBlendsAcrossTheGap() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(0), 0, false);
        buffer.add(12, v(8), 0, false); // tick 11 was lost
        assertArrayEquals(v(4), at(buffer, 11, Blend.LINEAR), EPS);
        assertArrayEquals(v(2), at(buffer, 10.5, Blend.LINEAR), EPS);
        assertArrayEquals(v(7), at(buffer, 11.75, Blend.LINEAR), EPS);
    }

    @Test
    void lateSampleIsInsertedInOrderAndDuplicatesIgnored() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        assertTrue(buffer.add(10, v(0), 0, false));
        assertTrue(buffer.add(12, v(100), 0, false));
        assertTrue(buffer.add(13, v(200), 0, false));
        assertArrayEquals(v(50), at(buffer, 11, Blend.LINEAR), EPS);
        assertTrue(buffer.add(11, v(10), 0, false)); // arrives late, lands between 10 and 12
        assertFalse(buffer.add(12, v(-1), 0, false));
        assertEquals(4, buffer.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(10 + i, buffer.tick(i));
        }
        assertArrayEquals(v(5), at(buffer, 10.5, Blend.LINEAR), EPS);
        assertArrayEquals(v(55), at(buffer, 11.5, Blend.LINEAR), EPS);
        assertArrayEquals(v(150), at(buffer, 12.5, Blend.LINEAR), EPS);
    }

    @Test
    void fullRingDropsTheOldestAndKeepsOrderAcrossWrap() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 4);
        for (long tick = 1; tick <= 10; tick += 2) {
            buffer.add(tick, v(tick), 0, false); // 1 3 5 7 9: 1 falls out
        }
        assertFalse(buffer.add(2, v(2), 0, false), "older than everything in a full ring");
        assertTrue(buffer.add(6, v(6), 0, false)); // 3 falls out
        long[] expected = {5, 6, 7, 9};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], buffer.tick(i));
        }
        assertArrayEquals(v(8), at(buffer, 8, Blend.LINEAR), EPS);
        assertArrayEquals(v(6.5f), at(buffer, 6.5, Blend.LINEAR), EPS);
    }

    @Test
    void stepTakesTheOlderValue() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(1), 0, false);
        buffer.add(11, v(2), 0, false);
        assertArrayEquals(v(1), at(buffer, 10.99, Blend.STEP), EPS);
        assertArrayEquals(v(2), at(buffer, 11, Blend.STEP), EPS);
        assertArrayEquals(v(2), at(buffer, 12.5, Blend.STEP), EPS);
    }

    @Test
    void extrapolatesLinearlyForAtMostTheLimitThenHolds() {
        InterpolationBuffer buffer = new InterpolationBuffer(2, 16);
        buffer.add(10, v(0, 10), 0, false);
        buffer.add(12, v(4, 6), 0, false); // 2 per tick in x, -2 per tick in y
        assertArrayEquals(v(5, 5), at(buffer, 12.5, Blend.LINEAR, 2, 0), EPS);
        assertArrayEquals(v(8, 2), at(buffer, 14, Blend.LINEAR, 2, 0), EPS);
        assertArrayEquals(v(8, 2), at(buffer, 15, Blend.LINEAR, 2, 0), EPS);
        assertArrayEquals(v(8, 2), at(buffer, 1000, Blend.LINEAR, 2, 0), EPS);
        assertArrayEquals(v(4, 6), at(buffer, 13, Blend.LINEAR, 0, 0), EPS);
        assertArrayEquals(v(4, 6), at(buffer, 13, Blend.STEP, 2, 0), EPS);
    }

    @Test
    void singleSampleHolds() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(3), 0, false);
        assertArrayEquals(v(3), at(buffer, 12, Blend.LINEAR), EPS);
    }

    @Test
    void teleportFlagJumpsAtItsTickWithNothingBetween() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(0), 0, false);
        buffer.add(11, v(1), 0, false);
        buffer.add(12, v(500), 0, true);
        buffer.add(13, v(501), 0, false);
        assertArrayEquals(v(0.5f), at(buffer, 10.5, Blend.LINEAR), EPS);
        for (double t = 11; t < 12; t += 0.125) {
            assertArrayEquals(v(1), at(buffer, t, Blend.LINEAR), EPS, "held before the teleport at " + t);
        }
        assertArrayEquals(v(500), at(buffer, 12, Blend.LINEAR), EPS);
        assertArrayEquals(v(500.5f), at(buffer, 12.5, Blend.LINEAR), EPS);
    }

    @Test
    void noExtrapolationAcrossATeleport() {
        InterpolationBuffer buffer = new InterpolationBuffer(1, 16);
        buffer.add(10, v(0), 0, false);
        buffer.add(11, v(500), 0, true);
        assertArrayEquals(v(500), at(buffer, 12, Blend.LINEAR), EPS);
    }

    @Test
    void snapDistanceTreatsAFarMoveAsATeleport() {
        InterpolationBuffer buffer = new InterpolationBuffer(2, 16);
        buffer.add(10, v(0, 0), 0, false);
        buffer.add(11, v(3, 4), 0, false); // 5 away
        buffer.add(12, v(3, 4.5f), 0, false);
        assertArrayEquals(v(1.5f, 2), at(buffer, 10.5, Blend.LINEAR, 2, 5.5f), EPS, "within the snap distance: blended");
        assertArrayEquals(v(0, 0), at(buffer, 10.5, Blend.LINEAR, 2, 4.5f), EPS, "beyond it: held");
        assertArrayEquals(v(3, 4), at(buffer, 11, Blend.LINEAR, 2, 4.5f), EPS);
        assertArrayEquals(v(3, 4.25f), at(buffer, 11.5, Blend.LINEAR, 2, 4.5f), EPS);
        assertArrayEquals(v(1.5f, 2), at(buffer, 10.5, Blend.LINEAR, 2, 0), EPS, "0 = flagged teleports only");
    }

    @Test
    void slerpMidpointIsTheHalfAngleRotation() {
        InterpolationBuffer buffer = new InterpolationBuffer(4, 16);
        buffer.add(10, aboutZ(0.2), 0, false);
        buffer.add(11, aboutZ(1.6), 0, false);
        assertArrayEquals(aboutZ(0.9), at(buffer, 10.5, Blend.ROTATION), EPS);
        assertArrayEquals(aboutZ(0.55), at(buffer, 10.25, Blend.ROTATION), EPS);
        float[] mid = at(buffer, 10.5, Blend.ROTATION);
        assertEquals(1, Math.sqrt(mid[0] * mid[0] + mid[1] * mid[1] + mid[2] * mid[2] + mid[3] * mid[3]), 1e-6);
    }

    @Test
    void slerpTakesTheShorterArcWhenQuaternionsAreOnOppositeHemispheres() {
        InterpolationBuffer buffer = new InterpolationBuffer(4, 16);
        float[] end = aboutZ(0.6);
        for (int i = 0; i < 4; i++) {
            end[i] = -end[i]; // the same rotation, written as -q
        }
        buffer.add(10, aboutZ(0.2), 0, false);
        buffer.add(11, end, 0, false);
        float[] mid = at(buffer, 10.5, Blend.ROTATION);
        float[] expected = aboutZ(0.4);
        float sign = Math.signum(mid[3]);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], sign * mid[i], EPS, "component " + i + " of " + java.util.Arrays.toString(mid));
        }
    }

    @Test
    void rotationsHoldAfterTheNewest() {
        InterpolationBuffer buffer = new InterpolationBuffer(4, 16);
        buffer.add(10, aboutZ(0.2), 0, false);
        buffer.add(11, aboutZ(0.4), 0, false);
        assertArrayEquals(aboutZ(0.4), at(buffer, 12.5, Blend.ROTATION), EPS);
    }

    /** The unit quaternion (x, y, z, w) of a rotation by {@code angle} radians about z. */
    private static float[] aboutZ(double angle) {
        return v(0, 0, (float) Math.sin(angle / 2), (float) Math.cos(angle / 2));
    }
}
