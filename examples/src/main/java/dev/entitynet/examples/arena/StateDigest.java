package dev.entitynet.examples.arena;

/**
 * An order-independent fingerprint of replicated state: the sum of a well-mixed hash per entity
 * (net id, position bits, owner). The server sends each client the count and sum over what that
 * client should see; equal sums mean equal state with overwhelming probability, which is how a
 * client in another process checks convergence without the server's World.
 */
public final class StateDigest {
    private StateDigest() {
    }

    /** One entity's contribution. */
    public static long entry(int netId, float x, float y, int owner) {
        long h = mix((long) netId << 32 | owner & 0xFFFFFFFFL);
        h = mix(h ^ ((long) Float.floatToRawIntBits(x) << 32 | Float.floatToRawIntBits(y) & 0xFFFFFFFFL));
        return h;
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
