package dev.entitynet.replication.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadiusShapeTest {
    private static final long SEED = 77031L;
    private final CellGrid grid = CellGrid.plane(25, 0, 0, 1000, 1000);

    /** Records what a shape reports, checking the order rules: a cell is entered only while kept, nothing twice. */
    private static final class Seen implements ViewShape.Changes {
        final IntOpenHashSet kept = new IntOpenHashSet();
        final IntOpenHashSet entered = new IntOpenHashSet();
        int changes;

        @Override
        public void keepGained(int cell) {
            assertTrue(kept.add(cell), "kept twice: " + cell);
            changes++;
        }

        @Override
        public void enterGained(int cell) {
            assertTrue(kept.contains(cell), "entered before kept: " + cell);
            assertTrue(entered.add(cell), "entered twice: " + cell);
            changes++;
        }

        @Override
        public void enterLost(int cell) {
            assertTrue(entered.remove(cell), "left without entering: " + cell);
            changes++;
        }

        @Override
        public void keepLost(int cell) {
            assertTrue(!entered.contains(cell), "dropped while entered: " + cell);
            assertTrue(kept.remove(cell), "dropped without keeping: " + cell);
            changes++;
        }
    }

    @Test
    void enteredAndKeptCellsAreTheEnterAndLeaveZonesOfTheAnchorsCellWhereverItGoes() {
        System.out.println("RadiusShapeTest seed " + SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        RadiusShape shape = new RadiusShape(grid, 100, 160);
        RadiusZone enter = new RadiusZone(grid, 100);
        RadiusZone leave = new RadiusZone(grid, 160);
        Seen seen = new Seen();
        int cell = -1;
        float x = 500;
        float y = 500;
        for (int step = 0; step < 3000; step++) {
            boolean teleport = random.nextInt(100) == 0;
            x = teleport ? random.nextFloat() * 1000 : Math.max(0, Math.min(999, x + (random.nextFloat() - 0.5f) * 30));
            y = teleport ? random.nextFloat() * 1000 : Math.max(0, Math.min(999, y + (random.nextFloat() - 0.5f) * 30));
            int to = grid.cellOf(x, y, 0);
            if (to != cell) {
                shape.moved(cell, to, seen);
                cell = to;
            }
            for (int c = 0; c < grid.cellCount(); c++) {
                if (enter.contains(cell, c) != seen.entered.contains(c) || leave.contains(cell, c) != seen.kept.contains(c)) {
                    throw new AssertionError("seed " + SEED + ", step " + step + ": cell " + c);
                }
            }
            assertEquals(seen.kept.size(), shape.size());
        }
        shape.clear(cell, seen);
        assertTrue(seen.kept.isEmpty() && seen.entered.isEmpty());
    }

    @Test
    void whatAnAnchorFlippingAcrossACellEdgeEntersIsKeptFromTheOtherCell() {
        int a = grid.cell(20, 20, 0);
        int b = grid.cell(21, 21, 0); // a diagonal crossing, the worst case
        RadiusZone enter = new RadiusZone(grid, 100);
        RadiusZone margin = new RadiusZone(grid, 100 + 25 * (float) Math.sqrt(2) + 0.01f);
        RadiusZone none = new RadiusZone(grid, 100);
        for (int c = 0; c < grid.cellCount(); c++) {
            if (enter.contains(a, c)) {
                assertTrue(margin.contains(b, c), "entered from a, kept from b: " + c);
            }
            if (enter.contains(b, c)) {
                assertTrue(margin.contains(a, c), "entered from b, kept from a: " + c);
            }
        }
        boolean flickers = false;
        for (int c = 0; c < grid.cellCount(); c++) {
            flickers |= enter.contains(a, c) && !none.contains(b, c);
        }
        assertTrue(flickers, "equal radii drop cells on the way back and forth");
    }

    @Test
    void nonsenseRadiiThrowWithWhatToChange() {
        assertThrows(IllegalArgumentException.class, () -> new RadiusShape(grid, -5, 10));
        assertThrows(IllegalArgumentException.class, () -> new RadiusShape(grid, Float.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new RadiusShape(grid, 10, Float.POSITIVE_INFINITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RadiusShape(grid, 50, 40));
        assertTrue(e.getMessage().contains("at least the enter radius"), e.getMessage());
    }
}
