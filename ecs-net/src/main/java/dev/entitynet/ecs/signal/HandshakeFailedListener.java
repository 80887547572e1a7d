package dev.entitynet.ecs.signal;

/** The handshake with a peer failed; the peer was disconnected. */
@FunctionalInterface
public interface HandshakeFailedListener {
    /** {@code detail} is a sentence for logs saying what differs and what to change. */
    void onHandshakeFailed(int peerId, HandshakeFailure reason, String detail);
}
