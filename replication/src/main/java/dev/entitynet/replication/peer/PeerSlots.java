package dev.entitynet.replication.peer;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * Dense slot numbers for the admitted peers, so per-peer state lives in bit sets and arrays
 * instead of hash maps keyed by the sparse 31-bit peer ids. A leaving peer's slot is reused by the
 * next one (lowest free first), so the slots in use stay below the largest number of peers seen.
 */
public final class PeerSlots {
    private final Int2IntOpenHashMap slotOfPeer = new Int2IntOpenHashMap();
    private int[] peerAt = new int[64];
    private int bound;

    /** No peers yet. */
    public PeerSlots() {
        slotOfPeer.defaultReturnValue(-1);
    }

    /** Gives {@code peerId} a slot (its existing one if it has one) and returns it. */
    public int add(int peerId) {
        int slot = slotOfPeer.get(peerId);
        if (slot >= 0) {
            return slot;
        }
        slot = 0;
        while (slot < bound && peerAt[slot] != 0) {
            slot++;
        }
        if (slot == peerAt.length) {
            peerAt = Arrays.copyOf(peerAt, peerAt.length * 2);
        }
        peerAt[slot] = peerId;
        bound = Math.max(bound, slot + 1);
        slotOfPeer.put(peerId, slot);
        return slot;
    }

    /** Frees {@code peerId}'s slot; returns it, or -1 when the peer had none. */
    public int remove(int peerId) {
        int slot = slotOfPeer.remove(peerId);
        if (slot >= 0) {
            peerAt[slot] = 0;
            while (bound > 0 && peerAt[bound - 1] == 0) {
                bound--;
            }
        }
        return slot;
    }

    /** The slot of {@code peerId}, or -1. */
    public int slotOf(int peerId) {
        return slotOfPeer.get(peerId);
    }

    /** The peer in {@code slot}, or 0 when the slot is free. */
    public int peerAt(int slot) {
        return peerAt[slot];
    }

    /** Slots {@code [0, bound)} may be in use; every slot at or above it is free. */
    public int bound() {
        return bound;
    }

    /** Frees every slot. */
    public void clear() {
        slotOfPeer.clear();
        Arrays.fill(peerAt, 0);
        bound = 0;
    }
}
