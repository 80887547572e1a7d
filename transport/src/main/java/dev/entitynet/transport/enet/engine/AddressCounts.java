package dev.entitynet.transport.enet.engine;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * How many of something (peers, handshakes) each IPv4 address holds, for the per-address caps:
 * O(1) per change and per question. Sized for the most entries there can be, so it never grows.
 */
final class AddressCounts {
    private final Long2IntOpenHashMap counts;

    AddressCounts(int maxEntries) {
        counts = new Long2IntOpenHashMap(maxEntries);
    }

    void increment(long address) {
        counts.addTo(address, 1);
    }

    void decrement(long address) {
        if (counts.addTo(address, -1) == 1) {
            counts.remove(address);
        }
    }

    int get(long address) {
        return counts.get(address);
    }
}
