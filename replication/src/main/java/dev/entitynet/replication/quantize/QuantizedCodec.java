package dev.entitynet.replication.quantize;

import dev.entitynet.replication.codec.PropertyCodec;

/**
 * A property codec whose value is a fixed number of unsigned integer codes, its lanes. The server
 * quantizes a value to codes, the snapshot engine delta-codes the codes lane by lane, and a client
 * applies them; {@code quantize(apply(codes)) == codes} for every valid code set, so once the server
 * applies the codes it sent to its own copy, both sides hold the same value bit for bit. Quantizing
 * uses only IEEE arithmetic that Java defines exactly (+, -, *, /, sqrt, {@code Math.round}), so the
 * codes are the same on every JVM.
 *
 * <p>The byte-level {@link PropertyCodec} methods, used by spawns and reliable ON_CHANGE updates,
 * carry the same codes: the lanes packed LSB-first in lane order into
 * {@code ceil(sum of laneBits / 8)} bytes with the unused high bits of the last byte zero (exactly
 * what {@link dev.entitynet.replication.bits.BitWriter} writes for the lanes one after another).
 * {@link #measure} rejects bytes whose codes are not {@link #valid}, and {@link #read} applies them.
 *
 * @param <C> the component type
 */
public interface QuantizedCodec<C> extends PropertyCodec<C> {
    /** The number of integer codes per value. */
    int lanes();

    /** The width of lane {@code lane}, 1 to 31 bits: its codes are 0 to {@code 2^bits - 1}. */
    int laneBits(int lane);

    /** Writes the codes of {@code component}'s value to {@code codes[offset .. offset + lanes())}. */
    void quantize(C component, int[] codes, int offset);

    /**
     * Whether a receiver may apply {@code codes[offset .. offset + lanes())}: every code in its lane's
     * range (a position code at most its axis's largest, a rotation consistent with its index).
     */
    boolean valid(int[] codes, int offset);

    /** Sets {@code component} to exactly the value that the {@link #valid} codes stand for. */
    void apply(C component, int[] codes, int offset);

    /** The number of floats the value has: 2 or 3 for a position, 4 for a quaternion, 1 otherwise. */
    int dimensions();

    /** Writes the {@link #dimensions()} floats that the valid codes stand for to {@code out[outOffset ..]}. */
    void dequantize(int[] codes, int offset, float[] out, int outOffset);

    /** How a client blends two values of this property. */
    Blend blend();
}
