package dev.entitynet.ecs.protocol;

/** The second byte of a {@link Command#SYS} packet. Layouts are in docs/protocol.md. */
public final class SysCommand {
    /** Authentication data; empty = "this side completed authentication" (Godot's AUTH). */
    public static final int AUTH = 0;
    /** Server to client: another client joined (relay). */
    public static final int ADD_PEER = 1;
    /** Server to client: another client left (relay). */
    public static final int DEL_PEER = 2;
    /** A relayed packet: client to server with the destination, server to client with the source. */
    public static final int RELAY = 3;
    /** Ours: protocol version and RPC table fingerprint, sent by both sides when they meet. */
    public static final int HELLO = 4;

    private SysCommand() {
    }
}
