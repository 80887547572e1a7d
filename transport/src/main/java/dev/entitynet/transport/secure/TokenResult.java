package dev.entitynet.transport.secure;

/**
 * What {@link TokenValidator#validate} and {@link TokenReplayGuard#admit} made of a connect
 * token: {@link #VALID}, or why it was refused. Each refusal has its own constant so the caller
 * can count them.
 */
public enum TokenResult {
    /** Authentic, current, for this server and (from the guard) not used from another address. */
    VALID,
    /** Shorter than a token's server part. */
    TRUNCATED,
    /** Longer than a token's server part. */
    OVERSIZED,
    /** The version bytes are not this implementation's. */
    BAD_VERSION,
    /** Minted for another protocol id. */
    WRONG_PROTOCOL,
    /** The expire timestamp is not after now. */
    EXPIRED,
    /** The private part does not open under this server's key: forged, corrupted, or another backend's. */
    BAD_TAG,
    /** Authentic, but its private part holds a server count outside 1..32 or a timeout below 1. */
    MALFORMED,
    /** Authentic, but this server's address is not in its list. */
    FOREIGN_SERVER,
    /** Already admitted from another client address and not yet expired. */
    REUSED_FROM_OTHER_ADDRESS,
    /** The replay guard has no free entry near this token's: refused rather than forgetting another one. */
    REPLAY_GUARD_FULL
}
