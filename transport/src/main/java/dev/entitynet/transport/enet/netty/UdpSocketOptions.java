package dev.entitynet.transport.enet.netty;

/**
 * How a {@link UdpSocket} is set up.
 *
 * @param forceNio use Java NIO even where the epoll transport is available
 * @param receiveBatch datagrams read per system call on epoll ({@code recvmmsg}); 1 turns batching off
 * @param socketBufferBytes SO_RCVBUF and SO_SNDBUF (the kernel may cap them)
 */
public record UdpSocketOptions(boolean forceNio, int receiveBatch, int socketBufferBytes) {
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
    }

    /** epoll where available, 32 datagrams per read, 1 MiB socket buffers. */
    public static UdpSocketOptions defaults() {
        return new UdpSocketOptions(false, 32, 1 << 20);
    }

    /** These options with NIO forced (or not). */
    public UdpSocketOptions withForceNio(boolean force) {
        return new UdpSocketOptions(force, receiveBatch, socketBufferBytes);
    }
}
