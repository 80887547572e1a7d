package dev.entitynet.transport.enet.secure;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of {@link SecureDrop}s and of the datagrams that were opened and sealed, with their sizes
 * on the wire (header, tag and, on a client's first datagrams, the token request included), written
 * on the host's loop and readable from any thread.
 */
public final class SecureStats {
    private static final int OPENED = 0;
    private static final int OPENED_BYTES = 1;
    private static final int SEALED = 2;
    private static final int SEALED_BYTES = 3;
    private static final int TOKENS = 4;

    private final AtomicLongArray drops = new AtomicLongArray(SecureDrop.values().length);
    private final AtomicLongArray counts = new AtomicLongArray(5);

    void drop(SecureDrop reason) {
        add(drops, reason.ordinal(), 1);
    }

    /** A datagram of {@code wireBytes} authenticated. */
    void opened(int wireBytes) {
        add(counts, OPENED, 1);
        add(counts, OPENED_BYTES, wireBytes);
    }

    /** A datagram of {@code wireBytes} was sealed for the network. */
    void sealed(int wireBytes) {
        add(counts, SEALED, 1);
        add(counts, SEALED_BYTES, wireBytes);
    }

    /** A connect token started a session. */
    void tokenAccepted() {
        add(counts, TOKENS, 1);
    }

    /** One writer (the loop): a plain read and an ordered store, no atomic read-modify-write. */
    private static void add(AtomicLongArray array, int index, long amount) {
        array.lazySet(index, array.get(index) + amount);
    }

    /** Datagrams dropped for {@code reason}. */
    public long dropped(SecureDrop reason) {
        return drops.get(reason.ordinal());
    }

    /** Datagrams that authenticated. */
    public long openedDatagrams() {
        return counts.get(OPENED);
    }

    /** Their bytes as they arrived: sealed, with any token request in front. */
    public long openedBytes() {
        return counts.get(OPENED_BYTES);
    }

    /** Datagrams sealed and handed to the network. */
    public long sealedDatagrams() {
        return counts.get(SEALED);
    }

    /** Their bytes as they left: sealed, with any token request in front. */
    public long sealedBytes() {
        return counts.get(SEALED_BYTES);
    }

    /** Tokens accepted (sessions started). */
    public long acceptedTokens() {
        return counts.get(TOKENS);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SecureStats{opened=").append(openedDatagrams()).append('/').append(openedBytes())
                .append("B, sealed=").append(sealedDatagrams()).append('/').append(sealedBytes())
                .append("B, tokens=").append(acceptedTokens());
        for (SecureDrop reason : SecureDrop.values()) {
            long n = dropped(reason);
            if (n > 0) {
                b.append(", ").append(reason).append('=').append(n);
            }
        }
        return b.append('}').toString();
    }
}
