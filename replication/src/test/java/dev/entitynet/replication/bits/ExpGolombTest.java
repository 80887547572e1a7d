package dev.entitynet.replication.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpGolombTest {
    private static final long SEED = 0xE6_C0DEL;

    @Test
    void costOfSmallValues() {
        int[] order0 = {1, 3, 3, 5, 5, 5, 5, 7, 7};
        for (int v = 0; v < order0.length; v++) {
            assertEquals(order0[v], ExpGolomb.cost(v, 0), "v = " + v);
        }
        int[] order2 = {3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 7};
        for (int v = 0; v < order2.length; v++) {
            assertEquals(order2[v], ExpGolomb.cost(v, 2), "v = " + v);
        }
        assertEquals(2 * 63 + 1, ExpGolomb.cost(Long.MAX_VALUE, 0));
        assertTrue(ExpGolomb.encodable((1L << 41) - 2, 0));
        assertTrue(!ExpGolomb.encodable((1L << 41) - 1, 0));
    }

    @Test
    void chooserTotalsEqualTheSumOfCostsForEveryOrder() {
        SplittableRandom random = new SplittableRandom(SEED);
        OrderChooser chooser = new OrderChooser();
        long[] sums = new long[ExpGolomb.MAX_ORDER + 1];
        for (int round = 0; round < 40; round++) {
            chooser.reset();
            java.util.Arrays.fill(sums, 0);
            int spread = random.nextInt(1, 63);
            int n = random.nextInt(0, 500);
            for (int i = 0; i < n; i++) {
                long v = random.nextLong() >>> 64 - spread >>> random.nextInt(spread);
                if (random.nextInt(8) == 0) {
                    v = (1L << random.nextInt(62)) - 1; // all ones: the carry case
                }
                chooser.add(v);
                for (int k = 0; k <= ExpGolomb.MAX_ORDER; k++) {
                    sums[k] += ExpGolomb.cost(v, k);
                }
            }
            assertEquals(n, chooser.count());
            int best = 0;
            for (int k = 0; k <= ExpGolomb.MAX_ORDER; k++) {
                assertEquals(sums[k], chooser.totalBits(k), "order " + k + ", round " + round + ", seed " + SEED);
                if (sums[k] < sums[best]) {
                    best = k;
                }
            }
            assertEquals(best, chooser.bestK(ExpGolomb.MAX_ORDER), "seed " + SEED);
        }
    }

    @Test
    void bestOrderFollowsTheMagnitudes() {
        OrderChooser chooser = new OrderChooser();
        assertEquals(0, chooser.bestK(8), "nothing added");
        for (int i = 0; i < 100; i++) {
            chooser.add(i % 2);
        }
        assertEquals(0, chooser.bestK(8));
        chooser.reset();
        assertEquals(0, chooser.count());
        for (int i = 0; i < 100; i++) {
            chooser.add(1000 + i);
        }
        assertEquals(9, chooser.bestK(16));
        assertEquals(4, chooser.bestK(4), "capped by maxK");
        assertThrows(IllegalArgumentException.class, () -> chooser.add(-1));
        assertThrows(IllegalArgumentException.class, () -> chooser.bestK(ExpGolomb.MAX_ORDER + 1));
    }
}
