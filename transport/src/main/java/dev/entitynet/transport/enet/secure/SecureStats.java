package dev.entitynet.transport.enet.secure;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of {@link SecureDrop}s, written on the host's loop and readable from any thread. */
public final class SecureStats {
    private final AtomicLongArray drops = new AtomicLongArray(SecureDrop.values().length);
    private final AtomicLongArray accepted = new AtomicLongArray(2);

    void drop(SecureDrop reason) {
        drops.lazySet(reason.ordinal(), drops.get(reason.ordinal()) + 1);
    }

    void accepted(boolean token) {
        accepted.lazySet(token ? 1 : 0, accepted.get(token ? 1 : 0) + 1);
    }

    /** Datagrams dropped for {@code reason}. */
    public long dropped(SecureDrop reason) {
        return drops.get(reason.ordinal());
    }

    /** Datagrams that authenticated. */
    public long openedDatagrams() {
        return accepted.get(0);
    }

    /** Tokens accepted (sessions started). */
    public long acceptedTokens() {
        return accepted.get(1);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SecureStats{opened=").append(openedDatagrams()).append(", tokens=").append(acceptedTokens());
        for (SecureDrop reason : SecureDrop.values()) {
            long n = dropped(reason);
            if (n > 0) {
                b.append(", ").append(reason).append('=').append(n);
            }
        }
        return b.append('}').toString();
    }
}
