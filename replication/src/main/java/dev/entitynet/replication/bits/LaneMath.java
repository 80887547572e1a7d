package dev.entitynet.replication.bits;

/**
 * Modular arithmetic on b-bit lanes: a quantized value's code is an unsigned b-bit integer held in an
 * int (b from 1 to 31), and a delta against a prediction is taken modulo {@code 2^b}. The residual is
 * returned in its signed form, in {@code [-2^(b-1), 2^(b-1))}, so a small step either way, including a
 * step that wraps around the lane, is a small number to {@link ZigZag} and exp-Golomb code.
 */
public final class LaneMath {
    /** The widest lane: codes are non-negative ints. */
    public static final int MAX_BITS = 31;

    private LaneMath() {
    }

    /**
     * The signed residual of {@code current} against {@code predicted}: the value r in
     * {@code [-2^(bits-1), 2^(bits-1))} with {@code r == (current - predicted) mod 2^bits}. Only the low
     * {@code bits} bits of both codes count.
     *
     * @throws IllegalArgumentException when bits is not between 1 and 31
     */
    public static int wrapResidual(int current, int predicted, int bits) {
        int unused = 32 - checkBits(bits);
        return (current - predicted) << unused >> unused;
    }

    /**
     * The code {@code (predicted + residual) mod 2^bits}, in {@code [0, 2^bits)}: undoes
     * {@link #wrapResidual}, so {@code applyResidual(p, wrapResidual(c, p, b), b) == c} for every
     * b-bit code c.
     *
     * @throws IllegalArgumentException when bits is not between 1 and 31
     */
    public static int applyResidual(int predicted, int residual, int bits) {
        return predicted + residual & mask(bits);
    }

    /**
     * {@code 2^bits - 1}: the largest b-bit code, and the mask of a lane.
     *
     * @throws IllegalArgumentException when bits is not between 1 and 31
     */
    public static int mask(int bits) {
        return -1 >>> 32 - checkBits(bits);
    }

    private static int checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("lane width " + bits + " must be between 1 and " + MAX_BITS + " bits");
        }
        return bits;
    }
}
