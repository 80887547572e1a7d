package dev.entitynet.examples.enetattack.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * One UDP socket bound to a local address and connected to the server, so it hears only the
 * server. Non-blocking; counts every datagram and byte in each direction. Not thread-safe: one
 * thread owns a link at a time.
 */
public final class Link implements AutoCloseable {
    private final DatagramChannel channel;
    private Selector selector;
    private long bytesSent;
    private long datagramsSent;
    private long bytesReceived;
    private long datagramsReceived;
    private long sendFailures;

    private Link(DatagramChannel channel) {
        this.channel = channel;
    }

    /**
     * Binds a socket to {@code local} (port 0: any) and connects it to {@code server}.
     *
     * @param receiveBuffer SO_RCVBUF in bytes, 0 for the system default
     */
    public static Link open(InetSocketAddress local, InetSocketAddress server, int receiveBuffer) {
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                if (receiveBuffer > 0) {
                    channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
                }
                channel.bind(local);
                channel.connect(server);
                channel.configureBlocking(false);
                return new Link(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + local + " towards " + server, e);
        }
    }

    /** Sends the buffer's remaining bytes as one datagram; a refused send (full buffer, ICMP error) is counted, not thrown. */
    public void send(ByteBuffer datagram) {
        int length = datagram.remaining();
        try {
            if (channel.write(datagram) == length) {
                bytesSent += length;
                datagramsSent++;
                return;
            }
        } catch (IOException e) {
            // ECONNREFUSED from an earlier ICMP error, or ENOBUFS: a lost datagram, as on a real network
        }
        sendFailures++;
    }

    /**
     * Reads one datagram into {@code into} (cleared first, flipped after) without waiting.
     *
     * @return its length, or -1 when none is waiting
     */
    public int receiveNow(ByteBuffer into) {
        into.clear();
        try {
            int n = channel.read(into);
            if (n <= 0) { // nothing waiting (an empty datagram carries nothing either)
                into.flip();
                return -1;
            }
            into.flip();
            bytesReceived += n;
            datagramsReceived++;
            return n;
        } catch (IOException e) {
            into.clear().flip();
            return -1;
        }
    }

    /** Waits up to {@code millis} for a datagram to arrive; true when one is waiting. */
    public boolean await(long millis) {
        try {
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
            }
            selector.selectedKeys().clear();
            return (millis <= 0 ? selector.selectNow() : selector.select(millis)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The underlying channel (for registering several links with one selector). */
    DatagramChannel channel() {
        return channel;
    }

    /** Counts a datagram read by someone holding {@link #channel()}. */
    void countReceived(int length) {
        bytesReceived += length;
        datagramsReceived++;
    }

    /** The local address the socket is bound to. */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes sent (UDP payload, no IP/UDP headers). */
    public long bytesSent() {
        return bytesSent;
    }

    /** Datagrams sent. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** Bytes received. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Datagrams received. */
    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** Sends the kernel refused. */
    public long sendFailures() {
        return sendFailures;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            channel.close();
        } catch (IOException e) {
            // closing; nothing left to do
        }
    }
}
