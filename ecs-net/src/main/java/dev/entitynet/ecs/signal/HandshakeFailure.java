package dev.entitynet.ecs.signal;

/** Why two peers could not be admitted to each other (ours; Godot has no handshake check). */
public enum HandshakeFailure {
    /** The other side speaks another version of the protocol (docs/protocol.md). */
    PROTOCOL_VERSION_MISMATCH,
    /** The other side declared a different set of RPCs (names, modes or argument types). */
    RPC_TABLE_MISMATCH,
    /** The other side is not an entitynet peer (its hello is malformed). */
    NOT_ENTITYNET,
    /** Hello and authentication did not finish within auth_timeout. */
    AUTH_TIMEOUT
}
