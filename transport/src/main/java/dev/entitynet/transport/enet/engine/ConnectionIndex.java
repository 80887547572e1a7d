package dev.entitynet.transport.enet.engine;

/**
 * Ids (peer slots, handshake records) by the connection they stand for: the sender's endpoint and
 * the connect id of its CONNECT. A fixed open-addressing table (linear probing, deletion by
 * backward shift) at most half full, so the check every CONNECT needs ("is this a retransmission
 * of one we know?") costs O(1) however many peers share an address or a port, and allocates
 * nothing. Keys are mixed with a per-host seed: a remote cannot pick ports and connect ids that
 * collide. One key may be held by several ids; {@link #find} returns one of them.
 */
final class ConnectionIndex {
    private final long seed;
    private final long[] endpoints;
    private final int[] connectIds;
    /** id + 1 per slot; 0 = empty. */
    private final int[] ids;
    private final int mask;

    /** An index for up to {@code maxEntries} ids. */
    ConnectionIndex(int maxEntries, long seed) {
        int capacity = Integer.highestOneBit(Math.max(1, maxEntries) * 2 - 1) << 1;
        this.seed = seed;
        this.endpoints = new long[capacity];
        this.connectIds = new int[capacity];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
    }

    /** An id added under ({@code endpoint}, {@code connectId}), or -1. */
    int find(long endpoint, int connectId) {
        for (int i = slot(endpoint, connectId); ids[i] != 0; i = (i + 1) & mask) {
            if (endpoints[i] == endpoint && connectIds[i] == connectId) {
                return ids[i] - 1;
            }
        }
        return -1;
    }

    void add(long endpoint, int connectId, int id) {
        int i = slot(endpoint, connectId);
        while (ids[i] != 0) {
            i = (i + 1) & mask;
        }
        endpoints[i] = endpoint;
        connectIds[i] = connectId;
        ids[i] = id + 1;
    }

    /** Removes {@code id}'s entry under this key, if there is one. */
    void remove(long endpoint, int connectId, int id) {
        int gap = slot(endpoint, connectId);
        while (ids[gap] != id + 1 || endpoints[gap] != endpoint || connectIds[gap] != connectId) {
            if (ids[gap] == 0) {
                return;
            }
            gap = (gap + 1) & mask;
        }
        // shift back every later entry of the run whose home slot does not lie after the gap
        for (int i = (gap + 1) & mask; ids[i] != 0; i = (i + 1) & mask) {
            int home = slot(endpoints[i], connectIds[i]);
            if (((i - home) & mask) >= ((i - gap) & mask)) {
                endpoints[gap] = endpoints[i];
                connectIds[gap] = connectIds[i];
                ids[gap] = ids[i];
                gap = i;
            }
        }
        ids[gap] = 0;
    }

    private int slot(long endpoint, int connectId) {
        return (int) SeededMix.mix(SeededMix.mix(endpoint ^ seed) ^ (connectId & 0xFFFF_FFFFL)) & mask;
    }
}
