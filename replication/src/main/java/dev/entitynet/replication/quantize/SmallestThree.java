package dev.entitynet.replication.quantize;

/**
 * The smallest-three quaternion math. A unit quaternion's largest-magnitude component is at least
 * 1/2, and after flipping the whole quaternion (q and -q are the same rotation) so that it is
 * positive, it follows from the other three, which lie in {@code [-1/sqrt2, 1/sqrt2]}. Those three are
 * quantized on a symmetric grid of {@code 2^bits - 1} points ({@code mid = 2^(bits-1) - 1} either side
 * of an exact zero, so the identity is sent exactly); the code {@code 2^bits - 1} is invalid.
 *
 * <p>Codes are <em>consistent</em> when the rebuilt largest component exceeds each of the three by
 * at least {@link #MARGIN}: then the rebuilt quaternion, rounded to floats, has its largest component
 * at the same index and quantizes back to the same codes. When plain rounding of a nearly tied
 * quaternion would break that, {@link #encode} moves the largest of the three one step towards zero
 * until it holds, at the cost of at most a step or two of error on such rotations.
 */
final class SmallestThree {
    /** 1/sqrt2, the largest magnitude of a component that is not the largest. */
    static final double LIMIT = Math.sqrt(0.5);
    /** How much larger the rebuilt largest component must be: far above float rounding (~6e-8). */
    static final double MARGIN = 1e-6;

    private SmallestThree() {
    }

    /** The number of grid points either side of zero for {@code bits}-bit components. */
    static int mid(int bits) {
        return (1 << bits - 1) - 1;
    }

    static double value(int code, int mid) {
        return (code - mid) * LIMIT / mid;
    }

    private static int code(double v, int mid) {
        long c = Math.round(v * mid / LIMIT);
        return (int) Math.max(-mid, Math.min(mid, c)) + mid;
    }

    /** The largest component that completes a unit quaternion with the other three. */
    static double largest(double a, double b, double c) {
        return Math.sqrt(Math.max(0, 1 - (a * a + b * b + c * c)));
    }

    /** Whether the three codes are on the grid and consistent (see the class comment). */
    static boolean consistent(int c1, int c2, int c3, int mid) {
        int maxCode = 2 * mid;
        if (c1 < 0 || c1 > maxCode || c2 < 0 || c2 > maxCode || c3 < 0 || c3 > maxCode) {
            return false;
        }
        double a = value(c1, mid);
        double b = value(c2, mid);
        double c = value(c3, mid);
        double biggest = Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
        return largest(a, b, c) >= biggest + MARGIN;
    }

    /**
     * The lanes of {@code (x, y, z, w)} packed LSB-first: the index of the largest component in bits
     * 0-1, then the three others in order, {@code bits} bits each. The quaternion need not be unit
     * length; a zero, infinite or NaN one is sent as the identity.
     */
    static long encode(float x, float y, float z, float w, int bits) {
        int mid = mid(bits);
        double n2 = (double) x * x + (double) y * y + (double) z * z + (double) w * w;
        if (!(n2 > 0) || Double.isInfinite(n2)) {
            return pack(3, mid, mid, mid, bits);
        }
        int index = 0;
        float big = Math.abs(x);
        if (Math.abs(y) > big) {
            index = 1;
            big = Math.abs(y);
        }
        if (Math.abs(z) > big) {
            index = 2;
            big = Math.abs(z);
        }
        if (Math.abs(w) > big) {
            index = 3;
        }
        float largest = index == 0 ? x : index == 1 ? y : index == 2 ? z : w;
        double scale = (largest < 0 ? -1 : 1) / Math.sqrt(n2);
        float s1 = index == 0 ? y : x;
        float s2 = index <= 1 ? z : y;
        float s3 = index <= 2 ? w : z;
        int c1 = code(s1 * scale, mid);
        int c2 = code(s2 * scale, mid);
        int c3 = code(s3 * scale, mid);
        while (!consistent(c1, c2, c3, mid)) {
            int d1 = Math.abs(c1 - mid);
            int d2 = Math.abs(c2 - mid);
            int d3 = Math.abs(c3 - mid);
            if (d1 >= d2 && d1 >= d3) {
                c1 -= Integer.signum(c1 - mid);
            } else if (d2 >= d3) {
                c2 -= Integer.signum(c2 - mid);
            } else {
                c3 -= Integer.signum(c3 - mid);
            }
        }
        return pack(index, c1, c2, c3, bits);
    }

    private static long pack(int index, int c1, int c2, int c3, int bits) {
        return index | (long) c1 << 2 | (long) c2 << 2 + bits | (long) c3 << 2 + 2 * bits;
    }
}
