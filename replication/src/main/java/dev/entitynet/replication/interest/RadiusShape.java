package dev.entitynet.replication.interest;

/**
 * A viewpoint that enters the cells within {@code enterRadius} of its anchor's cell and keeps
 * those within {@code leaveRadius}: an entity becomes visible when it is in an entered cell and
 * stays visible while it is in a kept one. So an entity hovering on the enter edge, or an anchor
 * going back and forth across a cell edge, spawns and despawns nothing after the first crossing,
 * once the radii differ by a cell diagonal (cell size x sqrt(2) in 2D, x sqrt(3) in 3D; one cell
 * size suffices for crossings along one axis). Both sets are functions of the anchor's cell, so a
 * move changes them by the zones' differences only and nothing is stored per cell.
 */
final class RadiusShape implements ViewShape {
    private final RadiusZone enter;
    private final RadiusZone leave;
    private final CellVisitor keepGained;
    private final CellVisitor enterGained;
    private final CellVisitor enterLost;
    private final CellVisitor keepLost;
    private Changes changes;
    private int kept;

    RadiusShape(CellGrid grid, float enterRadius, float leaveRadius) {
        if (!(enterRadius > 0) || !Float.isFinite(enterRadius)) {
            throw new IllegalArgumentException("the enter radius must be a positive finite distance, got " + enterRadius);
        }
        if (!(leaveRadius >= enterRadius) || !Float.isFinite(leaveRadius)) {
            throw new IllegalArgumentException("the leave radius must be finite and at least the enter radius (" + enterRadius
                    + "), got " + leaveRadius + "; make it larger by a cell diagonal or more to stop entities flickering at the edge");
        }
        this.enter = new RadiusZone(grid, enterRadius);
        this.leave = new RadiusZone(grid, leaveRadius);
        this.keepGained = cell -> {
            kept++;
            changes.keepGained(cell);
        };
        this.enterGained = cell -> changes.enterGained(cell);
        this.enterLost = cell -> changes.enterLost(cell);
        this.keepLost = cell -> {
            kept--;
            changes.keepLost(cell);
        };
    }

    @Override
    public void moved(int from, int to, Changes sink) {
        changes = sink;
        leave.difference(to, from, keepGained);
        enter.difference(to, from, enterGained);
        if (from >= 0) {
            enter.difference(from, to, enterLost);
            leave.difference(from, to, keepLost);
        }
    }

    @Override
    public void refresh(int cell, Changes sink) {
        // nothing but the anchor's cell decides a radius zone
    }

    @Override
    public void clear(int cell, Changes sink) {
        if (cell >= 0) {
            changes = sink;
            enter.difference(cell, -1, enterLost);
            leave.difference(cell, -1, keepLost);
        }
    }

    @Override
    public int size() {
        return kept;
    }

    @Override
    public int maxCells() {
        return leave.maxCells();
    }
}
