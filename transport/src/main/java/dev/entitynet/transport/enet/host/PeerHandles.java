package dev.entitynet.transport.enet.host;

/**
 * Peer handles: an engine slot (low 12 bits) plus a generation that changes each time the slot
 * starts a new connection, so a command or event meant for a connection that has ended is never
 * applied to the next connection that reuses the slot. Handles are non-negative.
 */
public final class PeerHandles {
    /** Slots are ENet peer ids, below 4096. */
    public static final int SLOTS = 4096;
    private static final int GENERATION_MASK = 0x7FFFF;

    private PeerHandles() {
    }

    /** The slot of {@code handle}. */
    public static int slot(int handle) {
        return handle & (SLOTS - 1);
    }

    static int handle(int slot, int generation) {
        return (generation & GENERATION_MASK) << 12 | slot;
    }
}
