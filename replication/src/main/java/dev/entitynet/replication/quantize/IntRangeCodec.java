package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.Accessors.IntGetter;
import dev.entitynet.replication.codec.Accessors.IntSetter;
import net.openhft.chronicle.bytes.BytesStore;

/** An int in {@code [min, max]} as one lane holding {@code value - min}; values outside are clamped. */
final class IntRangeCodec<C> extends PackedLanesCodec<C> {
    private final int min;
    private final int max;
    private final IntGetter<C> get;
    private final IntSetter<C> set;

    IntRangeCodec(int min, int max, IntGetter<C> get, IntSetter<C> set) {
        super(max - min);
        this.min = min;
        this.max = max;
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

    private int code(C c) {
        return Math.max(min, Math.min(max, get.get(c))) - min;
    }

    @Override
    public void quantize(C c, int[] codes, int offset) {
        codes[offset] = code(c);
    }

    @Override
    public void apply(C c, int[] codes, int offset) {
        set.set(c, min + codes[offset]);
    }

    @Override
    public void dequantize(int[] codes, int offset, float[] out, int outOffset) {
        out[outOffset] = min + codes[offset];
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
        clearPadding(out, offset);
        put(out, offset, 0, code(c));
        return maxEncodedLength();
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        set.set(c, min + get(in, offset, 0));
    }
}
