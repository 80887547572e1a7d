package dev.entitynet.replication.quantize;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * The lane layout shared by the built-in quantized codecs: lane widths and largest codes, and the
 * byte form ({@link QuantizedCodec}'s packing) with the checks {@link #measure} and {@link #valid}
 * apply to every lane. Stateless after construction, so one codec serves any number of threads.
 */
abstract class PackedLanesCodec<C> implements QuantizedCodec<C> {
    private final int[] laneBits;
    private final int[] laneShift;
    private final int[] maxCode;
    private final int size;
    /** The unused high bits of the last byte, which must be zero. */
    private final int padding;

    /** @param maxCodes the largest valid code of each lane, at least 1; a lane is as wide as its largest code needs */
    PackedLanesCodec(int... maxCodes) {
        this.maxCode = maxCodes.clone();
        this.laneBits = new int[maxCodes.length];
        this.laneShift = new int[maxCodes.length];
        int shift = 0;
        for (int lane = 0; lane < maxCodes.length; lane++) {
            laneBits[lane] = 32 - Integer.numberOfLeadingZeros(maxCodes[lane]);
            laneShift[lane] = shift;
            shift += laneBits[lane];
        }
        this.size = shift + 7 >>> 3;
        this.padding = 0xFF << (shift - (size - 1 << 3)) & 0xFF;
    }

    @Override
    public final int lanes() {
        return laneBits.length;
    }

    @Override
    public final int laneBits(int lane) {
        return laneBits[lane];
    }

    /** The largest valid code of lane {@code lane}. */
    final int maxCode(int lane) {
        return maxCode[lane];
    }

    @Override
    public final int maxEncodedLength() {
        return size;
    }

    @Override
    public final boolean fixedLength() {
        return true;
    }

    @Override
    public boolean valid(int[] codes, int offset) {
        for (int lane = 0; lane < maxCode.length; lane++) {
            int code = codes[offset + lane];
            if (code < 0 || code > maxCode[lane]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int measure(BytesStore<?, ?> in, long offset, long limit) {
        if (limit - offset < size || (in.readByte(offset + size - 1) & padding) != 0) {
            return -1;
        }
        for (int lane = 0; lane < maxCode.length; lane++) {
            if (get(in, offset, lane) > maxCode[lane]) {
                return -1;
            }
        }
        return size;
    }

    /** Zeroes the last byte of the value at {@code offset}, so its padding bits are zero once the lanes are put. */
    final void clearPadding(BytesStore<?, ?> out, long offset) {
        out.writeByte(offset + size - 1, (byte) 0);
    }

    /** Stores {@code code} as lane {@code lane} of the value at {@code offset}, leaving the other lanes' bits. */
    final void put(BytesStore<?, ?> out, long offset, int lane, int code) {
        int shift = laneShift[lane];
        long at = offset + (shift >>> 3);
        int s = shift & 7;
        long mask = ((1L << laneBits[lane]) - 1) << s;
        long bits = (long) code << s & mask;
        int bytes = s + laneBits[lane] + 7 >>> 3;
        for (int i = 0; i < bytes; i++) {
            int m = (int) (mask >>> (i << 3)) & 0xFF;
            int b = out.readByte(at + i) & ~m | (int) (bits >>> (i << 3)) & m;
            out.writeByte(at + i, (byte) b);
        }
    }

    /** Lane {@code lane} of the value at {@code offset}. */
    final int get(BytesStore<?, ?> in, long offset, int lane) {
        int shift = laneShift[lane];
        long at = offset + (shift >>> 3);
        int s = shift & 7;
        int bytes = s + laneBits[lane] + 7 >>> 3;
        long word = 0;
        for (int i = 0; i < bytes; i++) {
            word |= (in.readByte(at + i) & 0xFFL) << (i << 3);
        }
        return (int) (word >>> s & (1L << laneBits[lane]) - 1);
    }

    // Declared again on purpose, as in FixedSizeCodec: left undeclared, HotSpot would generate stubs
    // whose error messages a game thread allocates when it first makes a method of this class hot.

    @Override
    public abstract int write(C component, BytesStore<?, ?> out, long offset);

    @Override
    public abstract void read(C component, BytesStore<?, ?> in, long offset);
}
