package dev.entitynet.ecs.guard;

/** Why an incoming packet was dropped. Counted per peer and in total by {@link ViolationCounters}. */
public enum Violation {
    /** Too short, a length or count past the end, bad flags, trailing bytes, invalid UTF-8. */
    MALFORMED,
    /** A command this side does not accept (a client's ADD_PEER to the server, replication without a replication layer). */
    UNEXPECTED_COMMAND,
    /** A packet from a transport peer that has not met us (no hello yet) or is no longer known. */
    UNKNOWN_SENDER,
    /** Anything but hello/auth from a peer that is still being admitted. */
    NOT_ADMITTED,
    /** Authentication data from a peer that is already admitted. */
    AUTH_AFTER_ADMISSION,
    /** A hello after the first one. */
    DUPLICATE_HELLO,
    /** An RPC or cache id naming an entity that does not exist (or no longer has that path). */
    UNKNOWN_PATH,
    /** A path-cache id announced twice, or more cache entries than the per-peer limit. */
    PATH_CACHE_ABUSE,
    /** An RPC method id that is not declared. */
    UNKNOWN_RPC,
    /** An AUTHORITY RPC from a peer that is not the entity's authority. */
    NOT_AUTHORITY,
    /** Arguments that do not match the declared signature. */
    BAD_ARGUMENTS,
    /** Arguments larger than the configured limit. */
    OVERSIZE,
    /** An object argument while allow_object_decoding is off, or of an unregistered codec. */
    OBJECT_DECODING_REFUSED,
    /** Relay traffic that names an impossible peer or tries to pass as another sender. */
    FORGED_SENDER,
    /** Relay traffic while this server's relay is off. */
    RELAY_DISABLED;

    private static final Violation[] VALUES = values();

    /** How many values there are. */
    public static int count() {
        return VALUES.length;
    }
}
