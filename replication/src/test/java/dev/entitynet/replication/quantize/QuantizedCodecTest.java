package dev.entitynet.replication.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.entitynet.replication.bits.BitWriter;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuantizedCodecTest {
    private static final long SEED = 0x0_0A11_7E57L;
    private static final int AT = 8;

    /** A plain holder; codecs work on any type. */
    static final class Thing {
        float x;
        float y;
        float z;
        float qx;
        float qy;
        float qz;
        float qw = 1;
        float f;
        int i;
        boolean b;
    }

    private final BytesStore<?, Void> store = BytesStore.nativeStoreWithFixedCapacity(256);
    private final BytesStore<?, Void> expected = BytesStore.nativeStoreWithFixedCapacity(256);
    private final BitWriter writer = new BitWriter();

    @AfterEach
    void release() {
        store.releaseLast();
        expected.releaseLast();
    }

    static QuantizedCodec<Thing> position3(float precision) {
        return Quantized.position3(-100, -10, -100, 100, 50, 100, precision, t -> t.x, t -> t.y, t -> t.z,
                (t, x, y, z) -> {
                    t.x = x;
                    t.y = y;
                    t.z = z;
                });
    }

    static QuantizedCodec<Thing> position2(float precision) {
        return Quantized.position2(-3.3f, 0.1f, 7.7f, 12, precision, t -> t.x, t -> t.y, (t, x, y) -> {
            t.x = x;
            t.y = y;
        });
    }

    static QuantizedCodec<Thing> rotation(int bits) {
        return Quantized.rotation(bits, t -> t.qx, t -> t.qy, t -> t.qz, t -> t.qw, (t, x, y, z, w) -> {
            t.qx = x;
            t.qy = y;
            t.qz = z;
            t.qw = w;
        });
    }

    /**
     * The checks every codec must pass for the value in {@code from}: its codes are valid, applying
     * them and quantizing again gives the same codes, and the byte form carries exactly those codes
     * (bit for bit what a BitWriter writes for the lanes) and is measured and read back intact.
     */
    private <C> int[] checkCodes(QuantizedCodec<C> codec, C from, C to, String context) {
        int lanes = codec.lanes();
        int[] codes = new int[lanes + 2];
        codes[0] = -7;
        codec.quantize(from, codes, 1);
        assertEquals(-7, codes[0], "quantize stays in its lanes");
        assertTrue(codec.valid(codes, 1), context + " " + Arrays.toString(codes));
        codec.apply(to, codes, 1);
        int[] again = new int[lanes + 2];
        again[0] = -7;
        codec.quantize(to, again, 1);
        assertArrayEquals(codes, again, "quantize(apply(codes)) == codes, " + context);

        float[] dequantized = new float[codec.dimensions() + 1];
        codec.dequantize(codes, 1, dequantized, 1);

        for (int i = 0; i < 32; i++) {
            store.writeByte(i, (byte) 0xFF);
        }
        int n = codec.write(from, store, AT);
        assertEquals(codec.maxEncodedLength(), n);
        assertTrue(codec.fixedLength());
        int bits = 0;
        writer.wrap(expected, 0, 64);
        for (int lane = 0; lane < lanes; lane++) {
            assertTrue(codec.laneBits(lane) >= 1 && codec.laneBits(lane) <= 31);
            bits += codec.laneBits(lane);
            writer.write(codes[1 + lane], codec.laneBits(lane));
        }
        assertEquals((bits + 7) / 8, n);
        assertEquals(n, writer.finish());
        for (int i = 0; i < n; i++) {
            assertEquals(expected.readByte(i), store.readByte(AT + i), "byte " + i + ", " + context);
        }
        assertEquals((byte) 0xFF, store.readByte(AT + n), "wrote past its length");
        assertEquals(n, codec.measure(store, AT, AT + n));
        assertEquals(-1, codec.measure(store, AT, AT + n - 1), "truncated");
        codec.read(to, store, AT);
        codec.quantize(to, again, 1);
        assertArrayEquals(codes, again, "byte round trip, " + context);
        return Arrays.copyOfRange(codes, 1, 1 + lanes);
    }

    @Test
    void positionsRoundTripWithinPrecisionAndAreIdempotent() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (float precision : new float[] {0.001f, 0.01f, 0.03f, 0.5f, 7f}) {
            QuantizedCodec<Thing> codec = position3(precision);
            assertEquals(3, codec.dimensions());
            assertEquals(Blend.LINEAR, codec.blend());
            Thing a = new Thing();
            Thing b = new Thing();
            for (int i = 0; i < 5000; i++) {
                a.x = (float) random.nextDouble(-100, 100);
                a.y = (float) random.nextDouble(-10, 50);
                a.z = (float) random.nextDouble(-100, 100);
                checkCodes(codec, a, b, "precision " + precision + ", seed " + SEED);
                assertTrue(Math.abs(a.x - b.x) <= precision && Math.abs(a.y - b.y) <= precision && Math.abs(a.z - b.z) <= precision,
                        "(" + a.x + ", " + a.y + ", " + a.z + ") came back as (" + b.x + ", " + b.y + ", " + b.z + "), seed " + SEED);
            }
        }
        QuantizedCodec<Thing> flat = position2(0.01f);
        assertEquals(2, flat.dimensions());
        Thing a = new Thing();
        Thing b = new Thing();
        for (int i = 0; i < 5000; i++) {
            a.x = (float) random.nextDouble(-3.3, 7.7);
            a.y = (float) random.nextDouble(0.1, 12);
            checkCodes(flat, a, b, "seed " + SEED);
            assertTrue(Math.abs(a.x - b.x) <= 0.01f && Math.abs(a.y - b.y) <= 0.01f, "seed " + SEED);
        }
    }

    @Test
    void positionBitsFollowThePowerOfTwoStep() {
        // precision 0.01: step 2^-6 = 0.015625 <= 0.02; x spans 200 -> 12800 steps -> 14 bits; y 60 -> 3840 -> 12 bits.
        QuantizedCodec<Thing> codec = position3(0.01f);
        assertEquals(14, codec.laneBits(0));
        assertEquals(12, codec.laneBits(1));
        assertEquals(14, codec.laneBits(2));
        assertEquals(5, codec.maxEncodedLength());
    }

    @Test
    void positionsOutsideTheBoxClampToItsEdgeAndNaNGoesToMin() {
        QuantizedCodec<Thing> codec = position2(0.01f);
        Thing a = new Thing();
        Thing b = new Thing();
        float[] out = new float[2];
        a.x = 1e30f;
        a.y = Float.NEGATIVE_INFINITY;
        int[] codes = checkCodes(codec, a, b, "clamped");
        codec.dequantize(codes, 0, out, 0);
        assertTrue(out[0] >= 7.7f && out[0] <= 7.7f + 0.02f, "x clamps to the top of the box: " + out[0]);
        assertTrue(out[1] <= 0.1f && out[1] >= 0.1f - 0.02f, "y clamps to the bottom of the box: " + out[1]);

        a.x = Float.NaN;
        a.y = Float.NaN;
        int[] nan = checkCodes(codec, a, b, "NaN");
        a.x = -3.3f;
        a.y = 0.1f;
        assertArrayEquals(checkCodes(codec, a, b, "min"), nan, "NaN quantizes to min");
    }

    @Test
    void invalidPositionCodesAreRejected() {
        QuantizedCodec<Thing> codec = position2(0.01f); // x: 11 / 2^-6 = 704 steps (+1 for the grid anchor): 10 bits, not all used
        Thing a = new Thing();
        int[] codes = new int[2];
        codec.quantize(a, codes, 0);
        assertTrue(codec.valid(codes, 0));
        int[] tooBig = {(1 << codec.laneBits(0)) - 1, codes[1]};
        assertFalse(codec.valid(tooBig, 0));
        assertFalse(codec.valid(new int[] {-1, codes[1]}, 0));

        writer.wrap(store, 0, 16);
        writer.write(tooBig[0], codec.laneBits(0));
        writer.write(tooBig[1], codec.laneBits(1));
        int n = writer.finish();
        assertEquals(-1, codec.measure(store, 0, n), "an x code beyond the box");

        codec.write(a, store, 0);
        assertEquals(n, codec.measure(store, 0, n));
        int used = codec.laneBits(0) + codec.laneBits(1);
        if (used % 8 != 0) {
            store.writeByte(n - 1, (byte) (store.readByte(n - 1) | 0x80));
            assertEquals(-1, codec.measure(store, 0, n), "padding bits must be zero");
        }
    }

    @Test
    void rotationsStayWithinTheirErrorBoundAndAreIdempotent() {
        SplittableRandom random = new SplittableRandom(SEED);
        Thing a = new Thing();
        Thing b = new Thing();
        for (int bits = Quantized.MIN_ROTATION_BITS; bits <= Quantized.MAX_ROTATION_BITS; bits++) {
            QuantizedCodec<Thing> codec = rotation(bits);
            assertEquals(4, codec.lanes());
            assertEquals(2, codec.laneBits(0));
            assertEquals(bits, codec.laneBits(1));
            assertEquals(Blend.ROTATION, codec.blend());
            double step = Math.sqrt(0.5) / ((1 << bits - 1) - 1);
            double worst = 0;
            for (int i = 0; i < 20_000; i++) {
                randomRotation(random, a, i);
                checkCodes(codec, a, b, bits + " bits, seed " + SEED);
                worst = Math.max(worst, angleBetween(a, b));
                double unit = Math.sqrt((double) b.qx * b.qx + (double) b.qy * b.qy + (double) b.qz * b.qz + (double) b.qw * b.qw);
                assertEquals(1, unit, 1e-6, "applied rotations are normalized");
            }
            if (bits == 9 || bits == 10 || bits == 12) {
                System.out.printf("QuantizedCodecTest seed %x: %d bits per component, worst angle error %.4f degrees over 20000 rotations (%.2f steps)%n",
                        SEED, bits, Math.toDegrees(worst), worst / step);
            }
            // Plain rounding: half a step on each of the three, up to 1.5 steps on the rebuilt largest,
            // a chord of about 1.66 steps and an angle of about 3.3. A near tie nudged one step (see
            // SmallestThree) has up to 1.5 steps on one component: a chord of about 2.24, an angle of 4.5.
            assertTrue(worst <= 5 * step, bits + " bits: worst angle " + worst + " rad is more than 5 steps of " + step + ", seed " + SEED);
        }
    }

    /**
     * The rotation angle between two quaternions, from the chord between them: {@code 4 asin(|q - q'| / 2)}
     * stays exact for tiny angles, where {@code 2 acos(q . q')} drowns in the float rounding of q'.
     */
    private static double angleBetween(Thing a, Thing b) {
        double norm = Math.sqrt((double) a.qx * a.qx + (double) a.qy * a.qy + (double) a.qz * a.qz + (double) a.qw * a.qw);
        double dot = a.qx * (double) b.qx + a.qy * (double) b.qy + a.qz * (double) b.qz + a.qw * (double) b.qw;
        double sign = dot < 0 ? -1 : 1;
        double dx = a.qx / norm - sign * b.qx;
        double dy = a.qy / norm - sign * b.qy;
        double dz = a.qz / norm - sign * b.qz;
        double dw = a.qw / norm - sign * b.qw;
        return 4 * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz + dw * dw) / 2));
    }

    /** Uniform rotations, and every fourth one nearly tied between two, three or four components. */
    private static void randomRotation(SplittableRandom random, Thing t, int i) {
        double x = gaussian(random);
        double y = gaussian(random);
        double z = gaussian(random);
        double w = gaussian(random);
        if (i % 4 == 3) {
            double e = 1e-4 * gaussian(random);
            double v = random.nextBoolean() ? 0.5 : Math.sqrt(0.5);
            x = v + e;
            y = (random.nextBoolean() ? v : -v) - e;
            z = v == 0.5 ? 0.5 : 1e-3 * gaussian(random);
            w = v == 0.5 ? -0.5 + e : e;
        }
        double scale = (random.nextInt(8) == 0 ? 3 : 1) / Math.sqrt(x * x + y * y + z * z + w * w);
        t.qx = (float) (x * scale);
        t.qy = (float) (y * scale);
        t.qz = (float) (z * scale);
        t.qw = (float) (w * scale);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void everyValidRotationCodeSetIsAFixedPoint() {
        SplittableRandom random = new SplittableRandom(SEED);
        Thing t = new Thing();
        for (int bits = Quantized.MIN_ROTATION_BITS; bits <= Quantized.MAX_ROTATION_BITS; bits++) {
            QuantizedCodec<Thing> codec = rotation(bits);
            int[] codes = new int[4];
            int[] again = new int[4];
            int valid = 0;
            for (int i = 0; i < 20_000; i++) {
                codes[0] = random.nextInt(4);
                for (int lane = 1; lane < 4; lane++) {
                    codes[lane] = random.nextInt(1 << bits);
                }
                if (!codec.valid(codes, 0)) {
                    continue;
                }
                valid++;
                codec.apply(t, codes, 0);
                codec.quantize(t, again, 0);
                assertArrayEquals(codes, again, bits + " bits, seed " + SEED);
            }
            // At 2 bits only the identity's codes are consistent: 1 set in 64 per index.
            assertTrue(valid > 100, bits + " bits: only " + valid + " valid, seed " + SEED);
        }
    }

    @Test
    void degenerateQuaternionsAreSentAsTheIdentity() {
        QuantizedCodec<Thing> codec = rotation(10);
        Thing a = new Thing();
        Thing b = new Thing();
        float[][] cases = {{0, 0, 0, 0}, {Float.NaN, 0, 0, 1}, {Float.POSITIVE_INFINITY, 0, 0, 0}, {0, 0, 0, -5}};
        for (float[] q : cases) {
            a.qx = q[0];
            a.qy = q[1];
            a.qz = q[2];
            a.qw = q[3];
            checkCodes(codec, a, b, Arrays.toString(q));
            assertEquals(0f, b.qx);
            assertEquals(0f, b.qy);
            assertEquals(0f, b.qz);
            assertEquals(1f, b.qw, "the identity is sent exactly");
        }
    }

    @Test
    void invalidRotationCodesAreRejected() {
        QuantizedCodec<Thing> codec = rotation(9);
        int offGrid = (1 << 9) - 1;
        int mid = (1 << 8) - 1;
        assertFalse(codec.valid(new int[] {3, offGrid, mid, mid}, 0), "the code 2^bits - 1 is off the grid");
        assertFalse(codec.valid(new int[] {3, 2 * mid, 2 * mid, 0}, 0), "three components of 0.71 leave no largest");
        assertFalse(codec.valid(new int[] {3, 2 * mid, mid, mid}, 0), "0.71 and 0.71: a tie, not a largest");
        assertFalse(codec.valid(new int[] {4, mid, mid, mid}, 0));
        assertTrue(codec.valid(new int[] {3, mid, mid, mid}, 0));
        for (int[] bad : new int[][] {{3, offGrid, mid, mid}, {3, 2 * mid, 2 * mid, 0}}) {
            writer.wrap(store, 0, 16);
            for (int lane = 0; lane < 4; lane++) {
                writer.write(bad[lane], codec.laneBits(lane));
            }
            int n = writer.finish();
            assertEquals(-1, codec.measure(store, 0, n), Arrays.toString(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> rotation(1));
        assertThrows(IllegalArgumentException.class, () -> rotation(17));
    }

    @Test
    void rangesRoundTripOnTheirGrid() {
        QuantizedCodec<Thing> codec = Quantized.range(0, 1, 0.1f, t -> t.f, (t, v) -> t.f = v);
        assertEquals(4, codec.laneBits(0), "11 points");
        assertEquals(Blend.LINEAR, codec.blend());
        Thing a = new Thing();
        Thing b = new Thing();
        a.f = 1;
        assertArrayEquals(new int[] {10}, checkCodes(codec, a, b, "max"));
        assertEquals(1f, b.f, 1e-6f);
        a.f = 2;
        assertArrayEquals(new int[] {10}, checkCodes(codec, a, b, "above max"));
        a.f = Float.NaN;
        assertArrayEquals(new int[] {0}, checkCodes(codec, a, b, "NaN"));
        assertFalse(codec.valid(new int[] {11}, 0));

        SplittableRandom random = new SplittableRandom(SEED);
        QuantizedCodec<Thing> health = Quantized.range(-50, 250, 0.25f, t -> t.f, (t, v) -> t.f = v);
        for (int i = 0; i < 10_000; i++) {
            a.f = (float) random.nextDouble(-50, 250);
            checkCodes(health, a, b, "seed " + SEED);
            assertTrue(Math.abs(a.f - b.f) <= 0.125f, a.f + " came back as " + b.f + ", seed " + SEED);
        }
    }

    @Test
    void integersAndBooleans() {
        QuantizedCodec<Thing> ints = Quantized.integer(-3, 100, t -> t.i, (t, v) -> t.i = v);
        assertEquals(7, ints.laneBits(0));
        assertEquals(Blend.STEP, ints.blend());
        Thing a = new Thing();
        Thing b = new Thing();
        for (int v = -3; v <= 100; v++) {
            a.i = v;
            checkCodes(ints, a, b, "int " + v);
            assertEquals(v, b.i);
        }
        a.i = 1000;
        checkCodes(ints, a, b, "clamped");
        assertEquals(100, b.i);
        assertFalse(ints.valid(new int[] {104}, 0));
        store.writeByte(0, (byte) 104);
        assertEquals(-1, ints.measure(store, 0, 1));
        assertEquals(31, Quantized.integer(0, Integer.MAX_VALUE, (Thing t) -> t.i, (t, v) -> t.i = v).laneBits(0));

        QuantizedCodec<Thing> flag = Quantized.bool(t -> t.b, (t, v) -> t.b = v);
        assertEquals(1, flag.laneBits(0));
        assertEquals(Blend.STEP, flag.blend());
        a.b = true;
        assertArrayEquals(new int[] {1}, checkCodes(flag, a, b, "true"));
        assertTrue(b.b);
        a.b = false;
        assertArrayEquals(new int[] {0}, checkCodes(flag, a, b, "false"));
        assertFalse(b.b);
        assertFalse(flag.valid(new int[] {2}, 0));
        store.writeByte(0, (byte) 2);
        assertEquals(-1, flag.measure(store, 0, 1));
    }

    @Test
    void mistakesSayWhatToChange() {
        String nearZero = message(() -> position3(0f));
        assertTrue(nearZero.contains("precision 0.0 must be a finite number above 0"), nearZero);
        assertTrue(message(() -> Quantized.position2(1, 0, 1, 1, 0.1f, (Thing t) -> t.x, t -> t.y, (t, x, y) -> { }))
                .contains("max > min"));
        assertTrue(message(() -> Quantized.position2(Float.NaN, 0, 1, 1, 0.1f, (Thing t) -> t.x, t -> t.y, (t, x, y) -> { }))
                .contains("must be finite"));
        String tooFine = message(() -> Quantized.position2(0, 0, 100_000, 1, 0.001f, (Thing t) -> t.x, t -> t.y, (t, x, y) -> { }));
        assertTrue(tooFine.contains("finer than floats resolve") && tooFine.contains("x axis"), tooFine);
        assertTrue(message(() -> Quantized.range(0, 1, -1, (Thing t) -> t.f, (t, v) -> { })).contains("step -1.0"));
        assertTrue(message(() -> Quantized.integer(Integer.MIN_VALUE, Integer.MAX_VALUE, (Thing t) -> t.i, (t, v) -> { }))
                .contains("narrow the range"));
        assertTrue(message(() -> Quantized.integer(5, 5, (Thing t) -> t.i, (t, v) -> { })).contains("max > min"));
        assertTrue(message(() -> rotation(20)).contains("between 2 and 16"));
    }

    private static String message(Runnable mistake) {
        return assertThrows(IllegalArgumentException.class, mistake::run).getMessage();
    }
}
