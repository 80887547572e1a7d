package dev.entitynet.transport;

import java.util.random.RandomGenerator;

/** Godot's peer id rules: 1 is the server, clients are random positive 31-bit ids, never 0 or 1. */
public final class PeerIds {
    /** Target every connected peer. */
    public static final int BROADCAST = 0;
    /** The server's id, and the target that means the server. */
    public static final int SERVER = 1;

    private PeerIds() {
    }

    /**
     * A fresh client id: random, positive (a negative target means "everyone except"), never 0 or 1.
     */
    public static int generateUniqueId(RandomGenerator random) {
        int id;
        do {
            id = random.nextInt() & 0x7FFF_FFFF;
        } while (id < 2);
        return id;
    }

    /** Whether {@code id} can be a client's id. */
    public static boolean isClientId(int id) {
        return id >= 2;
    }

    /**
     * Whether a packet addressed to {@code target} goes to peer {@code peerId}: broadcast reaches
     * everyone, a negative target everyone except {@code -target}, a positive one only that peer.
     */
    public static boolean targets(int target, int peerId) {
        if (target == BROADCAST) {
            return true;
        }
        return target < 0 ? peerId != -target : peerId == target;
    }
}
