package dev.entitynet.ecs.rpc;

import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.Comparator;
import java.util.Objects;

/**
 * The RPCs of one {@code SceneMultiplayer}. Declare them all before the first peer connects: the
 * table then freezes, gives each RPC its wire id (names in sorted order, like Godot) and a
 * fingerprint of names, modes and signatures that the hello compares, so builds with different RPC
 * sets refuse each other with a clear reason instead of misrouting calls.
 */
public final class RpcTable {
    /** Ids above this would not fit the 16-bit method id. */
    public static final int MAX_METHODS = 65536;

    private final ObjectArrayList<RpcMethod> methods = new ObjectArrayList<>();
    private RpcMethod[] byId;
    private long fingerprint;

    /**
     * Declares an RPC.
     *
     * @throws IllegalStateException when the table is frozen (a peer has connected)
     * @throws IllegalArgumentException when the name is taken
     */
    public RpcMethod declare(RpcConfig config, RpcHandler handler) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        if (byId != null) {
            throw new IllegalStateException("RPC '" + config.name + "' declared after a peer connected; declare every RPC before"
                    + " setting the multiplayer peer, and identically on every side");
        }
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).name().equals(config.name)) {
                throw new IllegalArgumentException("an RPC named '" + config.name + "' is already declared; RPC names must be unique");
            }
        }
        if (methods.size() == MAX_METHODS) {
            throw new IllegalStateException("at most " + MAX_METHODS + " RPCs can be declared");
        }
        RpcMethod method = new RpcMethod(config, handler);
        methods.add(method);
        return method;
    }

    /** Assigns ids and computes the fingerprint; idempotent. */
    public void freeze() {
        if (byId != null) {
            return;
        }
        RpcMethod[] sorted = methods.toArray(new RpcMethod[0]);
        java.util.Arrays.sort(sorted, Comparator.comparing(RpcMethod::name));
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < sorted.length; i++) {
            sorted[i].id = i;
            hash = fnv(hash, sorted[i].name());
            hash = fnv(hash, sorted[i].mode().ordinal());
            for (ArgType t : sorted[i].signature()) {
                hash = fnv(hash, t.ordinal() + 16);
            }
            hash = fnv(hash, 0xFF);
        }
        fingerprint = hash;
        byId = sorted;
    }

    /** Whether the table is frozen. */
    public boolean isFrozen() {
        return byId != null;
    }

    /** The fingerprint compared in the hello (freezes the table). */
    public long fingerprint() {
        freeze();
        return fingerprint;
    }

    /** The method with wire id {@code id}, or null (the table must be frozen). */
    public RpcMethod byId(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /** How many RPCs are declared. */
    public int size() {
        return methods.size();
    }

    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = fnv(hash, text.charAt(i));
        }
        return fnv(hash, 0);
    }

    private static long fnv(long hash, int value) {
        return (hash ^ value) * 0x100000001b3L;
    }
}
