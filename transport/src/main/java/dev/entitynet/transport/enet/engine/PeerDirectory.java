package dev.entitynet.transport.enet.engine;

/**
 * Which slots are free and whom the others belong to, kept up to date on every state change
 * ({@link Host#changeState}) so that a CONNECT is checked in O(1) rather than by a scan of every
 * slot: the lowest free slot (the one libenet would pick), a peer by the connection it stands for,
 * and peers per IP address.
 */
final class PeerDirectory {
    private final SlotSet free;
    private final ConnectionIndex connections;
    private final AddressCounts perAddress;

    PeerDirectory(int slots, long seed) {
        free = new SlotSet(slots);
        for (int slot = 0; slot < slots; slot++) {
            free.add(slot);
        }
        connections = new ConnectionIndex(slots, seed);
        perAddress = new AddressCounts(slots);
    }

    /**
     * Records {@code peer}'s move from {@code previous} to {@code next}; its endpoint and connect id
     * must be set before it leaves DISCONNECTED and stay until it is back there.
     */
    void stateChanged(Peer peer, int previous, int next) {
        int slot = peer.incomingPeerId;
        boolean wasUsed = previous != PeerState.DISCONNECTED;
        boolean isUsed = next != PeerState.DISCONNECTED;
        if (!wasUsed && isUsed) {
            free.remove(slot);
            perAddress.increment(Host.addressOf(peer.endpoint));
        } else if (wasUsed && !isUsed) {
            free.add(slot);
            perAddress.decrement(Host.addressOf(peer.endpoint));
        }
        boolean wasIndexed = established(previous);
        boolean isIndexed = established(next);
        if (!wasIndexed && isIndexed) {
            connections.add(peer.endpoint, peer.connectId, slot);
        } else if (wasIndexed && !isIndexed) {
            connections.remove(peer.endpoint, peer.connectId, slot);
        }
    }

    /** A slot past its own CONNECT: the ones a repeated CONNECT from the same connection must not reopen. */
    private static boolean established(int state) {
        return state != PeerState.DISCONNECTED && state != PeerState.CONNECTING;
    }

    /** The lowest free slot, or -1. */
    int lowestFree() {
        return free.first();
    }

    boolean hasFree() {
        return !free.isEmpty();
    }

    /** Whether a slot past CONNECTING stands for this connection (the CONNECT is a retransmission). */
    boolean hasConnection(long endpoint, int connectId) {
        return connections.find(endpoint, connectId) >= 0;
    }

    /** Slots in use by the IPv4 address {@code address}. */
    int peersFromAddress(long address) {
        return perAddress.get(address);
    }
}
