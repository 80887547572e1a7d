package dev.entitynet.transport.enet.secure;

/**
 * What a secure host does to each datagram between the socket and the ENet engine: opens what
 * arrives (dropping and counting anything that does not authenticate, before the engine sees it)
 * and seals what leaves. Datagrams live in a caller-owned byte array; nothing is allocated per
 * datagram. Used on one thread (the host's event loop).
 */
public interface DatagramSecurity {
    /** Room in front of a payload sealed in place: the token request (client) and the longest header. */
    int HEADROOM = 1 + dev.entitynet.transport.secure.ConnectToken.REQUEST_BYTES
            + dev.entitynet.transport.secure.SecureDatagram.MAX_HEADER_BYTES;
    /** The most bytes sealing adds to a payload. */
    int MAX_OVERHEAD = HEADROOM + dev.entitynet.transport.secure.SecureDatagram.TAG_BYTES;

    /**
     * Authenticates and decrypts the datagram {@code buffer[offset, offset+length)} from
     * {@code endpoint} in place; {@code epochMillis} (wall-clock) judges token expiry.
     *
     * @return the plaintext's offset in {@code buffer} ({@link #openedLength()} bytes), or -1 when
     *     the datagram was dropped (counted in {@link #stats()})
     */
    int open(long endpoint, byte[] buffer, int offset, int length, long epochMillis);

    /** The plaintext length of the last successful {@link #open}. */
    int openedLength();

    /**
     * Seals the payload {@code src[srcOffset, srcOffset+length)} to {@code endpoint} into
     * {@code out}, which has room for {@link #MAX_OVERHEAD} more bytes than the payload. The
     * payload may sit in {@code out} itself at {@link #HEADROOM} (it is then sealed in place);
     * otherwise the two must not overlap.
     *
     * @return the datagram's offset in {@code out} ({@link #sealedLength()} bytes), or -1 when
     *     there is no session with that endpoint (counted)
     */
    int seal(long endpoint, byte[] src, int srcOffset, int length, byte[] out);

    /** The length of the last sealed datagram. */
    int sealedLength();

    /** The ENet connection with {@code endpoint} is up: its session is no longer pending. */
    void connected(long endpoint);

    /** The ENet connection with {@code endpoint} ended: its session may give way to another. */
    void disconnected(long endpoint);

    /** The client id the token of {@code endpoint}'s session carried, or -1 (servers only). */
    long clientId(long endpoint);

    /** Drops by reason. */
    SecureStats stats();
}
