package dev.entitynet.replication.codec;

import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * Several codecs of one component written back to back: the codec of a whole component, built
 * once at registration.
 *
 * <pre>{@code
 * PropertyCodec<Body> body = ComponentCodec.<Body>builder()
 *     .add(Codecs.vector2(b -> b.x, b -> b.y, (b, x, y) -> { b.x = x; b.y = y; }))
 *     .add(Codecs.float32(b -> b.angle, (b, v) -> b.angle = v))
 *     .build();
 * }</pre>
 */
public final class ComponentCodec<C> implements PropertyCodec<C> {
    private final PropertyCodec<C>[] parts;
    private final int maxEncodedLength;
    private final boolean fixedLength;

    private ComponentCodec(PropertyCodec<C>[] parts) {
        this.parts = parts;
        int max = 0;
        boolean fixed = true;
        for (PropertyCodec<C> p : parts) {
            max += p.maxEncodedLength();
            fixed &= p.fixedLength();
        }
        this.maxEncodedLength = max;
        this.fixedLength = fixed;
    }

    /** Starts a codec for a component of type {@code C}. */
    public static <C> Builder<C> builder() {
        return new Builder<>();
    }

    @Override
    public int maxEncodedLength() {
        return maxEncodedLength;
    }

    @Override
    public boolean fixedLength() {
        return fixedLength;
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
        long at = offset;
        for (PropertyCodec<C> p : parts) {
            at += p.write(c, out, at);
        }
        return (int) (at - offset);
    }

    @Override
    public int measure(BytesStore<?, ?> in, long offset, long limit) {
        long at = offset;
        for (PropertyCodec<C> p : parts) {
            int n = p.measure(in, at, limit);
            if (n < 0) {
                return -1;
            }
            at += n;
        }
        return (int) (at - offset);
    }

    @Override
    public void read(C c, BytesStore<?, ?> in, long offset) {
        long at = offset;
        for (PropertyCodec<C> p : parts) {
            int n = p.measure(in, at, Long.MAX_VALUE);
            p.read(c, in, at);
            at += n;
        }
    }

    /** Collects the parts of a {@link ComponentCodec}. */
    public static final class Builder<C> {
        private final List<PropertyCodec<C>> parts = new ArrayList<>();

        /** Appends a part; parts are encoded in the order added. */
        public Builder<C> add(PropertyCodec<C> part) {
            parts.add(part);
            return this;
        }

        /** The codec. */
        @SuppressWarnings("unchecked")
        public ComponentCodec<C> build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a component codec needs at least one part; call add(...) first");
            }
            return new ComponentCodec<>(parts.toArray(new PropertyCodec[0]));
        }
    }
}
