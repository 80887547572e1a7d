package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.Accessors.FloatGetter;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * A rotation as a smallest-three quaternion (see {@link SmallestThree}): lane 0 is the index of the
 * largest component (2 bits), lanes 1 to 3 the other three in x, y, z, w order. Applying rebuilds
 * the largest component and normalizes.
 */
final class RotationCodec<C> extends PackedLanesCodec<C> {
    private final int bits;
    private final int mid;
    private final FloatGetter<C> x;
    private final FloatGetter<C> y;
    private final FloatGetter<C> z;
    private final FloatGetter<C> w;
    private final QuaternionSetter<C> set;

    RotationCodec(int bits, FloatGetter<C> x, FloatGetter<C> y, FloatGetter<C> z, FloatGetter<C> w, QuaternionSetter<C> set) {
        super(3, 2 * SmallestThree.mid(bits), 2 * SmallestThree.mid(bits), 2 * SmallestThree.mid(bits));
        this.bits = bits;
        this.mid = SmallestThree.mid(bits);
        this.x = x;
        this.y = y;
        this.z = z;
        this.w = w;
        this.set = set;
    }

    @Override
    public int dimensions() {
        return 4;
    }

    @Override
    public Blend blend() {
        return Blend.ROTATION;
    }

    private long encode(C c) {
        return SmallestThree.encode(x.get(c), y.get(c), z.get(c), w.get(c), bits);
    }

    private int lane(long packed, int lane) {
        return lane == 0 ? (int) packed & 3 : (int) (packed >>> 2 + (lane - 1) * bits) & (1 << bits) - 1;
    }

    @Override
    public void quantize(C c, int[] codes, int offset) {
        long packed = encode(c);
        for (int lane = 0; lane < 4; lane++) {
            codes[offset + lane] = lane(packed, lane);
        }
    }

    @Override
    public boolean valid(int[] codes, int offset) {
        return super.valid(codes, offset) && SmallestThree.consistent(codes[offset + 1], codes[offset + 2], codes[offset + 3], mid);
    }

    @Override
    public void apply(C c, int[] codes, int offset) {
        set(c, null, 0, codes[offset], codes[offset + 1], codes[offset + 2], codes[offset + 3]);
    }

    @Override
    public void dequantize(int[] codes, int offset, float[] out, int outOffset) {
        set(null, out, outOffset, codes[offset], codes[offset + 1], codes[offset + 2], codes[offset + 3]);
    }

    /** Rebuilds the quaternion and hands it to the component's setter, or to {@code out} when component is null. */
    private void set(C c, float[] out, int outOffset, int index, int c1, int c2, int c3) {
        double a = SmallestThree.value(c1, mid);
        double b = SmallestThree.value(c2, mid);
        double d = SmallestThree.value(c3, mid);
        double big = SmallestThree.largest(a, b, d);
        double scale = 1 / Math.sqrt(a * a + b * b + d * d + big * big);
        float qx = (float) ((index == 0 ? big : a) * scale);
        float qy = (float) ((index == 0 ? a : index == 1 ? big : b) * scale);
        float qz = (float) ((index <= 1 ? b : index == 2 ? big : d) * scale);
        float qw = (float) ((index == 3 ? big : d) * scale);
        if (c != null) {
            set.set(c, qx, qy, qz, qw);
        } else {
            out[outOffset] = qx;
            out[outOffset + 1] = qy;
            out[outOffset + 2] = qz;
            out[outOffset + 3] = qw;
        }
    }

    @Override
    public int measure(BytesStore<?, ?> in, long offset, long limit) {
        int n = super.measure(in, offset, limit);
        return n > 0 && SmallestThree.consistent(get(in, offset, 1), get(in, offset, 2), get(in, offset, 3), mid) ? n : -1;
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
        long packed = encode(c);
        clearPadding(out, offset);
        for (int lane = 0; lane < 4; lane++) {
            put(out, offset, lane, lane(packed, lane));
        }
        return maxEncodedLength();
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        set(c, null, 0, get(in, offset, 0), get(in, offset, 1), get(in, offset, 2), get(in, offset, 3));
    }
}
