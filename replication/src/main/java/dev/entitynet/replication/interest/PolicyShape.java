package dev.entitynet.replication.interest;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * A viewpoint whose cells an {@link InterestPolicy} answers: each answer (enter cells, keep cells,
 * the enter cells added to the keep cells) is sorted and compared with the previous one, and the
 * differences are reported. O(cells answered + cells before) per answer.
 */
final class PolicyShape implements ViewShape {
    private final CellGrid grid;
    private final InterestPolicy policy;
    private IntArrayList enter = new IntArrayList();
    private IntArrayList keep = new IntArrayList();
    private IntArrayList nextEnter = new IntArrayList();
    private IntArrayList nextKeep = new IntArrayList();

    PolicyShape(CellGrid grid, InterestPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("the interest policy must not be null");
        }
        this.grid = grid;
        this.policy = policy;
    }

    @Override
    public void moved(int from, int to, Changes changes) {
        ask(to, changes);
    }

    @Override
    public void refresh(int cell, Changes changes) {
        ask(cell, changes);
    }

    private void ask(int cell, Changes changes) {
        nextEnter.clear();
        nextKeep.clear();
        policy.cells(grid, cell, nextEnter, nextKeep);
        nextKeep.addAll(nextEnter);
        sortUnique(nextEnter);
        sortUnique(nextKeep);
        compare(keep, nextKeep, changes, true, false);
        compare(enter, nextEnter, changes, true, true);
        compare(enter, nextEnter, changes, false, true);
        compare(keep, nextKeep, changes, false, false);
        IntArrayList swap = enter;
        enter = nextEnter;
        nextEnter = swap;
        swap = keep;
        keep = nextKeep;
        nextKeep = swap;
    }

    private void sortUnique(IntArrayList cells) {
        int n = cells.size();
        int[] a = cells.elements();
        IntArrays.quickSort(a, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] < 0 || a[i] >= grid.cellCount()) {
                cells.clear();
                throw new IllegalStateException("interest policy " + policy + " answered cell " + a[i] + ", outside the grid's 0 to "
                        + (grid.cellCount() - 1) + "; answer cells of the CellGrid it is given");
            }
            if (unique == 0 || a[unique - 1] != a[i]) {
                a[unique++] = a[i];
            }
        }
        cells.size(unique);
    }

    /** Reports the gains ({@code gains}) or the losses between two ascending cell lists, as enters or keeps. */
    private static void compare(IntArrayList before, IntArrayList after, Changes changes, boolean gains, boolean enters) {
        int[] b = before.elements();
        int[] a = after.elements();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (j == after.size() || i < before.size() && b[i] < a[j]) {
                int cell = b[i++];
                if (!gains) {
                    if (enters) {
                        changes.enterLost(cell);
                    } else {
                        changes.keepLost(cell);
                    }
                }
            } else if (i == before.size() || a[j] < b[i]) {
                int cell = a[j++];
                if (gains) {
                    if (enters) {
                        changes.enterGained(cell);
                    } else {
                        changes.keepGained(cell);
                    }
                }
            } else {
                i++;
                j++;
            }
        }
    }

    @Override
    public void clear(int cell, Changes changes) {
        for (int i = 0; i < enter.size(); i++) {
            changes.enterLost(enter.getInt(i));
        }
        for (int i = 0; i < keep.size(); i++) {
            changes.keepLost(keep.getInt(i));
        }
        enter.clear();
        keep.clear();
    }

    @Override
    public int size() {
        return keep.size();
    }

    @Override
    public int maxCells() {
        return Math.max(keep.size(), 64);
    }
}
