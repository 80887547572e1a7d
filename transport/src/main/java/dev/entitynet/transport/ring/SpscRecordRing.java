package dev.entitynet.transport.ring;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * A bounded single-producer/single-consumer ring of variable-length records in off-heap memory.
 *
 * <p>A record is an 8-byte header (body length, type) and a body the producer writes in place:
 * {@link #claim} reserves room and returns the body's offset in {@link #memory()}, the producer
 * writes the body with plain stores, and {@link #publish} makes it visible with an ordered store
 * of the tail counter. The consumer reads the tail with a volatile load, so everything written
 * before {@code publish} is visible to it; releasing a record publishes the head the same way.
 * Records never wrap: when a record does not fit before the end of the memory, the producer
 * writes a padding record and starts again at the beginning. A body is therefore always one
 * contiguous range, which is what lets the consumer hand it out as a view.
 *
 * <p>A full ring refuses the claim ({@code -1}) and counts it; it never overwrites or drops.
 * Exactly one thread may produce and one (other or same) thread may consume.
 */
public final class SpscRecordRing extends SpscRingCursors implements AutoCloseable {
    /** Bytes before each body: body length (int) and type (int). */
    public static final int HEADER_BYTES = 8;
    /** The type of padding records, which the consumer skips. Users' types must be non-negative. */
    private static final int PADDING = -1;

    // Producer- and consumer-owned counters sit on separate cache lines, ahead of the data.
    private static final long TAIL = 0;
    private static final long REFUSED = 8;
    private static final long HEAD = 128;
    private static final long DATA = 256;

    private final BytesStore<?, Void> memory;
    private final long capacity;
    private final long mask;

    private boolean closed;

    /**
     * Allocates a ring of {@code capacityBytes} (a power of two, at least 64) of record space.
     *
     * @throws IllegalArgumentException when the capacity is not a power of two of at least 64
     */
    public SpscRecordRing(int capacityBytes) {
        if (capacityBytes < 64 || Integer.bitCount(capacityBytes) != 1) {
            throw new IllegalArgumentException("ring capacity " + capacityBytes + " must be a power of two of at least 64 bytes");
        }
        this.capacity = capacityBytes;
        this.mask = capacityBytes - 1;
        this.memory = BytesStore.nativeStoreWithFixedCapacity(DATA + capacityBytes);
        memory.writeOrderedLong(TAIL, 0);
        memory.writeOrderedLong(REFUSED, 0);
        memory.writeOrderedLong(HEAD, 0);
    }

    /** The ring's memory; bodies live at the offsets {@link #claim} and {@link #peek} return. */
    public BytesStore<?, Void> memory() {
        return memory;
    }

    /** Record space in bytes. */
    public int capacity() {
        return (int) capacity;
    }

    /**
     * The largest body a claim accepts. Any body up to this size fits once the consumer has
     * drained the ring, wherever the tail happens to be.
     */
    public int maxBodyLength() {
        return (int) (capacity / 2) - HEADER_BYTES;
    }

    // ---------------------------------------------------------------- producer

    /**
     * Reserves a record of {@code type} with a body of {@code bodyLength} bytes.
     *
     * @return the body's offset in {@link #memory()}, to be filled and then {@link #publish}ed;
     *     {@code -1} when the ring has no room now (counted in {@link #refusedClaims()})
     * @throws IllegalArgumentException when the body can never fit or the type is negative
     * @throws IllegalStateException when a claimed record was not published yet
     */
    public long claim(int type, int bodyLength) {
        if (pendingTail >= 0) {
            throw new IllegalStateException("publish() the previous claim before claiming again");
        }
        if (type < 0) {
            throw new IllegalArgumentException("record type " + type + " must be non-negative");
        }
        if (bodyLength < 0 || bodyLength > maxBodyLength()) {
            throw new IllegalArgumentException("record body of " + bodyLength + " bytes does not fit a ring of "
                    + capacity + " bytes; the largest is " + maxBodyLength());
        }
        long size = align(HEADER_BYTES + bodyLength);
        long index = tail & mask;
        long contiguous = capacity - index;
        long needed = size <= contiguous ? size : contiguous + size;
        if (tail + needed - cachedHead > capacity) {
            cachedHead = memory.readVolatileLong(HEAD);
            if (tail + needed - cachedHead > capacity) {
                memory.writeOrderedLong(REFUSED, memory.readLong(REFUSED) + 1);
                return -1;
            }
        }
        long at = tail;
        if (size > contiguous) {
            writeHeader(index, (int) contiguous - HEADER_BYTES, PADDING);
            at += contiguous;
            index = 0;
        }
        writeHeader(index, bodyLength, type);
        pendingTail = at + size;
        return DATA + index + HEADER_BYTES;
    }

    /** Makes the claimed record (and any padding before it) visible to the consumer. */
    public void publish() {
        if (pendingTail < 0) {
            throw new IllegalStateException("nothing claimed to publish");
        }
        tail = pendingTail;
        pendingTail = -1;
        memory.writeOrderedLong(TAIL, tail);
    }

    /** How many claims were refused because the ring was full. Safe to read from any thread. */
    public long refusedClaims() {
        return memory.readVolatileLong(REFUSED);
    }

    private void writeHeader(long index, int bodyLength, int type) {
        memory.writeInt(DATA + index, bodyLength);
        memory.writeInt(DATA + index + 4, type);
    }

    // ---------------------------------------------------------------- consumer

    /**
     * Looks at the oldest published record, skipping padding.
     *
     * @return the body's offset in {@link #memory()}, with {@link #type()} and {@link #bodyLength()}
     *     describing it until {@link #release()}; {@code -1} when the ring is empty
     */
    public long peek() {
        if (recordBody >= 0) {
            return recordBody;
        }
        while (true) {
            if (readCursor == cachedTail) {
                cachedTail = memory.readVolatileLong(TAIL);
                if (readCursor == cachedTail) {
                    return -1;
                }
            }
            long index = readCursor & mask;
            int length = memory.readInt(DATA + index);
            int type = memory.readInt(DATA + index + 4);
            if (type == PADDING) {
                readCursor += HEADER_BYTES + length;
                continue;
            }
            recordType = type;
            recordLength = length;
            recordBody = DATA + index + HEADER_BYTES;
            return recordBody;
        }
    }

    /** The type of the record {@link #peek()} returned. */
    public int type() {
        return recordType;
    }

    /** The body length of the record {@link #peek()} returned. */
    public int bodyLength() {
        return recordLength;
    }

    /** Frees the record {@link #peek()} returned (and any kept by {@link #advance()}). */
    public void release() {
        advance();
        releaseConsumed();
    }

    /**
     * Moves past the record {@link #peek()} returned but keeps its memory intact, so views of it
     * stay valid until {@link #releaseConsumed()}.
     */
    public void advance() {
        if (recordBody < 0) {
            throw new IllegalStateException("peek() a record before moving past it");
        }
        readCursor += align(HEADER_BYTES + recordLength);
        recordBody = -1;
    }

    /** Gives the room of every record moved past back to the producer. */
    public void releaseConsumed() {
        if (head != readCursor) {
            head = readCursor;
            memory.writeOrderedLong(HEAD, head);
        }
    }

    /** Whether the consumer has nothing to read. Consumer thread only. */
    public boolean isEmpty() {
        return peek() < 0;
    }

    private static long align(long size) {
        return (size + 7) & ~7L;
    }

    /** Frees the memory. Neither side may use the ring afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            memory.releaseLast();
        }
    }
}
