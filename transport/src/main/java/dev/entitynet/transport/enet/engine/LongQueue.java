package dev.entitynet.transport.enet.engine;

import java.util.Arrays;

/**
 * A FIFO of longs on a power-of-two array that grows when full and never shrinks. fastutil's
 * LongArrayFIFOQueue halves its array whenever it drains to a quarter, so a queue that fills and
 * empties once per datagram batch (acknowledgements) reallocated its array every batch.
 */
final class LongQueue {
    private long[] items = new long[16];
    private int head;
    private int size;

    void enqueue(long value) {
        if (size == items.length) {
            grow();
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    /** Removes and returns the oldest value; the queue must not be empty. */
    long dequeueLong() {
        if (size == 0) {
            throw new IllegalStateException("the queue is empty");
        }
        long value = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return value;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        long[] grown = Arrays.copyOf(items, items.length * 2);
        // The wrapped part (before head) moves behind the old end, keeping the order.
        System.arraycopy(items, 0, grown, items.length, head);
        items = grown;
    }
}
