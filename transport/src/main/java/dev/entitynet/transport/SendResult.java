package dev.entitynet.transport;

/**
 * Outcome of {@link MultiplayerPeer#send}. Conditions that can happen in a correct program because
 * the network changed under it are results; programming errors (bad channel, oversize packet, a
 * closed peer) are exceptions.
 */
public enum SendResult {
    /** Queued for every addressed peer (possibly none, for a broadcast with nobody connected). */
    SENT("sent"),
    /** A client that is not (or no longer) connected to the server; nothing was queued. */
    NOT_CONNECTED("not connected to the server yet, or the connection was lost; wait for peerConnected(1)"),
    /** The target id is not a connected peer (it may have just left); nothing was queued. */
    UNKNOWN_PEER("the target peer is not connected; check the id against the connected peers"),
    /**
     * The outgoing queue is full; nothing was queued. Reliable data is never dropped silently:
     * retry on a later tick or send less. Counted by the transport.
     */
    BACK_PRESSURE("the outgoing queue is full; retry on a later tick or send less");

    private final String description;

    SendResult(String description) {
        this.description = description;
    }

    /** A sentence saying what happened and what to do about it. */
    public String description() {
        return description;
    }
}
