package dev.entitynet.transport.ring;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * The producer end of a {@link SpscRecordRing} that distinguishes records that may be refused
 * from records that must never be lost.
 *
 * <p>{@link #tryClaim} is for data the producer can push back on (a send that returns
 * back-pressure): it refuses when the ring is full. {@link #claim} is for records that must get
 * through (a disconnect, an event already taken from the engine): when the ring is full they wait
 * in an off-heap overflow buffer, and {@link #flush} moves them into the ring, oldest first, when
 * room appears. While anything waits in the overflow, {@code tryClaim} refuses too, so records
 * reach the consumer in exactly the order they were claimed. The overflow grows on demand; the
 * owner bounds it by not producing more while {@link #hasOverflow()} (for example by pausing
 * socket reads).
 *
 * <p>Usage: claim, write the body into {@link #target()} at the returned offset, {@link #publish()}.
 * Producer thread only.
 */
public final class OverflowingRingWriter implements AutoCloseable {
    private static final int INITIAL_OVERFLOW = 4096;

    private final SpscRecordRing ring;
    private BytesStore<?, Void> overflow;
    private long overflowRead;
    private long overflowWrite;
    private long overflowPending = -1;
    private BytesStore<?, ?> target;
    private long overflowedRecords;
    private boolean closed;

    /** Wraps the producer side of {@code ring}; the ring stays owned by the caller. */
    public OverflowingRingWriter(SpscRecordRing ring) {
        this.ring = ring;
        this.overflow = BytesStore.nativeStoreWithFixedCapacity(INITIAL_OVERFLOW);
    }

    /**
     * Claims room in the ring for a record that may be refused.
     *
     * @return the body's offset in {@link #target()}, or {@code -1} when the ring is full or
     *     earlier records are still waiting in the overflow
     */
    public long tryClaim(int type, int bodyLength) {
        if (!flush()) {
            return -1;
        }
        long at = ring.claim(type, bodyLength);
        if (at >= 0) {
            target = ring.memory();
        }
        return at;
    }

    /**
     * Claims room for a record that must not be lost: in the ring if it fits behind everything
     * waiting, otherwise in the overflow.
     *
     * @return the body's offset in {@link #target()}
     */
    public long claim(int type, int bodyLength) {
        long at = tryClaim(type, bodyLength);
        if (at >= 0) {
            return at;
        }
        if (bodyLength > ring.maxBodyLength()) {
            throw new IllegalArgumentException("record body of " + bodyLength + " bytes can never fit the ring; the largest is "
                    + ring.maxBodyLength());
        }
        long size = align(SpscRecordRing.HEADER_BYTES + bodyLength);
        ensureOverflowRoom(size);
        overflow.writeInt(overflowWrite, bodyLength);
        overflow.writeInt(overflowWrite + 4, type);
        overflowPending = overflowWrite + size;
        target = overflow;
        return overflowWrite + SpscRecordRing.HEADER_BYTES;
    }

    /** Where the last claimed body must be written. */
    public BytesStore<?, ?> target() {
        return target;
    }

    /** Publishes the last claimed record (to the ring, or to the overflow queue). */
    public void publish() {
        if (target == overflow && overflowPending >= 0) {
            overflowWrite = overflowPending;
            overflowPending = -1;
            overflowedRecords++;
        } else {
            ring.publish();
        }
    }

    /**
     * Moves waiting records into the ring while they fit.
     *
     * @return whether the overflow is now empty
     */
    public boolean flush() {
        while (overflowRead < overflowWrite) {
            int length = overflow.readInt(overflowRead);
            int type = overflow.readInt(overflowRead + 4);
            long at = ring.claim(type, length);
            if (at < 0) {
                return false;
            }
            ring.memory().write(at, overflow, overflowRead + SpscRecordRing.HEADER_BYTES, length);
            ring.publish();
            overflowRead += align(SpscRecordRing.HEADER_BYTES + length);
        }
        overflowRead = 0;
        overflowWrite = 0;
        return true;
    }

    /** Whether records are waiting for room in the ring. */
    public boolean hasOverflow() {
        return overflowRead < overflowWrite;
    }

    /** Bytes waiting in the overflow. */
    public long overflowBytes() {
        return overflowWrite - overflowRead;
    }

    /** How many records ever had to wait in the overflow. */
    public long overflowedRecords() {
        return overflowedRecords;
    }

    private void ensureOverflowRoom(long size) {
        long capacity = overflow.capacity();
        if (overflowWrite + size <= capacity) {
            return;
        }
        long live = overflowWrite - overflowRead;
        long newCapacity = Math.max(capacity, Long.highestOneBit(live + size) << 1);
        BytesStore<?, Void> grown = BytesStore.nativeStoreWithFixedCapacity(newCapacity);
        grown.write(0, overflow, overflowRead, live);
        overflow.releaseLast();
        overflow = grown;
        overflowRead = 0;
        overflowWrite = live;
    }

    private static long align(long size) {
        return (size + 7) & ~7L;
    }

    /** Frees the overflow buffer (not the ring). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            overflow.releaseLast();
        }
    }
}
