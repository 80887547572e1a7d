package dev.entitynet.replication.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellSubscriptionsTest {
    private static final long SEED = 5150L;

    @Test
    void enterAndKeepCountsPerPeerAndCellAgreeWithAPlainModelBothWays() {
        System.out.println("CellSubscriptionsTest seed " + SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        int cells = 40;
        int slots = 5;
        CellSubscriptions subscriptions = new CellSubscriptions(cells);
        int[][] keep = new int[slots][cells];
        int[][] enter = new int[slots][cells];
        for (int op = 0; op < 20_000; op++) {
            int cell = random.nextInt(cells);
            int slot = random.nextInt(slots);
            String at = "seed " + SEED + " op " + op;
            switch (random.nextInt(4)) {
                case 0 -> assertEquals(keep[slot][cell]++ == 0, subscriptions.addKeep(cell, slot), at);
                case 1 -> {
                    if (enter[slot][cell] < keep[slot][cell]) { // a viewpoint enters only what it keeps
                        assertEquals(enter[slot][cell]++ == 0, subscriptions.addEnter(cell, slot), at);
                    }
                }
                case 2 -> {
                    if (enter[slot][cell] > 0) {
                        assertEquals(--enter[slot][cell] == 0, subscriptions.removeEnter(cell, slot), at);
                    }
                }
                default -> {
                    if (keep[slot][cell] > enter[slot][cell]) {
                        assertEquals(--keep[slot][cell] == 0, subscriptions.removeKeep(cell, slot), at);
                    }
                }
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            IntOpenHashSet expected = new IntOpenHashSet();
            for (int cell = 0; cell < cells; cell++) {
                if (keep[slot][cell] > 0) {
                    expected.add(cell);
                }
                assertEquals(keep[slot][cell] > 0, subscriptions.keeps(cell, slot));
                assertEquals(enter[slot][cell] > 0, subscriptions.enters(cell, slot));
                assertEquals(enter[slot][cell] > 0, subscriptions.admits(cell, slot, false));
                assertEquals(keep[slot][cell] > 0, subscriptions.admits(cell, slot, true));
            }
            IntOpenHashSet listed = new IntOpenHashSet();
            for (int i = 0; i < subscriptions.cellCount(slot); i++) {
                listed.add(subscriptions.cellAt(slot, i));
            }
            assertEquals(expected, listed, "seed " + SEED + ": the cells of slot " + slot);
        }
        for (int cell = 0; cell < cells; cell++) {
            int subscribers = 0;
            for (int e = subscriptions.first(cell); e >= 0; e = subscriptions.next(e)) {
                subscribers++;
                assertEquals(enter[subscriptions.slotOf(e)][cell] > 0, subscriptions.entering(e));
            }
            int expected = 0;
            for (int slot = 0; slot < slots; slot++) {
                expected += keep[slot][cell] > 0 ? 1 : 0;
            }
            assertEquals(expected, subscribers);
        }
    }
}
