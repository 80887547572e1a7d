package dev.entitynet.replication.codec;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * Encodes one replicated value held by a component of type {@code C} (a field, a vector, or a whole
 * component) at absolute offsets of an off-heap store. Codecs are built once, at registration, from
 * accessors (method references or non-capturing lambdas), so encoding a tick reflects on nothing and
 * allocates nothing. The encoding carries no type tag: both sides know the schema from the shared
 * {@link dev.entitynet.replication.config.ReplicationConfig}.
 *
 * @param <C> the component type whose value this codec reads and writes
 */
public interface PropertyCodec<C> {

    /** The most bytes {@link #write} can produce; the snapshot engine reserves this much per value. */
    int maxEncodedLength();

    /** Whether every value takes exactly {@link #maxEncodedLength()} bytes. */
    default boolean fixedLength() {
        return false;
    }

    /**
     * Writes the value of {@code component} at {@code offset}.
     *
     * @return the number of bytes written, at most {@link #maxEncodedLength()}
     */
    int write(C component, BytesStore<?, ?> out, long offset);

    /**
     * Writes the values of {@code count} components, the one of {@code entities[i]} (found at
     * {@code componentsByEntity[entities[i]]}) at {@code first + i * stride}: the snapshot engine
     * encodes a whole tick column by column.
     *
     * <p>Every built-in codec class overrides this with the same short loop on purpose: a loop in one
     * shared method would call {@link #write} through a call site that sees every codec class,
     * which the JIT cannot inline (measured 2 to 5 times slower); a copy per class sees exactly one.
     * Custom codecs with many instances per tick should do the same.
     *
     * @throws NullPointerException when an entity has no component (the engine reports which)
     */
    @SuppressWarnings("unchecked")
    default void writeColumn(Object[] componentsByEntity, int[] entities, int count, BytesStore<?, ?> out, long first, int stride) {
        for (int i = 0; i < count; i++) {
            write((C) componentsByEntity[entities[i]], out, first + (long) i * stride);
        }
    }

    /**
     * Measures the encoded value at {@code offset} without trusting it: the result is the value's
     * length, or -1 when the bytes up to {@code limit} do not hold a well-formed value (truncated,
     * a length beyond the cap, an out-of-range quantized code). Receivers measure every value of a
     * record before applying any, so a malformed record changes nothing.
     */
    int measure(BytesStore<?, ?> in, long offset, long limit);

    /** Reads a value that {@link #measure} accepted into {@code component}. */
    void read(C component, BytesStore<?, ?> in, long offset);
}
