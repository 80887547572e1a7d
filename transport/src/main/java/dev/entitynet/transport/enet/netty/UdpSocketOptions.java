package dev.entitynet.transport.enet.netty;

/**
 * How a {@link UdpSocket} is set up.
 *
 * @param forceNio use Java NIO even where the epoll transport is available
 * @param receiveBatch datagrams read per system call on epoll ({@code recvmmsg}); 1 turns batching off
 * @param socketBufferBytes SO_RCVBUF and SO_SNDBUF (the kernel may cap them)
 * @param outgoingLossPercent share of outgoing datagrams dropped on purpose (0..100), to test under loss
 * @param outgoingLossSeed seeds which datagrams {@code outgoingLossPercent} drops
 */
public record UdpSocketOptions(boolean forceNio, int receiveBatch, int socketBufferBytes, double outgoingLossPercent,
                               long outgoingLossSeed) {
    /** The largest datagram ENet ever sends (ENET_PROTOCOL_MAXIMUM_MTU). */
    public static final int MAX_DATAGRAM = 4096;

    /** Validates the options. */
    public UdpSocketOptions {
        if (receiveBatch < 1 || receiveBatch > 1024) {
            throw new IllegalArgumentException("receiveBatch " + receiveBatch + " must be 1..1024");
        }
        if (socketBufferBytes < 4096) {
            throw new IllegalArgumentException("socketBufferBytes " + socketBufferBytes + " must be at least 4096");
        }
        if (!(outgoingLossPercent >= 0 && outgoingLossPercent <= 100)) {
            throw new IllegalArgumentException("outgoingLossPercent " + outgoingLossPercent + " must be 0..100");
        }
    }

    /** Options without simulated loss. */
    public UdpSocketOptions(boolean forceNio, int receiveBatch, int socketBufferBytes) {
        this(forceNio, receiveBatch, socketBufferBytes, 0, 0);
    }

    /** epoll where available, 32 datagrams per read, 1 MiB socket buffers. */
    public static UdpSocketOptions defaults() {
        return new UdpSocketOptions(false, 32, 4 << 20);
    }

    /** These options with NIO forced (or not). */
    public UdpSocketOptions withForceNio(boolean force) {
        return new UdpSocketOptions(force, receiveBatch, socketBufferBytes, outgoingLossPercent, outgoingLossSeed);
    }

    /** These options dropping {@code percent}% of outgoing datagrams, chosen by a generator seeded with {@code seed}. */
    public UdpSocketOptions withOutgoingLoss(double percent, long seed) {
        return new UdpSocketOptions(forceNio, receiveBatch, socketBufferBytes, percent, seed);
    }
}
