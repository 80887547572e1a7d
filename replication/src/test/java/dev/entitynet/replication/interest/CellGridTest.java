package dev.entitynet.replication.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellGridTest {

    @Test
    void cellsAreNumberedColumnFirstAndPositionsOutsideTheBoxGoToTheNearestEdgeCell() {
        CellGrid grid = CellGrid.plane(10, -50, 0, 50, 30);
        assertEquals(10, grid.columns());
        assertEquals(3, grid.rows());
        assertEquals(30, grid.cellCount());
        int cell = grid.cellOf(-45, 25, 0);
        assertEquals(0, grid.column(cell));
        assertEquals(2, grid.row(cell));
        assertEquals(grid.cell(0, 2, 0), cell);
        assertEquals(grid.cell(9, 0, 0), grid.cellOf(1e9f, -1e9f, 0), "clamped to the edge");
        assertEquals(grid.cell(0, 0, 0), grid.cellOf(Float.NaN, Float.NaN, 0), "NaN counts as below the minimum");
        assertFalse(grid.contains(50, 0, 0), "the maximum is outside");
        assertTrue(grid.contains(49.9f, 29.9f, 123), "z is ignored in 2D");
        assertEquals(-1, grid.cell(10, 0, 0));
    }

    @Test
    void spaceGridsHaveLayers() {
        CellGrid grid = CellGrid.space(5, 0, 0, 0, 20, 10, 15);
        assertEquals(4 * 2 * 3, grid.cellCount());
        int cell = grid.cellOf(17, 6, 11);
        assertEquals(3, grid.column(cell));
        assertEquals(1, grid.row(cell));
        assertEquals(2, grid.layer(cell));
        assertFalse(grid.contains(1, 1, 15));
    }

    @Test
    void nonsenseGridsThrowWithWhatToChange() {
        assertMessage("positive finite", () -> CellGrid.plane(-1, 0, 0, 10, 10));
        assertMessage("positive finite", () -> CellGrid.plane(Float.NaN, 0, 0, 10, 10));
        assertMessage("positive finite", () -> CellGrid.plane(Float.POSITIVE_INFINITY, 0, 0, 10, 10));
        assertMessage("min < max", () -> CellGrid.plane(1, 10, 0, 10, 10));
        assertMessage("min < max", () -> CellGrid.plane(1, 0, Float.NaN, 10, 10));
        assertMessage("use larger cells", () -> CellGrid.plane(0.001f, 0, 0, 10_000, 10_000));
        assertMessage("use larger cells", () -> CellGrid.space(1, 0, 0, 0, 200, 200, 200));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
