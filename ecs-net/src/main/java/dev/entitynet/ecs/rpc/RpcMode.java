package dev.entitynet.ecs.rpc;

/** Who may call an RPC on an entity (Godot's {@code rpc_mode}; DISABLED is simply "not declared"). */
public enum RpcMode {
    /** Only the entity's multiplayer authority (Godot's default). */
    AUTHORITY,
    /** Any admitted peer. */
    ANY_PEER
}
