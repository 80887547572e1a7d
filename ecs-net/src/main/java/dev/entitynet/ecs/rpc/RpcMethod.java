package dev.entitynet.ecs.rpc;

import dev.entitynet.transport.TransferMode;

/**
 * A declared RPC, bound to its handler: the handle used to call it. Its wire id is assigned when
 * the table freezes (names sorted, as Godot does), so both sides agree regardless of declaration order.
 */
public final class RpcMethod {
    private final String name;
    private final RpcMode mode;
    private final boolean callLocal;
    private final TransferMode transferMode;
    private final int channel;
    private final ArgType[] args;
    private final RpcHandler handler;
    int id = -1;

    RpcMethod(RpcConfig config, RpcHandler handler) {
        this.name = config.name;
        this.mode = config.mode;
        this.callLocal = config.callLocal;
        this.transferMode = config.transferMode;
        this.channel = config.channel;
        this.args = config.args.clone();
        this.handler = handler;
    }

    /** The declared name. */
    public String name() {
        return name;
    }

    /** Who may call it. */
    public RpcMode mode() {
        return mode;
    }

    /** Whether a call also runs locally. */
    public boolean callLocal() {
        return callLocal;
    }

    /** How it travels. */
    public TransferMode transferMode() {
        return transferMode;
    }

    /** Its channel. */
    public int channel() {
        return channel;
    }

    /** How many arguments it takes. */
    public int argCount() {
        return args.length;
    }

    /** The type of argument {@code index}. */
    public ArgType arg(int index) {
        return args[index];
    }

    /** Its wire id; -1 until the table is frozen. */
    public int id() {
        return id;
    }

    RpcHandler handler() {
        return handler;
    }

    ArgType[] signature() {
        return args;
    }
}
