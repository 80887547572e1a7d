package dev.entitynet.replication.bits;

/**
 * ZigZag mapping of signed longs onto unsigned ones (0, -1, 1, -2, 2 ... become 0, 1, 2, 3, 4 ...),
 * so values of small magnitude, of either sign, get short exp-Golomb codes.
 */
public final class ZigZag {
    private ZigZag() {
    }

    /** The unsigned code of {@code value}: {@code 2 * value} for value >= 0, {@code -2 * value - 1} below. */
    public static long encode(long value) {
        return value << 1 ^ value >> 63;
    }

    /** The signed value of a code from {@link #encode}. */
    public static long decode(long code) {
        return code >>> 1 ^ -(code & 1);
    }
}
