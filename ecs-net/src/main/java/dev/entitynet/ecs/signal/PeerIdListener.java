package dev.entitynet.ecs.signal;

/** A signal carrying a peer id: peer_connected, peer_disconnected, peer_authenticating, peer_authentication_failed. */
@FunctionalInterface
public interface PeerIdListener {
    /** The event happened for {@code peerId}. */
    void onPeer(int peerId);
}
