package dev.entitynet.transport.enet.engine;

/**
 * When each slot next needs the sender (a retransmission timer or a ping): a binary min-heap of
 * slots keyed by their due time, indexed by slot so a slot's time moves in O(log n). Service
 * passes take only the slots whose time has come, so idle peers cost nothing per pass.
 */
final class TimerHeap {
    private final int[] heap;
    private final long[] dueAt;
    /** Each slot's index in {@link #heap}, or -1 when it has no timer. */
    private final int[] position;
    private int size;

    TimerHeap(int capacity) {
        heap = new int[capacity];
        dueAt = new long[capacity];
        position = new int[capacity];
        java.util.Arrays.fill(position, -1);
    }

    /** Sets (or moves) {@code slot}'s timer to {@code due}. */
    void schedule(int slot, long due) {
        int at = position[slot];
        if (at < 0) {
            at = size++;
            place(at, slot);
            dueAt[slot] = due;
            siftUp(at);
        } else if (due < dueAt[slot]) {
            dueAt[slot] = due;
            siftUp(at);
        } else {
            dueAt[slot] = due;
            siftDown(at);
        }
    }

    /** Removes {@code slot}'s timer, if it has one. */
    void cancel(int slot) {
        int at = position[slot];
        if (at < 0) {
            return;
        }
        position[slot] = -1;
        int last = heap[--size];
        if (at == size) {
            return;
        }
        place(at, last);
        siftDown(at);
        siftUp(position[last]);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest due time; only when not empty. */
    long firstDue() {
        return dueAt[heap[0]];
    }

    /** Removes and returns the slot with the earliest due time; only when not empty. */
    int pollFirst() {
        int slot = heap[0];
        cancel(slot);
        return slot;
    }

    private void siftUp(int at) {
        int slot = heap[at];
        long due = dueAt[slot];
        while (at > 0 && dueAt[heap[(at - 1) >>> 1]] > due) {
            int parent = (at - 1) >>> 1;
            place(at, heap[parent]);
            at = parent;
        }
        place(at, slot);
    }

    private void siftDown(int at) {
        int slot = heap[at];
        long due = dueAt[slot];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            if (child + 1 < size && dueAt[heap[child + 1]] < dueAt[heap[child]]) {
                child++;
            }
            if (due <= dueAt[heap[child]]) {
                break;
            }
            place(at, heap[child]);
            at = child;
        }
        place(at, slot);
    }

    private void place(int at, int slot) {
        heap[at] = slot;
        position[slot] = at;
    }
}
