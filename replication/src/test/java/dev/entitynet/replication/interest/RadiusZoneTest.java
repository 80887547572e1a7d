package dev.entitynet.replication.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadiusZoneTest {
    private static final long SEED = 20261201L;

    @Test
    void differenceListsExactlyTheCellsOneZoneHasAndTheOtherLacks() {
        System.out.println("RadiusZoneTest seed " + SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        for (CellGrid grid : new CellGrid[] {CellGrid.plane(10, 0, 0, 200, 150), CellGrid.space(10, 0, 0, 0, 120, 100, 80)}) {
            for (int round = 0; round < 200; round++) {
                RadiusZone zone = new RadiusZone(grid, 5 + random.nextInt(60));
                int a = random.nextInt(grid.cellCount());
                int b = random.nextInt(4) == 0 ? -1 : neighbourOrAny(grid, a, random);
                IntArrayList listed = new IntArrayList();
                zone.difference(a, b, listed::add);
                IntOpenHashSet expected = new IntOpenHashSet();
                for (int c = 0; c < grid.cellCount(); c++) {
                    if (zone.contains(a, c) && (b < 0 || !zone.contains(b, c))) {
                        expected.add(c);
                    }
                }
                assertEquals(expected, new IntOpenHashSet(listed), "seed " + SEED + ", round " + round + ", " + grid);
                assertEquals(expected.size(), listed.size(), "no cell twice");
            }
        }
    }

    @Test
    void aZoneHoldsEveryCellWithinTheRadiusOfAnyPointOfItsCentreCell() {
        CellGrid grid = CellGrid.plane(10, 0, 0, 300, 300);
        float radius = 37;
        RadiusZone zone = new RadiusZone(grid, radius);
        int centre = grid.cellOf(155, 155, 0);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 2000; i++) {
            float ax = 150 + random.nextFloat() * 10;
            float ay = 150 + random.nextFloat() * 10;
            double angle = random.nextDouble(2 * Math.PI);
            double d = random.nextDouble(radius);
            int cell = grid.cellOf((float) (ax + Math.cos(angle) * d), (float) (ay + Math.sin(angle) * d), 0);
            assertTrue(zone.contains(centre, cell), "seed " + SEED + ": a point " + d + " from the anchor is in the zone");
        }
        int far = grid.cellOf(155 + radius + 2 * 10 + 1, 155, 0);
        assertTrue(!zone.contains(centre, far), "nothing beyond the radius plus two cells");
    }

    @Test
    void aRadiusSpanningTooManyCellsThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RadiusZone(CellGrid.space(1, 0, 0, 0, 100, 100, 100), 30));
        assertTrue(e.getMessage().contains("larger cell size or a smaller radius"), e.getMessage());
    }

    private static int neighbourOrAny(CellGrid grid, int cell, SplittableRandom random) {
        if (random.nextBoolean()) {
            return random.nextInt(grid.cellCount());
        }
        int c = grid.cell(grid.column(cell) + random.nextInt(3) - 1, grid.row(cell) + random.nextInt(3) - 1,
                grid.dimensions() == 2 ? 0 : grid.layer(cell) + random.nextInt(3) - 1);
        return c < 0 ? cell : c;
    }
}
