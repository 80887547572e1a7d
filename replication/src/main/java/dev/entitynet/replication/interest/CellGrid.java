package dev.entitynet.replication.interest;

/**
 * The cells interest management divides the world into: a box of equal square (2D) or cube (3D)
 * cells of side {@link #cellSize}, numbered {@code column + columns * (row + rows * layer)}.
 * Immutable. A position outside the box belongs to the nearest cell on its edge (see
 * {@link #cellOf}): nothing is ever outside the grid, and {@code InterestManagement} counts such
 * placements in {@code ReplicationStats.Counter.OUT_OF_BOUNDS}, so a box too small shows.
 */
public final class CellGrid {
    /** Most cells a grid may have (per-cell state is a few ints, kept for every cell). */
    public static final int MAX_CELLS = 1 << 20;

    private final int dimensions;
    private final float cellSize;
    private final float minX;
    private final float minY;
    private final float minZ;
    private final int columns;
    private final int rows;
    private final int layers;

    private CellGrid(int dimensions, float cellSize, float minX, float minY, float minZ, int columns, int rows, int layers) {
        this.dimensions = dimensions;
        this.cellSize = cellSize;
        this.minX = minX;
        this.minY = minY;
        this.minZ = minZ;
        this.columns = columns;
        this.rows = rows;
        this.layers = layers;
    }

    /**
     * A 2D grid over {@code [minX, maxX) x [minY, maxY)}; z is ignored.
     *
     * @throws IllegalArgumentException when the cell size is not positive and finite, a bound is not
     *     finite or not below its maximum, or the box needs more than {@link #MAX_CELLS} cells
     */
    public static CellGrid plane(float cellSize, float minX, float minY, float maxX, float maxY) {
        checkCellSize(cellSize);
        int columns = cells("x", minX, maxX, cellSize);
        int rows = cells("y", minY, maxY, cellSize);
        checkCount((long) columns * rows, cellSize);
        return new CellGrid(2, cellSize, minX, minY, 0, columns, rows, 1);
    }

    /**
     * A 3D grid over {@code [minX, maxX) x [minY, maxY) x [minZ, maxZ)}.
     *
     * @throws IllegalArgumentException as {@link #plane}
     */
    public static CellGrid space(float cellSize, float minX, float minY, float minZ, float maxX, float maxY, float maxZ) {
        checkCellSize(cellSize);
        int columns = cells("x", minX, maxX, cellSize);
        int rows = cells("y", minY, maxY, cellSize);
        int layers = cells("z", minZ, maxZ, cellSize);
        checkCount((long) columns * rows * layers, cellSize);
        return new CellGrid(3, cellSize, minX, minY, minZ, columns, rows, layers);
    }

    private static void checkCellSize(float cellSize) {
        if (!(cellSize > 0) || !Float.isFinite(cellSize)) {
            throw new IllegalArgumentException("the cell size must be a positive finite number of world units, got " + cellSize);
        }
    }

    private static int cells(String axis, float min, float max, float cellSize) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("the grid's " + axis + " bounds must be finite with min < max, got [" + min + ", " + max + ")");
        }
        double count = Math.ceil(((double) max - min) / cellSize);
        if (count > MAX_CELLS) {
            throw new IllegalArgumentException("the grid's " + axis + " extent " + ((double) max - min) + " needs " + (long) count
                    + " cells of size " + cellSize + ", more than the " + MAX_CELLS + " a grid may have; use larger cells or a smaller world box");
        }
        return (int) count;
    }

    private static void checkCount(long count, float cellSize) {
        if (count > MAX_CELLS) {
            throw new IllegalArgumentException("the grid needs " + count + " cells of size " + cellSize + ", more than the " + MAX_CELLS
                    + " a grid may have; use larger cells or a smaller world box");
        }
    }

    /** 2 or 3. */
    public int dimensions() {
        return dimensions;
    }

    /** Side of a cell, in world units. */
    public float cellSize() {
        return cellSize;
    }

    /** Cells along x. */
    public int columns() {
        return columns;
    }

    /** Cells along y. */
    public int rows() {
        return rows;
    }

    /** Cells along z (1 in 2D). */
    public int layers() {
        return layers;
    }

    /** Number of cells. */
    public int cellCount() {
        return columns * rows * layers;
    }

    /** Whether the position lies inside the grid's box (z is ignored in 2D; NaN is outside). */
    public boolean contains(float x, float y, float z) {
        return inside(x, minX, columns) && inside(y, minY, rows) && (dimensions == 2 || inside(z, minZ, layers));
    }

    private boolean inside(float v, float min, int count) {
        return v >= min && v < min + count * cellSize;
    }

    /** The cell of a position; outside the box, the nearest edge cell (NaN counts as below the minimum). */
    public int cellOf(float x, float y, float z) {
        int column = index(x, minX, columns);
        int row = index(y, minY, rows);
        int layer = dimensions == 2 ? 0 : index(z, minZ, layers);
        return column + columns * (row + rows * layer);
    }

    private int index(float v, float min, int count) {
        float f = (v - min) / cellSize;
        if (!(f >= 0)) {
            return 0;
        }
        return f >= count ? count - 1 : (int) f;
    }

    /** The cell at integer coordinates, or -1 when they are outside the grid. */
    public int cell(int column, int row, int layer) {
        if (column < 0 || column >= columns || row < 0 || row >= rows || layer < 0 || layer >= layers) {
            return -1;
        }
        return column + columns * (row + rows * layer);
    }

    /** The column (x index) of {@code cell}. */
    public int column(int cell) {
        return cell % columns;
    }

    /** The row (y index) of {@code cell}. */
    public int row(int cell) {
        return cell / columns % rows;
    }

    /** The layer (z index) of {@code cell}; 0 in 2D. */
    public int layer(int cell) {
        return cell / (columns * rows);
    }

    @Override
    public String toString() {
        return "CellGrid{" + dimensions + "D, cell " + cellSize + ", " + columns + " x " + rows + (dimensions == 3 ? " x " + layers : "") + "}";
    }
}
