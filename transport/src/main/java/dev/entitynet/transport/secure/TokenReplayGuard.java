package dev.entitynet.transport.secure;

/**
 * Remembers which client address each valid connect token was first used from, until the token
 * expires, so that a token copied off the wire is refused from any other address while its owner
 * may retransmit the request from its own (as netcode.io does). Tokens are told apart by their
 * tag, which is unique per token.
 *
 * <p>A fixed table preallocated at construction: each token has 16 candidate
 * entries; an entry is free once its token has expired. When all of a token's candidates hold
 * live tokens it is refused ({@link TokenResult#REPLAY_GUARD_FULL}) rather than forgetting one of
 * them, which would let that token be replayed. Size it for the tokens a server can see within
 * one token lifetime, with room to spare. Allocation-free; not thread-safe.
 */
public final class TokenReplayGuard {
    /** Entries searched per token. */
    static final int PROBES = 16;

    private final long[] tagLow;
    private final long[] tagHigh;
    private final long[] endpoint;
    /** Unix seconds; 0 marks an entry never used. */
    private final long[] expire;
    private final int mask;

    /** A guard with room for at least {@code capacity} live tokens' entries (rounded up to a power of two, at least 16). */
    public TokenReplayGuard(int capacity) {
        if (capacity < 1 || capacity > 1 << 24) {
            throw new IllegalArgumentException("capacity " + capacity + " is not in 1..2^24");
        }
        int size = Math.max(PROBES, Integer.highestOneBit(capacity - 1) << 1);
        tagLow = new long[size];
        tagHigh = new long[size];
        endpoint = new long[size];
        expire = new long[size];
        mask = size - 1;
    }

    /**
     * Admits a token that {@link TokenValidator#validate} just found valid, from the client
     * address {@code clientEndpoint} (an {@link dev.entitynet.transport.enet.Endpoints} value).
     *
     * @return {@link TokenResult#VALID} the first time and for every retransmission from the same
     *     address; {@link TokenResult#REUSED_FROM_OTHER_ADDRESS} or {@link TokenResult#REPLAY_GUARD_FULL} otherwise
     */
    public TokenResult admit(ValidatedToken token, long clientEndpoint, long nowSeconds) {
        long low = token.tagLow();
        long high = token.tagHigh();
        int free = -1;
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = ((int) low + probe) & mask;
            boolean live = expire[slot] != 0 && Long.compareUnsigned(expire[slot], nowSeconds) > 0;
            if (!live) {
                if (free < 0) {
                    free = slot;
                }
            } else if (tagLow[slot] == low && tagHigh[slot] == high) {
                return endpoint[slot] == clientEndpoint ? TokenResult.VALID : TokenResult.REUSED_FROM_OTHER_ADDRESS;
            }
        }
        if (free < 0) {
            return TokenResult.REPLAY_GUARD_FULL;
        }
        tagLow[free] = low;
        tagHigh[free] = high;
        endpoint[free] = clientEndpoint;
        expire[free] = token.expireTimestamp();
        return TokenResult.VALID;
    }
}
