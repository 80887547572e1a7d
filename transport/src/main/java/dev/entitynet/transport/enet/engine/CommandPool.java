package dev.entitynet.transport.enet.engine;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Free lists for outgoing and incoming commands, with counts of what is out so tests can prove
 * nothing leaks. Not thread-safe.
 */
final class CommandPool {
    /** Free commands kept for reuse; more than this are left to the garbage collector. */
    private static final int MAX_FREE = 8192;

    private OutgoingCommand[] freeOutgoing = new OutgoingCommand[64];
    private int freeOutgoingCount;
    private int outgoingInUse;
    private IncomingCommand[] freeIncoming = new IncomingCommand[64];
    private int freeIncomingCount;
    private int incomingInUse;

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
        return c;
    }

    void release(IncomingCommand c) {
        incomingInUse--;
        if (c.data.realCapacity() > IncomingCommand.POOLED_CAPACITY || freeIncomingCount >= MAX_FREE) {
            // a reassembly buffer of a large packet: give its memory back rather than keep it pooled
            c.data.releaseLast();
            if (freeIncomingCount >= MAX_FREE) {
                return;
            }
            c.data = Bytes.allocateElasticDirect(256);
        }
        if (freeIncomingCount == freeIncoming.length) {
            freeIncoming = java.util.Arrays.copyOf(freeIncoming, freeIncomingCount * 2);
        }
        freeIncoming[freeIncomingCount++] = c;
    }

    int outgoingInUse() {
        return outgoingInUse;
    }

    int incomingInUse() {
        return incomingInUse;
    }

    /** Frees the off-heap memory of pooled incoming commands. */
    void close() {
        for (int i = 0; i < freeIncomingCount; i++) {
            freeIncoming[i].data.releaseLast();
            freeIncoming[i] = null;
        }
        freeIncomingCount = 0;
        freeOutgoingCount = 0;
    }
}
