package dev.entitynet.transport.enet.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;

import java.net.InetSocketAddress;

/**
 * A pool of reusable outgoing datagrams, so that sending allocates nothing: each is Netty's
 * {@link DatagramPacket} around a direct buffer of its own, with a recipient that changes per use.
 * Netty "releases" a datagram once it is written (or has failed), which puts it back in the pool
 * instead of freeing its buffer. The pool grows to the most datagrams ever queued at once and keeps
 * up to {@code keep} of them. Event-loop thread only (Netty writes and releases on that thread).
 */
final class OutgoingDatagrams implements AutoCloseable {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress(0);

    private final ByteBufAllocator allocator;
    private final int capacity;
    private final int keep;
    private Datagram[] free = new Datagram[64];
    private int freeCount;
    private int created;
    private boolean closed;

    /** Datagrams of up to {@code capacity} bytes from {@code allocator}; at most {@code keep} kept idle. */
    OutgoingDatagrams(ByteBufAllocator allocator, int capacity, int keep) {
        this.allocator = allocator;
        this.capacity = capacity;
        this.keep = keep;
    }

    /** An empty datagram to {@code recipient}, ready to be filled and written. */
    DatagramPacket acquire(InetSocketAddress recipient) {
        Datagram d = freeCount > 0 ? free[--freeCount] : newDatagram();
        d.content().clear();
        d.recipient = recipient;
        return d;
    }

    private Datagram newDatagram() {
        created++;
        return new Datagram(allocator.directBuffer(capacity, capacity));
    }

    private void giveBack(Datagram d) {
        d.recipient = NOWHERE;
        if (closed || freeCount >= keep) {
            d.content().release();
            return;
        }
        if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = d;
    }

    /** How many datagrams this pool ever created (bounded in steady state). */
    int created() {
        return created;
    }

    /** Frees the idle datagrams; ones still in Netty's hands free their buffer when released. */
    @Override
    public void close() {
        closed = true;
        while (freeCount > 0) {
            free[--freeCount].content().release();
        }
    }

    /** Netty's datagram with a mutable recipient; releasing it returns it to the pool. */
    private final class Datagram extends DatagramPacket {
        private InetSocketAddress recipient = NOWHERE;

        Datagram(ByteBuf buffer) {
            super(buffer, NOWHERE);
        }

        @Override
        public InetSocketAddress recipient() {
            return recipient;
        }

        @Override
        public int refCnt() {
            return 1;
        }

        @Override
        public DatagramPacket retain() {
            throw new UnsupportedOperationException("a pooled outgoing datagram has exactly one owner");
        }

        @Override
        public DatagramPacket retain(int increment) {
            return retain();
        }

        @Override
        public boolean release() {
            giveBack(this);
            return true;
        }

        @Override
        public boolean release(int decrement) {
            return release();
        }

        @Override
        public DatagramPacket touch() {
            return this;
        }

        @Override
        public DatagramPacket touch(Object hint) {
            return this;
        }
    }
}
