package dev.entitynet.replication.interest;

/**
 * The cells within a radius of a cell: those whose box comes within {@code radius} of the centre
 * cell's box (per axis the gap between the boxes is {@code max(0, |offset| - 1) * cellSize}). So a
 * zone is measured from the whole anchor cell, not from the anchor's exact position: it changes
 * only when the anchor enters another cell, and it covers every point within the radius of the
 * anchor wherever the anchor is in its cell.
 *
 * <p>Each row of a zone (fixed y and z) is one interval of columns, whose half width depends only
 * on the row's offset, precomputed. {@link #difference} lists the cells of one zone that another
 * lacks row by row, as at most two intervals per row: O(rows + cells listed), which for a move to
 * a neighbouring cell is the edge of the zone, not its area.
 */
final class RadiusZone {
    /** Most cells a viewpoint's zone may span (its bounding box). */
    static final int MAX_VIEW_CELLS = 1 << 16;

    private final CellGrid grid;
    private final int reach;
    private final int reachZ;
    /** Half width in columns of the row at offset (|dy|, |dz|), at {@code |dy| + (reach + 1) * |dz|}; -1 = empty row. */
    private final int[] halfWidth;

    RadiusZone(CellGrid grid, float radius) {
        this.grid = grid;
        double s = grid.cellSize();
        // offsets beyond the grid's extent never occur, so a huge radius costs no more than the grid
        int extent = Math.max(grid.columns(), Math.max(grid.rows(), grid.layers()));
        this.reach = (int) Math.min((long) Math.floor(radius / s) + 1, extent);
        this.reachZ = grid.dimensions() == 2 ? 0 : reach;
        long cells = maxCells(grid, reach);
        if (cells > MAX_VIEW_CELLS) {
            throw new IllegalArgumentException("a view radius of " + radius + " spans up to " + cells + " cells of size " + s
                    + ", more than the " + MAX_VIEW_CELLS + " a viewpoint may see; use a larger cell size or a smaller radius");
        }
        this.halfWidth = new int[(reach + 1) * (reachZ + 1)];
        double r2 = (double) radius * radius;
        for (int dz = 0; dz <= reachZ; dz++) {
            for (int dy = 0; dy <= reach; dy++) {
                double gy = Math.max(0, dy - 1) * s;
                double gz = Math.max(0, dz - 1) * s;
                double rest = r2 - gy * gy - gz * gz;
                halfWidth[dy + (reach + 1) * dz] = rest < 0 ? -1 : (int) Math.min(Math.floor(Math.sqrt(rest) / s) + 1, extent);
            }
        }
    }

    /** Cells in the zone's bounding box within the grid: an upper bound of the cells it holds. */
    int maxCells() {
        return (int) maxCells(grid, reach);
    }

    private static long maxCells(CellGrid grid, int reach) {
        long span = 2L * reach + 1;
        long cells = Math.min(span, grid.columns()) * Math.min(span, grid.rows());
        return grid.dimensions() == 2 ? cells : cells * Math.min(span, grid.layers());
    }

    /** Whether {@code cell} is in the zone around {@code centre}. */
    boolean contains(int centre, int cell) {
        int dy = Math.abs(grid.row(cell) - grid.row(centre));
        int dz = Math.abs(grid.layer(cell) - grid.layer(centre));
        if (dy > reach || dz > reachZ) {
            return false;
        }
        int w = halfWidth[dy + (reach + 1) * dz];
        return w >= 0 && Math.abs(grid.column(cell) - grid.column(centre)) <= w;
    }

    /** Visits every cell of the zone around {@code a} that the zone around {@code b} lacks ({@code b < 0}: the whole zone). */
    void difference(int a, int b, CellVisitor visitor) {
        int columns = grid.columns();
        int rows = grid.rows();
        int ax = grid.column(a);
        int ay = grid.row(a);
        int az = grid.layer(a);
        int bx = b < 0 ? 0 : grid.column(b);
        int by = b < 0 ? 0 : grid.row(b);
        int bz = b < 0 ? 0 : grid.layer(b);
        for (int z = Math.max(0, az - reachZ), zEnd = Math.min(grid.layers() - 1, az + reachZ); z <= zEnd; z++) {
            for (int y = Math.max(0, ay - reach), yEnd = Math.min(rows - 1, ay + reach); y <= yEnd; y++) {
                int w = halfWidth[Math.abs(y - ay) + (reach + 1) * Math.abs(z - az)];
                if (w < 0) {
                    continue;
                }
                int from = Math.max(0, ax - w);
                int to = Math.min(columns - 1, ax + w);
                int base = columns * (y + rows * z);
                int wb = b < 0 || Math.abs(y - by) > reach || Math.abs(z - bz) > reachZ ? -1
                        : halfWidth[Math.abs(y - by) + (reach + 1) * Math.abs(z - bz)];
                if (wb < 0) {
                    visit(base, from, to, visitor);
                } else {
                    visit(base, from, Math.min(to, bx - wb - 1), visitor);
                    visit(base, Math.max(from, bx + wb + 1), to, visitor);
                }
            }
        }
    }

    private static void visit(int base, int from, int to, CellVisitor visitor) {
        for (int x = from; x <= to; x++) {
            visitor.visit(base + x);
        }
    }
}
