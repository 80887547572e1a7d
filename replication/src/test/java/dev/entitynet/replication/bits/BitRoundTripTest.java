package dev.entitynet.replication.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.BytesStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BitRoundTripTest {
    private static final long SEED = 0x5EED_B175L;
    /** Regions start here, so bytes before and after them can be checked for stray writes. */
    private static final int GUARD = 16;
    private static final byte FILL = (byte) 0xA5;

    private final BytesStore<?, Void> store = BytesStore.nativeStoreWithFixedCapacity(8192);
    private final BitWriter writer = new BitWriter();
    private final BitReader reader = new BitReader();

    @AfterEach
    void release() {
        store.releaseLast();
    }

    private void fill(byte b) {
        for (long i = 0; i < store.realCapacity(); i++) {
            store.writeByte(i, b);
        }
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : -1L >>> 64 - bits;
    }

    @Test
    void everyWidthRoundTripsAtEveryAlignment() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int bits = 0; bits <= 64; bits++) {
            for (int skew = 0; skew < 64; skew++) {
                long[] values = {0, -1L, random.nextLong(), random.nextLong(), 1L << Math.max(0, bits - 1)};
                writer.wrap(store, GUARD, 64);
                writer.write(random.nextLong(), skew);
                for (long v : values) {
                    writer.write(v, bits);
                }
                writer.writeBit(true);
                int used = writer.finish();
                assertFalse(writer.overflowed());
                assertEquals(skew + 5L * bits + 1, writer.bitsWritten());
                assertEquals((writer.bitsWritten() + 7) / 8, used);

                reader.wrap(store, GUARD, used);
                reader.read(skew);
                for (long v : values) {
                    assertEquals(v & mask(bits), reader.read(bits), "width " + bits + ", skew " + skew + ", seed " + SEED);
                }
                assertTrue(reader.readBit());
                assertFalse(reader.overflowed());
                assertEquals(writer.bitsWritten(), reader.bitsRead());
                assertEquals(used * 8L - reader.bitsRead(), reader.bitsRemaining());
            }
        }
    }

    @Test
    void expGolombRoundTripsForEveryOrder() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k <= ExpGolomb.MAX_ORDER; k++) {
            long[] values = new long[200];
            for (int i = 0; i < values.length; i++) {
                long v = random.nextLong() >>> random.nextInt(1, 64);
                values[i] = ExpGolomb.encodable(v, k) ? v : v >>> 30;
            }
            values[0] = 0;
            values[1] = (1L << k) - 1;
            values[2] = 1L << k;
            // the largest encodable value: 40 prefix zeros, or Long.MAX_VALUE once k leaves fewer than 41 bits above it
            values[3] = k >= 23 ? Long.MAX_VALUE : ((1L << ExpGolomb.MAX_PREFIX_ZEROS + 1) - 2 << k) + (1L << k) - 1;
            writer.wrap(store, GUARD, 4096);
            long expectedBits = 0;
            for (long v : values) {
                assertTrue(ExpGolomb.encodable(v, k), v + " at order " + k);
                writer.writeExpGolomb(v, k);
                expectedBits += ExpGolomb.cost(v, k);
                assertEquals(expectedBits, writer.bitsWritten(), "cost of " + v + " at order " + k + ", seed " + SEED);
            }
            int used = writer.finish();
            reader.wrap(store, GUARD, used);
            for (long v : values) {
                assertEquals(v, reader.readExpGolomb(k), "order " + k + ", seed " + SEED);
            }
            assertFalse(reader.overflowed());
        }
    }

    @Test
    void seededRandomSequencesRoundTrip() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] kinds = new int[2000];
        int[] widths = new int[kinds.length];
        long[] values = new long[kinds.length];
        for (int round = 0; round < 50; round++) {
            writer.wrap(store, GUARD, 8192 - 2 * GUARD);
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = random.nextInt(3);
                switch (kinds[i]) {
                    case 0 -> {
                        widths[i] = random.nextInt(65);
                        values[i] = random.nextLong() & mask(widths[i]);
                        writer.write(values[i], widths[i]);
                    }
                    case 1 -> {
                        values[i] = random.nextBoolean() ? 1 : 0;
                        writer.writeBit(values[i] == 1);
                    }
                    default -> {
                        widths[i] = random.nextInt(12);
                        values[i] = ZigZag.encode(random.nextInt(-5000, 5000));
                        writer.writeExpGolomb(values[i], widths[i]);
                    }
                }
            }
            int used = writer.finish();
            assertFalse(writer.overflowed(), "seed " + SEED);
            reader.wrap(store, GUARD, used);
            for (int i = 0; i < kinds.length; i++) {
                long got = switch (kinds[i]) {
                    case 0 -> reader.read(widths[i]);
                    case 1 -> reader.readBit() ? 1 : 0;
                    default -> reader.readExpGolomb(widths[i]);
                };
                assertEquals(values[i], got, "round " + round + ", item " + i + ", seed " + SEED);
            }
            assertEquals(writer.bitsWritten(), reader.bitsRead());
            assertTrue(reader.bitsRemaining() < 8);
        }
    }

    @Test
    void writerOverflowWritesNothingOutsideTheRegion() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int length = 0; length <= 20; length++) {
            fill(FILL);
            writer.wrap(store, GUARD, length);
            long written = 0;
            while (!writer.overflowed()) {
                int bits = random.nextInt(65);
                writer.write(-1L, bits);
                if (!writer.overflowed()) {
                    written += bits;
                }
            }
            assertEquals(written, writer.bitsWritten());
            assertTrue(writer.bitsWritten() <= length * 8L);
            writer.write(1, 1);
            writer.writeExpGolomb(0, 0);
            assertEquals(written, writer.bitsWritten(), "writes after an overflow are dropped");
            assertEquals((written + 7) / 8, writer.finish());
            for (int i = 0; i < store.realCapacity(); i++) {
                if (i < GUARD || i >= GUARD + length) {
                    assertEquals(FILL, store.readByte(i), "byte " + i + " outside a region of " + length);
                }
            }
        }
    }

    @Test
    void aFullRegionTakesExactlyItsBits() {
        writer.wrap(store, GUARD, 8);
        writer.write(0x0123_4567_89AB_CDEFL, 64);
        assertFalse(writer.overflowed());
        writer.writeBit(false);
        assertTrue(writer.overflowed());
        assertEquals(8, writer.finish());
        assertEquals(0x0123_4567_89AB_CDEFL, littleEndianLong(GUARD), "LSB-first is little-endian");
    }

    @Test
    void finishPadsWithZerosAndWritingMayGoOn() {
        fill(FILL);
        writer.wrap(store, GUARD, 16);
        writer.write(0b101, 3);
        assertEquals(1, writer.finish());
        assertEquals(0b101, store.readByte(GUARD));
        writer.write(0x1FF, 9);
        assertEquals(2, writer.finish());
        assertEquals((byte) 0xFD, store.readByte(GUARD));
        assertEquals(0x0F, store.readByte(GUARD + 1));
        assertEquals(FILL, store.readByte(GUARD + 2));
    }

    @Test
    void readerPastTheEndReturnsZeroAndSetsTheFlag() {
        fill((byte) 0xFF);
        reader.wrap(store, GUARD, 2);
        assertEquals(0xFFF, reader.read(12));
        assertEquals(0, reader.read(5), "5 bits when 4 remain");
        assertTrue(reader.overflowed());
        assertEquals(0, reader.read(1), "sticky");
        assertFalse(reader.readBit());
        assertEquals(0, reader.readExpGolomb(3));
        assertEquals(12, reader.bitsRead());

        reader.wrap(store, GUARD, 0);
        assertEquals(0, reader.read(0));
        assertFalse(reader.overflowed());
        assertEquals(0, reader.readExpGolomb(0));
        assertTrue(reader.overflowed());
    }

    @Test
    void readerRejectsAbsurdPrefixes() {
        for (int zeros = 38; zeros <= 70; zeros++) {
            writer.wrap(store, GUARD, 64);
            writeZeros(zeros);
            writer.writeBit(true);
            writer.write(-1L, 64);
            int used = writer.finish();
            reader.wrap(store, GUARD, used);
            long value = reader.readExpGolomb(0);
            if (zeros <= ExpGolomb.MAX_PREFIX_ZEROS) {
                assertFalse(reader.overflowed(), zeros + " zeros");
                assertEquals((1L << zeros + 1) - 2, value);
            } else {
                assertTrue(reader.overflowed(), zeros + " zeros");
                assertEquals(0, value);
            }
        }
        fill((byte) 0);
        reader.wrap(store, GUARD, 100);
        assertEquals(0, reader.readExpGolomb(5));
        assertTrue(reader.overflowed(), "all zeros");
        assertTrue(reader.bitsRead() <= 64 + ExpGolomb.MAX_PREFIX_ZEROS);
    }

    @Test
    void readerRejectsValuesBeyondALong() {
        // 40 zeros at order 32 would stand for values near 2^73.
        writer.wrap(store, GUARD, 64);
        writeZeros(40);
        writer.writeBit(true);
        writeZeros(40 + 32);
        int used = writer.finish();
        reader.wrap(store, GUARD, used);
        assertEquals(0, reader.readExpGolomb(32));
        assertTrue(reader.overflowed());
    }

    @Test
    void garbageNeverThrowsNorReadsOutsideTheRegion() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] first = new long[400];
        for (int round = 0; round < 2000; round++) {
            int length = random.nextInt(0, 40);
            long opsSeed = random.nextLong();
            for (int i = 0; i < GUARD + length; i++) {
                store.writeByte(i, (byte) random.nextInt());
            }
            for (int pass = 0; pass < 2; pass++) {
                // The second pass changes every byte after the region: results must not change.
                for (int i = GUARD + length; i < GUARD + length + 64; i++) {
                    store.writeByte(i, (byte) (pass == 0 ? 0 : 0xFF));
                }
                SplittableRandom ops = new SplittableRandom(opsSeed);
                reader.wrap(store, GUARD, length);
                for (int i = 0; i < first.length; i++) {
                    long got = switch (ops.nextInt(3)) {
                        case 0 -> reader.read(ops.nextInt(65));
                        case 1 -> reader.readBit() ? 1 : 0;
                        default -> {
                            long value = reader.readExpGolomb(ops.nextInt(ExpGolomb.MAX_ORDER + 1));
                            assertTrue(value >= 0, "seed " + SEED);
                            yield value;
                        }
                    };
                    if (pass == 0) {
                        first[i] = got;
                    } else {
                        assertEquals(first[i], got, "round " + round + ", op " + i + ", seed " + SEED);
                    }
                    assertTrue(reader.bitsRead() <= length * 8L, "seed " + SEED);
                }
            }
        }
    }

    @Test
    void wrappingOutsideTheStoreIsRefused() {
        long capacity = store.realCapacity();
        assertThrows(IllegalArgumentException.class, () -> writer.wrap(store, capacity - 4, 5));
        assertThrows(IllegalArgumentException.class, () -> reader.wrap(store, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> reader.wrap(store, 0, -1));
        writer.wrap(store, capacity - 4, 4);
        reader.wrap(store, capacity, 0);
    }

    @Test
    void badArgumentsSayWhatToChange() {
        writer.wrap(store, 0, 64);
        reader.wrap(store, 0, 64);
        assertThrows(IllegalArgumentException.class, () -> writer.write(0, 65));
        assertThrows(IllegalArgumentException.class, () -> reader.read(-1));
        assertThrows(IllegalArgumentException.class, () -> writer.writeExpGolomb(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> writer.writeExpGolomb(1, ExpGolomb.MAX_ORDER + 1));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> writer.writeExpGolomb(1L << 50, 0));
        assertTrue(tooBig.getMessage().contains("use a larger order"), tooBig.getMessage());
        writer.writeExpGolomb(1L << 50, 10);
    }

    private void writeZeros(int bits) {
        for (int left = bits; left > 0; left -= 32) {
            writer.write(0, Math.min(32, left));
        }
    }

    private long littleEndianLong(long offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (store.readByte(offset + i) & 0xFFL) << 8 * i;
        }
        return v;
    }
}
