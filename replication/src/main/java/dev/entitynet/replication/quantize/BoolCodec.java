package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.Accessors.BooleanGetter;
import dev.entitynet.replication.codec.Accessors.BooleanSetter;
import net.openhft.chronicle.bytes.BytesStore;

/** A boolean as one 1-bit lane; dequantized to 0 or 1. */
final class BoolCodec<C> extends PackedLanesCodec<C> {
    private final BooleanGetter<C> get;
    private final BooleanSetter<C> set;

    BoolCodec(BooleanGetter<C> get, BooleanSetter<C> set) {
        super(1);
        this.get = get;
        this.set = set;
    }

    @Override
    public int dimensions() {
        return 1;
    }

    @Override
    public Blend blend() {
        return Blend.STEP;
    }

    @Override
    public void quantize(C c, int[] codes, int offset) {
        codes[offset] = get.get(c) ? 1 : 0;
    }

    @Override
    public void apply(C c, int[] codes, int offset) {
        set.set(c, codes[offset] != 0);
    }

    @Override
    public void dequantize(int[] codes, int offset, float[] out, int outOffset) {
        out[outOffset] = codes[offset];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
        for (int i = 0; i < count; i++) {
            write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
        }
    }

    @Override
    public int write(C c, BytesStore<?, ?> out, long offset) {
        out.writeByte(offset, get.get(c) ? (byte) 1 : (byte) 0);
        return 1;
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        set.set(c, in.readByte(offset) != 0);
    }
}
