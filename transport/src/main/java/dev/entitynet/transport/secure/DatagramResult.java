package dev.entitynet.transport.secure;

/**
 * What {@link SecureDatagram#open} made of a datagram: {@link #ACCEPTED}, or why it was dropped.
 * The caller counts the drops (an {@code int[values().length]} indexed by ordinal allocates nothing).
 */
public enum DatagramResult {
    /** Authentic and new; the payload has been decrypted in place. */
    ACCEPTED,
    /** Shorter than a prefix, its sequence bytes and a tag. */
    TOO_SHORT,
    /** The prefix's sequence byte count is not 1..8. */
    BAD_PREFIX,
    /** The sequence number is written with more bytes than it needs (a sender never does that). */
    BAD_SEQUENCE,
    /** The sequence number is {@link ReplayWindow#SIZE} or more below the highest one accepted. */
    TOO_OLD,
    /** The sequence number was already accepted: a replay or a network duplicate. */
    DUPLICATE,
    /** The tag does not match: forged, corrupted, or sealed under another session's key or protocol id. */
    BAD_TAG
}
