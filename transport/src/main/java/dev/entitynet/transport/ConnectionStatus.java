package dev.entitynet.transport;

/** Godot's {@code MultiplayerPeer.ConnectionStatus}. */
public enum ConnectionStatus {
    /** Never connected, refused, timed out, disconnected or closed. */
    DISCONNECTED,
    /** A client waiting for the server to accept it. */
    CONNECTING,
    /** A server that is open, or a client the server accepted. */
    CONNECTED
}
