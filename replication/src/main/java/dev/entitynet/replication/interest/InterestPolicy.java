package dev.entitynet.replication.interest;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * A viewpoint's own rule for which cells it sees (rooms, portals, teams, a line of sight): asked
 * when the viewpoint's anchor enters another cell and when the game calls
 * {@code InterestManagement.refresh}. The engine compares the answer with the previous one and
 * spawns and despawns the difference, so an answer costs O(cells answered + cells before); between
 * answers a policy costs nothing.
 */
@FunctionalInterface
public interface InterestPolicy {
    /**
     * Adds the cells the viewpoint enters (entities there become visible) to {@code enter} and the
     * cells it only keeps (entities already visible there stay visible) to {@code keep}; both are
     * empty when called, any order, duplicates ignored, and entered cells count as kept. Leaving
     * {@code keep} empty gives no hysteresis: an entity leaving the entered cells despawns at once.
     * Cells must be from {@code 0} to {@code grid.cellCount() - 1}.
     *
     * @param anchorCell the cell of the viewpoint's anchor
     */
    void cells(CellGrid grid, int anchorCell, IntArrayList enter, IntArrayList keep);
}
