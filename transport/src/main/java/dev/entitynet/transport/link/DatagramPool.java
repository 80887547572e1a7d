package dev.entitynet.transport.link;

/**
 * Recycles {@link Datagram}s so a simulated network allocates only while it warms up. Not
 * thread-safe: one pool per simulation thread.
 */
public final class DatagramPool implements AutoCloseable {
    private Datagram[] free = new Datagram[64];
    private int size;
    private int created;

    /** A datagram with an empty payload, reused when one is free. */
    public Datagram acquire() {
        Datagram d;
        if (size == 0) {
            d = new Datagram();
            created++;
        } else {
            d = free[--size];
            free[size] = null;
        }
        d.data.clear();
        return d;
    }

    /** Returns {@code d} for reuse; the caller must not touch it afterwards. */
    public void release(Datagram d) {
        if (size == free.length) {
            free = java.util.Arrays.copyOf(free, size * 2);
        }
        free[size++] = d;
    }

    /** How many datagrams this pool ever created (live plus free): a bound on its memory. */
    public int created() {
        return created;
    }

    /** How many are free for reuse. */
    public int available() {
        return size;
    }

    /** Frees the off-heap memory of the pooled datagrams. Datagrams still out are not tracked. */
    @Override
    public void close() {
        for (int i = 0; i < size; i++) {
            free[i].release();
            free[i] = null;
        }
        size = 0;
    }
}
