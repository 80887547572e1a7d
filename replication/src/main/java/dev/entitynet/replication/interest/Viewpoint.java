package dev.entitynet.replication.interest;

/**
 * A place a peer sees the world from: an anchor entity (usually the peer's player) and either a
 * radius with hysteresis or an {@link InterestPolicy}. A peer sees the union of its viewpoints.
 * Made by {@link InterestManagement#addViewpoint}; it ends with {@link InterestManagement#removeViewpoint}
 * or when its peer leaves.
 */
public final class Viewpoint {
    final int peerId;
    final int slot;
    final int anchor;
    final ViewShape shape;
    /** The anchor's cell when the viewpoint was last updated; -1 before its first update. */
    int anchorCell = -1;
    boolean refreshRequested;
    boolean removed;

    Viewpoint(int peerId, int slot, int anchor, ViewShape shape) {
        this.peerId = peerId;
        this.slot = slot;
        this.anchor = anchor;
        this.shape = shape;
    }

    /** The peer that sees from here. */
    public int peerId() {
        return peerId;
    }

    /** The entity the viewpoint moves with. */
    public int anchor() {
        return anchor;
    }

    /** Cells it keeps now, entered ones included (0 until the end of the tick it was added in). */
    public int cellsSeen() {
        return shape.size();
    }

    /** Whether it was removed (by the game, or because its peer left). */
    public boolean isRemoved() {
        return removed;
    }

    @Override
    public String toString() {
        return "Viewpoint{peer " + peerId + ", anchor " + anchor + ", " + shape.size() + " cells}";
    }
}
