package dev.entitynet.ecs.auth;

import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.transport.MultiplayerPeer;

/** What the {@link Handshake} needs from its {@code SceneMultiplayer}; implemented there, not by users. */
public interface HandshakeHost {
    /** The current transport. */
    MultiplayerPeer transport();

    /** Whether this side is the server. */
    boolean isServer();

    /** This side's RPC table fingerprint, sent and compared in the hello. */
    long rpcFingerprint();

    /** {@code s} passed hello and authentication: admit it. */
    void admit(PeerSession s);

    /** Forgets {@code s} without peer_disconnected and closes its transport link. */
    void drop(PeerSession s);

    /** Counts a violation by the direct peer {@code peerId}. */
    void violation(int peerId, Violation violation);
}
