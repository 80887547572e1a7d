package dev.entitynet.replication.bits;

import java.util.Arrays;

/**
 * Picks the exp-Golomb order that codes a set of unsigned values in the fewest bits, from two
 * histograms filled by {@link #add}: no allocation after construction, and {@link #bestK} costs a
 * few hundred additions however many values were added.
 *
 * <p>The exact cost cannot be read from a value's bit length {@code L} alone: with
 * {@code m = floor(log2((v >>> k) + 1))} the code takes {@code 2m + 1 + k} bits, and for {@code k < L}
 * {@code m} is {@code L - k} when bits {@code k .. L-1} of {@code v} are all ones (adding one carries
 * into a new bit) and {@code L - k - 1} otherwise (v = 2 and v = 3 at order 0 take 3 and 5 bits). So
 * the chooser also counts, per value, {@code s = L - t} where {@code t} is the length of the run of
 * ones that starts at the top bit; bits {@code k .. L-1} are all ones exactly when {@code s <= k}.
 * Then the order-{@code k} total is
 * <pre>
 *   sum over L &lt;= k of count(L) * (k + 1)
 * + sum over L &gt;  k of count(L) * (2L - 1 - k)
 * + 2 * (#{s &lt;= k} - #{L &lt;= k})
 * </pre>
 * which equals the sum of {@link ExpGolomb#cost} over the values added.
 */
public final class OrderChooser {
    private final long[] byLength = new long[65];
    private final long[] byOnesStart = new long[65];
    private long count;

    /**
     * Counts one value.
     *
     * @throws IllegalArgumentException when value is negative
     */
    public void add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("exp-Golomb codes unsigned values; " + value + " is negative (ZigZag.encode it first)");
        }
        int length = 64 - Long.numberOfLeadingZeros(value);
        int topOnes = length == 0 ? 0 : Long.numberOfLeadingZeros(~(value << (64 - length)));
        byLength[length]++;
        byOnesStart[length - topOnes]++;
        count++;
    }

    /** Forgets every value added. */
    public void reset() {
        Arrays.fill(byLength, 0);
        Arrays.fill(byOnesStart, 0);
        count = 0;
    }

    /** How many values were added since construction or {@link #reset}. */
    public long count() {
        return count;
    }

    /**
     * The bits the values added take as order-{@code k} exp-Golomb codes.
     *
     * @throws IllegalArgumentException when k is outside 0 to {@link ExpGolomb#MAX_ORDER}
     */
    public long totalBits(int k) {
        ExpGolomb.checkOrder(k);
        long total = 0;
        long carries = 0;
        for (int i = 0; i <= 64; i++) {
            long n = byLength[i];
            if (i <= k) {
                total += n * (k + 1);
                carries += byOnesStart[i] - n;
            } else {
                total += n * (2L * i - 1 - k);
            }
        }
        return total + 2 * carries;
    }

    /**
     * The order in {@code 0 .. maxK} that codes the values added in the fewest bits; the smallest
     * such order on ties, and 0 when nothing was added.
     *
     * @throws IllegalArgumentException when maxK is outside 0 to {@link ExpGolomb#MAX_ORDER}
     */
    public int bestK(int maxK) {
        ExpGolomb.checkOrder(maxK);
        int best = 0;
        long bestBits = totalBits(0);
        for (int k = 1; k <= maxK; k++) {
            long bits = totalBits(k);
            if (bits < bestBits) {
                best = k;
                bestBits = bits;
            }
        }
        return best;
    }
}
