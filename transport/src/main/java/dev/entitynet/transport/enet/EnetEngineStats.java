package dev.entitynet.transport.enet;

/**
 * Counters of one engine. Read on the engine's thread (or copy them there); the values only grow.
 */
public final class EnetEngineStats {
    private static final DropReason[] REASONS = DropReason.values();
    private final long[] dropped = new long[REASONS.length];
    private long datagramsReceived;
    private long bytesReceived;
    private long datagramsSent;
    private long bytesSent;
    private long packetsReceived;
    private long packetsSent;
    private long retransmissions;
    private long peerVisits;
    private long orderingSteps;

    /** How many times something was dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return dropped[reason.ordinal()];
    }

    /** All drops together. */
    public long droppedTotal() {
        long sum = 0;
        for (long d : dropped) {
            sum += d;
        }
        return sum;
    }

    /** Datagrams handed to {@link EnetEngine#receive}. */
    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** Bytes of those datagrams. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Datagrams written to a {@link DatagramOutput}. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** Bytes of those datagrams. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Packets delivered to the application. */
    public long packetsReceived() {
        return packetsReceived;
    }

    /** Packets accepted by {@link EnetEngine#send}. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Reliable commands sent again after their retransmission timer expired. */
    public long retransmissions() {
        return retransmissions;
    }

    /**
     * Table slots and queue entries inspected to place received data commands and to find the next
     * ones to deliver: a measure of receive work that stays proportional to the commands received
     * and packets delivered, whatever a peer has queued.
     */
    public long orderingSteps() {
        return orderingSteps;
    }

    /**
     * Peers visited by service passes: proportional to the peers that had something to send or a
     * timer due, not to the slots or to how often the engine is serviced (idle peers cost nothing).
     */
    public long peerVisits() {
        return peerVisits;
    }

    /** Counts one peer visited by a service pass. Engine-internal. */
    public void countPeerVisit() {
        peerVisits++;
    }

    /** Counts one drop. Engine-internal. */
    public void countDrop(DropReason reason) {
        dropped[reason.ordinal()]++;
    }

    /** Counts one received datagram. Engine-internal. */
    public void countReceived(int length) {
        datagramsReceived++;
        bytesReceived += length;
    }

    /** Counts one sent datagram. Engine-internal. */
    public void countSent(int length) {
        datagramsSent++;
        bytesSent += length;
    }

    /** Counts one packet delivered to the application. Engine-internal. */
    public void countPacketReceived() {
        packetsReceived++;
    }

    /** Counts one packet queued by the application. Engine-internal. */
    public void countPacketSent() {
        packetsSent++;
    }

    /** Counts {@code steps} ordering steps. Engine-internal. */
    public void countOrderingSteps(int steps) {
        orderingSteps += steps;
    }

    /** Counts one retransmission. Engine-internal. */
    public void countRetransmission() {
        retransmissions++;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EnetEngineStats{in=").append(datagramsReceived).append('/').append(bytesReceived)
                .append("B, out=").append(datagramsSent).append('/').append(bytesSent)
                .append("B, packetsIn=").append(packetsReceived).append(", packetsOut=").append(packetsSent)
                .append(", retransmissions=").append(retransmissions);
        for (DropReason r : REASONS) {
            if (dropped[r.ordinal()] != 0) {
                sb.append(", ").append(r).append('=').append(dropped[r.ordinal()]);
            }
        }
        return sb.append('}').toString();
    }
}
