package dev.entitynet.transport.local;

import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.link.Datagram;
import dev.entitynet.transport.link.DelayLine;

/**
 * One direction between a client and the server on a {@link LocalHub}: the conditioned line plus
 * the per-channel counters that give UNRELIABLE_ORDERED its "drop what is older" rule.
 */
final class LocalLink {
    final DelayLine line;
    private final int[] nextOrderedSequence = new int[256];
    private final int[] lastOrderedDelivered = new int[256];

    LocalLink(DelayLine line) {
        this.line = line;
    }

    /** Sends a filled datagram the way its mode asks. */
    void send(Datagram d, long now) {
        TransferMode mode = TransferMode.ofId(d.mode);
        switch (mode) {
            case RELIABLE -> line.sendReliable(d, now, d.channel);
            case UNRELIABLE_ORDERED -> {
                d.sequence = ++nextOrderedSequence[d.channel];
                line.sendUnreliable(d, now);
            }
            case UNRELIABLE -> line.sendUnreliable(d, now);
        }
    }

    /** Whether an arriving datagram may be delivered; records ordered ones as the newest seen. */
    boolean admit(Datagram d) {
        if (d.mode != TransferMode.UNRELIABLE_ORDERED.id()) {
            return true;
        }
        if (d.sequence - lastOrderedDelivered[d.channel] <= 0) {
            return false;
        }
        lastOrderedDelivered[d.channel] = d.sequence;
        return true;
    }
}
