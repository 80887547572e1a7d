package dev.entitynet.replication.codec;

import net.openhft.chronicle.bytes.BytesStore;

/** A codec whose values always take the same number of bytes, so measuring is a bounds check. */
abstract class FixedSizeCodec<C> implements PropertyCodec<C> {
    /** The encoded length of every value. */
    final int size;

    FixedSizeCodec(int size) {
        this.size = size;
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
    public int measure(BytesStore<?, ?> in, long offset, long limit) {
        return limit - offset >= size ? size : -1;
    }

    // Declared again on purpose: left undeclared, HotSpot would generate stubs for them whose error
    // messages a game thread allocates when it first makes a method of this class hot (see JitPrimer).

    @Override
    public abstract int write(C component, BytesStore<?, ?> out, long offset);

    @Override
    public abstract void read(C component, BytesStore<?, ?> in, long offset);
}
