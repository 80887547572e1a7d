package dev.entitynet.ecs.rpc;

import dev.entitynet.transport.TransferMode;

import java.util.Objects;

/**
 * How an RPC is declared (Godot's {@code @rpc} / {@code rpc_config}): name, mode, call_local,
 * transfer mode, channel, and (ours) the argument signature. Defaults follow Godot: AUTHORITY,
 * call_remote, RELIABLE, channel 0; no arguments.
 *
 * <pre>{@code
 * RpcConfig.named("chat").mode(RpcMode.ANY_PEER).callLocal(true).args(ArgType.STRING)
 * }</pre>
 */
public final class RpcConfig {
    /** Godot's argument limit. */
    public static final int MAX_ARGS = 255;

    final String name;
    RpcMode mode = RpcMode.AUTHORITY;
    boolean callLocal;
    TransferMode transferMode = TransferMode.RELIABLE;
    int channel;
    ArgType[] args = new ArgType[0];

    private RpcConfig(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an RPC needs a non-empty name");
        }
        this.name = name;
    }

    /** A config with Godot's defaults. */
    public static RpcConfig named(String name) {
        return new RpcConfig(name);
    }

    /** Who may call it. */
    public RpcConfig mode(RpcMode value) {
        mode = Objects.requireNonNull(value, "mode");
        return this;
    }

    /** Whether calling it also runs it locally (Godot's "call_local"). */
    public RpcConfig callLocal(boolean value) {
        callLocal = value;
        return this;
    }

    /** How it travels. */
    public RpcConfig transferMode(TransferMode value) {
        transferMode = Objects.requireNonNull(value, "transferMode");
        return this;
    }

    /** The channel it travels on (must exist on the transport when called). */
    public RpcConfig channel(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("channel must be 0-255, got " + value);
        }
        channel = value;
        return this;
    }

    /** The argument types, in order (at most 255). */
    public RpcConfig args(ArgType... types) {
        if (types.length > MAX_ARGS) {
            throw new IllegalArgumentException("an RPC takes at most " + MAX_ARGS + " arguments, got " + types.length);
        }
        for (ArgType t : types) {
            Objects.requireNonNull(t, "argument type");
        }
        args = types.clone();
        return this;
    }
}
