package dev.entitynet.replication.codec;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * One to three quantized floats packed into a long and written as its low bytes, so
 * {@code n x bits} bits take {@code ceil(n x bits / 8)} bytes. Codes with bits above the packed
 * width are rejected as malformed.
 */
abstract class QuantizedFloatsCodec<C> extends FixedSizeCodec<C> {
    private final long validMask;

    QuantizedFloatsCodec(Quantization q, int count) {
        super(bytesFor(q.bits() * count));
        int totalBits = q.bits() * count;
        this.validMask = totalBits == 64 ? -1L : (1L << totalBits) - 1;
    }

    private static int bytesFor(int bits) {
        if (bits > 64) {
            throw new IllegalArgumentException(bits + " quantized bits do not fit in one 64-bit word; use fewer bits per axis");
        }
        return (bits + 7) >>> 3;
    }

    abstract long pack(C c);

    abstract void unpack(C c, long packed);

    @Override
    public final int write(C c, BytesStore<?, ?> out, long offset) {
        long packed = pack(c);
        for (int i = 0; i < size; i++) {
            out.writeByte(offset + i, (byte) (packed >>> (i << 3)));
        }
        return size;
    }

    @Override
    public final int measure(BytesStore<?, ?> in, long offset, long limit) {
        if (super.measure(in, offset, limit) < 0) {
            return -1;
        }
        return (readPacked(in, offset) & ~validMask) == 0 ? size : -1;
    }

    @Override
    public final void read(C c, BytesStore<?, ?> in, long offset) {
        unpack(c, readPacked(in, offset));
    }

    private long readPacked(BytesStore<?, ?> in, long offset) {
        long packed = 0;
        for (int i = 0; i < size; i++) {
            packed |= (long) (in.readByte(offset + i) & 0xFF) << (i << 3);
        }
        return packed;
    }
}
