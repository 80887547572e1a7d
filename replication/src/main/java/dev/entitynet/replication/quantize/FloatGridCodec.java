package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.Accessors.FloatGetter;
import dev.entitynet.replication.codec.Accessors.FloatSetter;
import dev.entitynet.replication.codec.Accessors.Vector2Setter;
import dev.entitynet.replication.codec.Accessors.Vector3Setter;
import net.openhft.chronicle.bytes.BytesStore;

/** One to three floats, each quantized on its own {@link FloatGrid}: one lane per axis, blended linearly. */
final class FloatGridCodec<C> extends PackedLanesCodec<C> {
    private final FloatGrid[] grids;
    private final FloatGetter<C>[] getters;
    private final FloatSetter<C> set1;
    private final Vector2Setter<C> set2;
    private final Vector3Setter<C> set3;

    private FloatGridCodec(FloatGrid[] grids, FloatGetter<C>[] getters, FloatSetter<C> set1, Vector2Setter<C> set2, Vector3Setter<C> set3) {
        super(maxCodes(grids));
        this.grids = grids;
        this.getters = getters;
        this.set1 = set1;
        this.set2 = set2;
        this.set3 = set3;
    }

    static <C> FloatGridCodec<C> of(FloatGrid grid, FloatGetter<C> get, FloatSetter<C> set) {
        @SuppressWarnings("unchecked")
        FloatGetter<C>[] getters = new FloatGetter[] {get};
        return new FloatGridCodec<>(new FloatGrid[] {grid}, getters, set, null, null);
    }

    static <C> FloatGridCodec<C> of(FloatGrid x, FloatGrid y, FloatGetter<C> getX, FloatGetter<C> getY, Vector2Setter<C> set) {
        @SuppressWarnings("unchecked")
        FloatGetter<C>[] getters = new FloatGetter[] {getX, getY};
        return new FloatGridCodec<>(new FloatGrid[] {x, y}, getters, null, set, null);
    }

    static <C> FloatGridCodec<C> of(FloatGrid x, FloatGrid y, FloatGrid z, FloatGetter<C> getX, FloatGetter<C> getY,
                                    FloatGetter<C> getZ, Vector3Setter<C> set) {
        @SuppressWarnings("unchecked")
        FloatGetter<C>[] getters = new FloatGetter[] {getX, getY, getZ};
        return new FloatGridCodec<>(new FloatGrid[] {x, y, z}, getters, null, null, set);
    }

    private static int[] maxCodes(FloatGrid[] grids) {
        int[] maxCodes = new int[grids.length];
        for (int i = 0; i < grids.length; i++) {
            maxCodes[i] = grids[i].maxCode();
        }
        return maxCodes;
    }

    @Override
    public int dimensions() {
        return grids.length;
    }

    @Override
    public Blend blend() {
        return Blend.LINEAR;
    }

    @Override
    public void quantize(C c, int[] codes, int offset) {
        for (int i = 0; i < grids.length; i++) {
            codes[offset + i] = grids[i].code(getters[i].get(c));
        }
    }

    @Override
    public void apply(C c, int[] codes, int offset) {
        switch (grids.length) {
            case 1 -> set1.set(c, grids[0].value(codes[offset]));
            case 2 -> set2.set(c, grids[0].value(codes[offset]), grids[1].value(codes[offset + 1]));
            default -> set3.set(c, grids[0].value(codes[offset]), grids[1].value(codes[offset + 1]), grids[2].value(codes[offset + 2]));
        }
    }

    @Override
    public void dequantize(int[] codes, int offset, float[] out, int outOffset) {
        for (int i = 0; i < grids.length; i++) {
            out[outOffset + i] = grids[i].value(codes[offset + i]);
        }
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
        for (int i = 0; i < grids.length; i++) {
            put(out, offset, i, grids[i].code(getters[i].get(c)));
        }
        return maxEncodedLength();
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        switch (grids.length) {
            case 1 -> set1.set(c, grids[0].value(get(in, offset, 0)));
            case 2 -> set2.set(c, grids[0].value(get(in, offset, 0)), grids[1].value(get(in, offset, 1)));
            default -> set3.set(c, grids[0].value(get(in, offset, 0)), grids[1].value(get(in, offset, 1)), grids[2].value(get(in, offset, 2)));
        }
    }
}
