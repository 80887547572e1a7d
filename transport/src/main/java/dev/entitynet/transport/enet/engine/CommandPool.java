package dev.entitynet.transport.enet.engine;

/**
 * Free lists for outgoing and incoming commands, with counts of what is out so tests can prove
 * nothing leaks, and of the direct memory the free incoming ones keep. Not thread-safe.
 */
final class CommandPool {
    /** Free outgoing commands kept for reuse; more than this are left to the garbage collector. */
    private static final int MAX_FREE = 8192;
    /** Direct memory kept in free incoming commands for reuse. */
    static final long INCOMING_RESERVE_BYTES = 4L * 1024 * 1024;

    private OutgoingCommand[] freeOutgoing = new OutgoingCommand[64];
    private int freeOutgoingCount;
    private int outgoingInUse;
    private IncomingCommand[] freeIncoming = new IncomingCommand[64];
    private int freeIncomingCount;
    private int incomingInUse;
    private long pooledBytes;

    OutgoingCommand acquireOutgoing() {
        outgoingInUse++;
        if (freeOutgoingCount == 0) {
            return new OutgoingCommand();
        }
        OutgoingCommand c = freeOutgoing[--freeOutgoingCount];
        freeOutgoing[freeOutgoingCount] = null;
        return c;
    }

    void release(OutgoingCommand c) {
        outgoingInUse--;
        if (freeOutgoingCount < MAX_FREE) {
            if (freeOutgoingCount == freeOutgoing.length) {
                freeOutgoing = java.util.Arrays.copyOf(freeOutgoing, freeOutgoingCount * 2);
            }
            freeOutgoing[freeOutgoingCount++] = c;
        }
    }

    IncomingCommand acquireIncoming() {
        incomingInUse++;
        if (freeIncomingCount == 0) {
            return new IncomingCommand();
        }
        IncomingCommand c = freeIncoming[--freeIncomingCount];
        freeIncoming[freeIncomingCount] = null;
        pooledBytes -= c.data.realCapacity();
        return c;
    }

    /**
     * Takes a command back. Its buffer is kept only while the pool's direct memory stays within
     * {@link #INCOMING_RESERVE_BYTES} and the buffer is not a large packet's; otherwise the memory
     * is freed now, so what a burst (or an attack) made the host allocate comes back when it ends.
     */
    void release(IncomingCommand c) {
        incomingInUse--;
        long bytes = c.data.realCapacity();
        if (bytes > IncomingCommand.POOLED_CAPACITY || pooledBytes + bytes > INCOMING_RESERVE_BYTES) {
            c.data.releaseLast();
            return;
        }
        if (freeIncomingCount == freeIncoming.length) {
            freeIncoming = java.util.Arrays.copyOf(freeIncoming, freeIncomingCount * 2);
        }
        freeIncoming[freeIncomingCount++] = c;
        pooledBytes += bytes;
    }

    int outgoingInUse() {
        return outgoingInUse;
    }

    int incomingInUse() {
        return incomingInUse;
    }

    /** Direct memory held by free incoming commands. */
    long pooledBytes() {
        return pooledBytes;
    }

    /** Frees the off-heap memory of pooled incoming commands. */
    void close() {
        for (int i = 0; i < freeIncomingCount; i++) {
            freeIncoming[i].data.releaseLast();
            freeIncoming[i] = null;
        }
        freeIncomingCount = 0;
        pooledBytes = 0;
        freeOutgoingCount = 0;
    }
}
