package dev.entitynet.replication.interest;

import java.util.Arrays;

/**
 * Which placed entity is in which cell: an intrusive doubly linked list per cell over arrays
 * indexed by entity id, so moving an entity to another cell is O(1) and allocates nothing, plus a
 * dense list of the placed entities for the per-tick sweep.
 */
final class CellMembers {
    private final int[] head;
    private int[] cellOf = new int[0];
    private int[] next = new int[0];
    private int[] previous = new int[0];
    private int[] placed = new int[64];
    private int[] placedIndex = new int[0];
    private int placedCount;

    CellMembers(int cellCount) {
        head = new int[cellCount];
        Arrays.fill(head, -1);
    }

    /** The cell of {@code entity}, or -1 when it is not placed. */
    int cellOf(int entity) {
        return entity >= 0 && entity < cellOf.length ? cellOf[entity] : -1;
    }

    /** The first entity in {@code cell}, or -1. */
    int first(int cell) {
        return head[cell];
    }

    /** The entity after {@code entity} in its cell, or -1. */
    int next(int entity) {
        return next[entity];
    }

    /** Number of placed entities. */
    int placedCount() {
        return placedCount;
    }

    /** The {@code i}-th placed entity (in no particular order). */
    int placedAt(int i) {
        return placed[i];
    }

    /** Places {@code entity}, which is not placed, in {@code cell}. */
    void insert(int entity, int cell) {
        ensureEntity(entity);
        if (placedCount == placed.length) {
            placed = Arrays.copyOf(placed, placedCount * 2);
        }
        placedIndex[entity] = placedCount;
        placed[placedCount++] = entity;
        link(entity, cell);
    }

    /** Moves a placed entity to {@code cell}. */
    void move(int entity, int cell) {
        unlink(entity);
        link(entity, cell);
    }

    /** Removes {@code entity} if it is placed. */
    void remove(int entity) {
        if (cellOf(entity) < 0) {
            return;
        }
        unlink(entity);
        cellOf[entity] = -1;
        int index = placedIndex[entity];
        int last = placed[--placedCount];
        placed[index] = last;
        placedIndex[last] = index;
    }

    /** Removes every entity. */
    void clear() {
        Arrays.fill(head, -1);
        Arrays.fill(cellOf, -1);
        placedCount = 0;
    }

    private void link(int entity, int cell) {
        int first = head[cell];
        next[entity] = first;
        previous[entity] = -1;
        if (first >= 0) {
            previous[first] = entity;
        }
        head[cell] = entity;
        cellOf[entity] = cell;
    }

    private void unlink(int entity) {
        int before = previous[entity];
        int after = next[entity];
        if (before >= 0) {
            next[before] = after;
        } else {
            head[cellOf[entity]] = after;
        }
        if (after >= 0) {
            previous[after] = before;
        }
    }

    private void ensureEntity(int entity) {
        if (entity < cellOf.length) {
            return;
        }
        int size = Math.max(entity + 1, Math.max(64, cellOf.length * 2));
        int old = cellOf.length;
        cellOf = Arrays.copyOf(cellOf, size);
        Arrays.fill(cellOf, old, size, -1);
        next = Arrays.copyOf(next, size);
        previous = Arrays.copyOf(previous, size);
        placedIndex = Arrays.copyOf(placedIndex, size);
    }
}
