package dev.entitynet.replication.baseline;

import it.unimi.dsi.fastutil.ints.Int2FloatOpenHashMap;

/**
 * What a sender keeps per receiving peer: the snapshots it sent (the last {@link FrameRing#SIZE}),
 * which of them the peer acknowledged, and the priority its deferred entities accumulated.
 */
final class OutgoingStream {
    final int peerId;
    final FrameRing sent = new FrameRing();
    /** Accumulated priority of entities that changed but did not fit a snapshot, by net id. */
    final Int2FloatOpenHashMap deferred = new Int2FloatOpenHashMap();
    int nextSequence;
    long packets;
    long bytes;
    long entries;

    OutgoingStream(int peerId) {
        this.peerId = peerId;
    }

    /** The newest acknowledged snapshot {@code seq} may reach back to, or null. */
    Frame baselineFor(int seq) {
        return ackedFrom(seq, 1);
    }

    /** The newest acknowledged snapshot older than {@code baseline} that {@code seq} may reach back to, or null. */
    Frame predictorFor(int seq, Frame baseline) {
        return baseline == null ? null : ackedFrom(seq, seq - baseline.seq + 1);
    }

    private Frame ackedFrom(int seq, int firstDistance) {
        for (int d = firstDistance; d < FrameRing.SIZE; d++) {
            Frame f = sent.find(seq - d);
            if (f != null && f.acked) {
                return f;
            }
        }
        return null;
    }

    /**
     * Applies an acknowledgement; false (nothing changed) when its newest sequence is one this side
     * never sent, or no longer holds.
     */
    boolean acknowledge(int newest16, int history) {
        int last = nextSequence - 1;
        int newest = AckWire.extendBelow(newest16, last);
        if (newest < 0 || last - newest >= FrameRing.SIZE) {
            return false;
        }
        Frame f = sent.find(newest);
        if (f == null) {
            return false;
        }
        f.acked = true;
        for (int i = 0; i < 32 && history != 0; i++, history >>>= 1) {
            Frame older = (history & 1) != 0 ? sent.find(newest - 1 - i) : null;
            if (older != null) {
                older.acked = true;
            }
        }
        return true;
    }
}
