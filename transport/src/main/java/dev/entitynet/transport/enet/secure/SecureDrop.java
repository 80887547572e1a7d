package dev.entitynet.transport.enet.secure;

/** Why a secure host dropped a datagram before the ENet engine saw it. */
public enum SecureDrop {
    /** From an address with no session, and not a connection request. */
    NO_SESSION,
    /** A connection request too short to hold a token and a sealed datagram. */
    TRUNCATED_REQUEST,
    /** A token the validator refused (expired, for another server, bad tag, truncated, ...). */
    BAD_TOKEN,
    /** A token already used from another address. */
    TOKEN_REPLAYED,
    /** A valid token whose client id already has a connected session. */
    CLIENT_ALREADY_CONNECTED,
    /** Every session slot is held by a connected peer. */
    SESSIONS_FULL,
    /** A pending session evicted for a newer one. */
    PENDING_EVICTED,
    /** A sealed datagram that failed: too short, bad prefix, bad tag. */
    FORGED,
    /** A sealed datagram seen before, or older than the replay window. */
    REPLAYED,
    /** A datagram the client got from an address that is not its server. */
    NOT_THE_SERVER,
    /** Something to send to an address with no session (after it ended). */
    UNSEALABLE
}
