package dev.entitynet.replication.bits;

/**
 * Order-k exp-Golomb codes of unsigned values. The code of {@code v} is the order-0 code of
 * {@code n = v >>> k} followed by the low {@code k} bits of {@code v}; the order-0 code of {@code n}
 * is {@code m} zero bits, a one bit, and the low {@code m} bits of {@code n + 1}, where
 * {@code m = floor(log2(n + 1))}. Its length is therefore {@code 2m + 1 + k} bits.
 *
 * <p>{@link BitWriter} writes the prefix (the zeros and the one) first, then the low bits of
 * {@code n + 1}, then the low bits of {@code v}, each LSB-first.
 */
public final class ExpGolomb {
    /**
     * The most zero bits a prefix may have: a reader treats a longer run as malformed input, so
     * garbage cannot make it read a huge value. Values whose prefix would be longer are refused by
     * the writer: with {@code k} = 0 every value below {@code 2^41 - 1} fits.
     */
    public static final int MAX_PREFIX_ZEROS = 40;

    /** The largest order accepted: wide enough for any code of a 31-bit lane after {@link ZigZag}. */
    public static final int MAX_ORDER = 32;

    private ExpGolomb() {
    }

    /**
     * The length in bits of the order-{@code k} code of {@code value}: {@code 2m + 1 + k} with
     * {@code m = floor(log2((value >>> k) + 1))}.
     *
     * @throws IllegalArgumentException when value is negative or k is outside 0 to {@link #MAX_ORDER}
     */
    public static int cost(long value, int k) {
        return 2 * prefixZeros(value, k) + 1 + k;
    }

    /** Whether {@code value} has an order-{@code k} code that a {@link BitReader} accepts. */
    public static boolean encodable(long value, int k) {
        return prefixZeros(value, k) <= MAX_PREFIX_ZEROS;
    }

    /**
     * The number of zero bits that start the order-{@code k} code of {@code value}.
     *
     * @throws IllegalArgumentException when value is negative or k is outside 0 to {@link #MAX_ORDER}
     */
    static int prefixZeros(long value, int k) {
        checkOrder(k);
        if (value < 0) {
            throw new IllegalArgumentException("exp-Golomb codes unsigned values; " + value + " is negative (ZigZag.encode it first)");
        }
        // (value >>> k) + 1 overflows to Long.MIN_VALUE only for Long.MAX_VALUE at k = 0: 63 zeros, right.
        return 63 - Long.numberOfLeadingZeros((value >>> k) + 1);
    }

    static int checkOrder(int k) {
        if (k < 0 || k > MAX_ORDER) {
            throw new IllegalArgumentException("exp-Golomb order " + k + " must be between 0 and " + MAX_ORDER);
        }
        return k;
    }
}
