package dev.entitynet.transport;

/**
 * Receives what {@link MultiplayerPeer#poll} drains, on the thread that calls {@code poll}.
 * Implementations must not call {@code poll} re-entrantly. Only packets must be handled; the
 * connection callbacks do nothing unless overridden.
 */
@FunctionalInterface
public interface PeerEventListener {
    /** A peer joined: on a server a client id, on a client 1 when the server accepted it. */
    default void peerConnected(int peerId) {
    }

    /** A peer left, gracefully, by force or by timeout. On a client, 1 means the server is gone. */
    default void peerDisconnected(int peerId) {
    }

    /**
     * A packet arrived. The view and its payload are reused: they stay valid until the next call
     * to {@code poll} on the same peer. Copy what must outlive that.
     */
    void packetReceived(ReceivedPacket packet);
}
