package dev.entitynet.ecs.signal;

/**
 * Godot's SceneMultiplayer signals as typed listener lists, plus {@link #handshakeFailed} (ours).
 * Connect with, for example, {@code multiplayer.signals().peerConnected.connect(id -> ...)}.
 */
public final class MultiplayerSignals {
    /** peer_connected(id): a peer was admitted (after authentication, if any). */
    public final Signal<PeerIdListener> peerConnected = new Signal<>();
    /** peer_disconnected(id): an admitted peer left. */
    public final Signal<PeerIdListener> peerDisconnected = new Signal<>();
    /** connected_to_server: a client admitted the server; emitted just before peer_connected(1), as Godot does. */
    public final Signal<ClientEventListener> connectedToServer = new Signal<>();
    /** connection_failed: a client never reached an admitted server. */
    public final Signal<ClientEventListener> connectionFailed = new Signal<>();
    /** server_disconnected: a client lost its admitted server. */
    public final Signal<ClientEventListener> serverDisconnected = new Signal<>();
    /** peer_authenticating(id): a peer entered authentication (auth_callback is set). */
    public final Signal<PeerIdListener> peerAuthenticating = new Signal<>();
    /** peer_authentication_failed(id): a pending peer timed out or left before admission. */
    public final Signal<PeerIdListener> peerAuthenticationFailed = new Signal<>();
    /** peer_packet(id, bytes): raw bytes from {@code sendBytes}. */
    public final Signal<PeerPacketListener> peerPacket = new Signal<>();
    /** Ours: the hello exchange found incompatible builds. */
    public final Signal<HandshakeFailedListener> handshakeFailed = new Signal<>();

    /** Calls every listener of {@code signal} with {@code peerId}, in connection order. */
    public static void emit(Signal<PeerIdListener> signal, int peerId) {
        for (int i = 0; i < signal.size(); i++) {
            signal.get(i).onPeer(peerId);
        }
    }

    /** Calls every listener of {@code signal}, in connection order. */
    public static void emit(Signal<ClientEventListener> signal) {
        for (int i = 0; i < signal.size(); i++) {
            signal.get(i).onEvent();
        }
    }
}
