package dev.entitynet.replication.interest;

import java.util.Arrays;

/**
 * Which peers see which cells, at two levels, both ways. A peer <em>enters</em> a cell when one of
 * its viewpoints has it within the enter range (entities there become candidates to spawn) and
 * <em>keeps</em> it while one has it within the leave range (entities it already has there stay);
 * every entered cell is kept. Per cell: a short list of (peer slot, viewpoints entering, viewpoints
 * keeping); per slot: the dense list of cells it keeps, for the packet fan-out and for a leaving
 * peer. Entries live in flat arrays with a free list, reserved when a viewpoint is added, so
 * subscribing and unsubscribing in a tick allocate nothing.
 */
final class CellSubscriptions {
    private final int[] cellHead;
    private int[] entrySlot = new int[0];
    private int[] entryEnter = new int[0];
    private int[] entryKeep = new int[0];
    private int[] entryNext = new int[0];
    /** The entry's index in its slot's cell list. */
    private int[] entryIndex = new int[0];
    private int freeHead = -1;
    private int allocated;
    private int inUse;
    private int[][] slotCells = new int[0][];
    private int[][] slotEntries = new int[0][];
    private int[] slotCellCount = new int[0];

    CellSubscriptions(int cellCount) {
        cellHead = new int[cellCount];
        Arrays.fill(cellHead, -1);
    }

    /** Makes room for {@code more} kept cells of the peer in {@code slot} beyond those in use. */
    void reserve(int slot, int more) {
        int needed = inUse + more;
        if (needed > allocated) {
            int size = Math.max(needed, allocated * 2);
            entrySlot = Arrays.copyOf(entrySlot, size);
            entryEnter = Arrays.copyOf(entryEnter, size);
            entryKeep = Arrays.copyOf(entryKeep, size);
            entryNext = Arrays.copyOf(entryNext, size);
            entryIndex = Arrays.copyOf(entryIndex, size);
            for (int e = size - 1; e >= allocated; e--) {
                entryNext[e] = freeHead;
                freeHead = e;
            }
            allocated = size;
        }
        if (slot >= slotCellCount.length) {
            int slots = Math.max(slot + 1, slotCellCount.length * 2);
            slotCells = Arrays.copyOf(slotCells, slots);
            slotEntries = Arrays.copyOf(slotEntries, slots);
            slotCellCount = Arrays.copyOf(slotCellCount, slots);
        }
        int cells = slotCellCount[slot] + more;
        if (slotCells[slot] == null || slotCells[slot].length < cells) {
            int size = Math.max(cells, slotCells[slot] == null ? 16 : slotCells[slot].length * 2);
            slotCells[slot] = slotCells[slot] == null ? new int[size] : Arrays.copyOf(slotCells[slot], size);
            slotEntries[slot] = slotEntries[slot] == null ? new int[size] : Arrays.copyOf(slotEntries[slot], size);
        }
    }

    /** One more viewpoint of the peer in {@code slot} keeps {@code cell}; true when it is the first. */
    boolean addKeep(int cell, int slot) {
        int e = find(cell, slot);
        if (e >= 0) {
            return ++entryKeep[e] == 1;
        }
        reserve(slot, 1); // a no-op when the viewpoint reserved its cells, as radius viewpoints do
        e = freeHead;
        freeHead = entryNext[e];
        inUse++;
        entrySlot[e] = slot;
        entryEnter[e] = 0;
        entryKeep[e] = 1;
        entryNext[e] = cellHead[cell];
        cellHead[cell] = e;
        int index = slotCellCount[slot]++;
        slotCells[slot][index] = cell;
        slotEntries[slot][index] = e;
        entryIndex[e] = index;
        return true;
    }

    /** One viewpoint of the peer in {@code slot} stopped keeping {@code cell} (after it stopped entering it); true when it was the last. */
    boolean removeKeep(int cell, int slot) {
        int before = -1;
        int e = cellHead[cell];
        while (e >= 0 && entrySlot[e] != slot) {
            before = e;
            e = entryNext[e];
        }
        if (e < 0 || --entryKeep[e] > 0) {
            return false;
        }
        if (before < 0) {
            cellHead[cell] = entryNext[e];
        } else {
            entryNext[before] = entryNext[e];
        }
        int index = entryIndex[e];
        int last = --slotCellCount[slot];
        slotCells[slot][index] = slotCells[slot][last];
        slotEntries[slot][index] = slotEntries[slot][last];
        entryIndex[slotEntries[slot][index]] = index;
        entryNext[e] = freeHead;
        freeHead = e;
        inUse--;
        return true;
    }

    /** One more viewpoint of the peer in {@code slot} enters {@code cell}, which it keeps; true when it is the first. */
    boolean addEnter(int cell, int slot) {
        return ++entryEnter[find(cell, slot)] == 1;
    }

    /** One viewpoint of the peer in {@code slot} stopped entering {@code cell}; true when it was the last. */
    boolean removeEnter(int cell, int slot) {
        return --entryEnter[find(cell, slot)] == 0;
    }

    /** Whether the peer in {@code slot} keeps {@code cell} (entered or not). */
    boolean keeps(int cell, int slot) {
        return find(cell, slot) >= 0;
    }

    /** Whether the peer in {@code slot} enters {@code cell}. */
    boolean enters(int cell, int slot) {
        int e = find(cell, slot);
        return e >= 0 && entryEnter[e] > 0;
    }

    /**
     * Whether the peer in {@code slot} may have an entity in {@code cell}: it enters the cell, or
     * it keeps the cell and {@code has} the entity already.
     */
    boolean admits(int cell, int slot, boolean has) {
        int e = find(cell, slot);
        return e >= 0 && (has || entryEnter[e] > 0);
    }

    /** The first subscription of {@code cell}, or -1; walk on with {@link #next}. */
    int first(int cell) {
        return cellHead[cell];
    }

    /** The subscription after {@code entry} in its cell, or -1. */
    int next(int entry) {
        return entryNext[entry];
    }

    /** The peer slot of a subscription. */
    int slotOf(int entry) {
        return entrySlot[entry];
    }

    /** Whether a subscription enters its cell (else it only keeps it). */
    boolean entering(int entry) {
        return entryEnter[entry] > 0;
    }

    /** Number of cells the peer in {@code slot} keeps. */
    int cellCount(int slot) {
        return slot < slotCellCount.length ? slotCellCount[slot] : 0;
    }

    /** The {@code i}-th cell the peer in {@code slot} keeps (in no particular order). */
    int cellAt(int slot, int i) {
        return slotCells[slot][i];
    }

    /** Forgets every subscription, keeping the memory. */
    void clear() {
        Arrays.fill(cellHead, -1);
        Arrays.fill(slotCellCount, 0);
        freeHead = -1;
        for (int e = allocated - 1; e >= 0; e--) {
            entryNext[e] = freeHead;
            freeHead = e;
        }
        inUse = 0;
    }

    private int find(int cell, int slot) {
        int e = cellHead[cell];
        while (e >= 0 && entrySlot[e] != slot) {
            e = entryNext[e];
        }
        return e;
    }
}
