package dev.entitynet.replication.spawn;

import java.util.Arrays;

/**
 * Which peers have which tracked spawn: one row of bits per spawn, one bit per peer slot, all in
 * one flat array, plus the number of receivers per row and, per peer, the spawns it has and the
 * spawns and despawns it was sent. Rows
 * are reused after a spawn ends, so the table grows only when more spawns are live at once than
 * ever before, or more peers are connected.
 */
final class ReceiverTable {
    private long[] bits = new long[0];
    private int[] receivers = new int[0];
    private int[] held = new int[64];
    private long[] gained = new long[64];
    private long[] lost = new long[64];
    private int[] freeRows = new int[0];
    private int freeCount;
    private int rows;
    private int words = 1;

    /** A cleared row for a new spawn. */
    int allocate() {
        if (freeCount > 0) {
            return freeRows[--freeCount];
        }
        if (rows == receivers.length) {
            int capacity = Math.max(64, rows * 2);
            bits = Arrays.copyOf(bits, capacity * words);
            receivers = Arrays.copyOf(receivers, capacity);
            freeRows = Arrays.copyOf(freeRows, capacity);
        }
        return rows++;
    }

    /** Returns {@code row} for reuse; the caller removed its receivers first. */
    void free(int row) {
        freeRows[freeCount++] = row;
    }

    /** Makes room for peer slots below {@code slotBound}. */
    void ensureSlots(int slotBound) {
        int needed = Math.max(1, (slotBound + 63) >>> 6);
        if (slotBound > held.length) {
            int size = Math.max(slotBound, held.length * 2);
            held = Arrays.copyOf(held, size);
            gained = Arrays.copyOf(gained, size);
            lost = Arrays.copyOf(lost, size);
        }
        if (needed <= words) {
            return;
        }
        long[] wider = new long[receivers.length * needed];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bits, r * words, wider, r * needed, words);
        }
        bits = wider;
        words = needed;
    }

    boolean has(int row, int slot) {
        return (bits[row * words + (slot >>> 6)] & 1L << slot) != 0;
    }

    /** Marks {@code slot} as having {@code row}'s spawn. */
    void add(int row, int slot) {
        bits[row * words + (slot >>> 6)] |= 1L << slot;
        receivers[row]++;
        held[slot]++;
        gained[slot]++;
    }

    /** Marks {@code slot} as no longer having {@code row}'s spawn. */
    void remove(int row, int slot) {
        bits[row * words + (slot >>> 6)] &= ~(1L << slot);
        receivers[row]--;
        held[slot]--;
        lost[slot]++;
    }

    /** Peers that have {@code row}'s spawn. */
    int receivers(int row) {
        return receivers[row];
    }

    /** Spawns the peer in {@code slot} has. */
    int held(int slot) {
        return slot < held.length ? held[slot] : 0;
    }

    /** Spawns sent to the peer in {@code slot} since it got the slot. */
    long gained(int slot) {
        return slot < gained.length ? gained[slot] : 0;
    }

    /** Despawns sent to the peer in {@code slot} since it got the slot. */
    long lost(int slot) {
        return slot < lost.length ? lost[slot] : 0;
    }

    /**
     * The next slot at or after {@code from} that has {@code row}'s spawn, or -1: walks the row's
     * words, so listing a spawn's receivers costs its words, not every peer.
     */
    int nextReceiver(int row, int from) {
        int base = row * words;
        for (int w = from >>> 6; w < words; w++) {
            long word = bits[base + w] & (w == from >>> 6 ? -1L << from : -1L);
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return -1;
    }

    /** Forgets everything the peer in {@code slot} had (it left). */
    void clearSlot(int slot) {
        int word = slot >>> 6;
        long mask = 1L << slot;
        for (int r = 0; r < rows; r++) {
            int i = r * words + word;
            if ((bits[i] & mask) != 0) {
                bits[i] &= ~mask;
                receivers[r]--;
            }
        }
        if (slot < held.length) {
            held[slot] = 0;
            gained[slot] = 0;
            lost[slot] = 0;
        }
    }

    /** Empties the table, keeping its memory. */
    void clear() {
        Arrays.fill(bits, 0L);
        Arrays.fill(receivers, 0);
        Arrays.fill(held, 0);
        Arrays.fill(gained, 0L);
        Arrays.fill(lost, 0L);
        freeCount = 0;
        rows = 0;
    }
}
