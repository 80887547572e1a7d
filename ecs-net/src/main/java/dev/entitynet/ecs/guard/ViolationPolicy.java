package dev.entitynet.ecs.guard;

/**
 * Decides whether a peer that sent a dropped packet is disconnected. Only peers this side reaches
 * directly are disconnected (a server's clients, a client's server), never relayed ones.
 */
@FunctionalInterface
public interface ViolationPolicy {
    /** Drop and count, never disconnect (Godot's behaviour, and the default). */
    ViolationPolicy COUNT_ONLY = (peerId, violation, countForPeer) -> false;

    /**
     * Whether to disconnect {@code peerId} after its {@code countForPeer}-th violation in total.
     * Called on the world's thread; must not allocate if the policy should stay garbage-free.
     */
    boolean shouldDisconnect(int peerId, Violation violation, long countForPeer);

    /** Disconnect a peer once it has sent {@code limit} dropped packets. */
    static ViolationPolicy disconnectAfter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return (peerId, violation, countForPeer) -> countForPeer >= limit;
    }
}
