package dev.entitynet.examples.enetattack.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Many {@link Link}s, one per loopback address of a block, standing in for spoofed sources: the
 * tool sends from them as an attacker would forge them, and counts what the server sends back to
 * them as their owners would receive it. They never answer.
 */
public final class SourceSet implements AutoCloseable {
    private final List<Link> links;
    private final Selector selector;
    private final long[] bytesPerSource;
    private final int[] datagramsPerSource;
    private final ByteBuffer scratch = ByteBuffer.allocate(65536);
    private int largestDatagram;

    private SourceSet(List<Link> links, Selector selector) {
        this.links = links;
        this.selector = selector;
        this.bytesPerSource = new long[links.size()];
        this.datagramsPerSource = new int[links.size()];
    }

    /** Binds {@code count} sources in loopback block {@code block}, each connected to {@code server}. */
    public static SourceSet bind(int block, int count, InetSocketAddress server) {
        List<Link> links = new ArrayList<>(count);
        Selector selector = null;
        try {
            selector = Selector.open();
            for (int i = 0; i < count; i++) {
                Link link = Link.open(new InetSocketAddress(LoopbackAddresses.nth(block, i), 0), server, 64 * 1024);
                links.add(link);
                link.channel().register(selector, SelectionKey.OP_READ, i);
            }
            return new SourceSet(links, selector);
        } catch (IOException | RuntimeException e) {
            links.forEach(Link::close);
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Number of sources. */
    public int size() {
        return links.size();
    }

    /** Source {@code i}. */
    public Link source(int i) {
        return links.get(i);
    }

    /**
     * Reads everything that has arrived at any source, waiting up to {@code millis} for the first;
     * calls {@code sink} (may be null) with the source index and the datagram.
     *
     * @return datagrams read
     */
    public int drain(long millis, Sink sink) {
        int read = 0;
        try {
            int ready = millis <= 0 ? selector.selectNow() : selector.select(millis);
            if (ready == 0) {
                return 0;
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                int i = (Integer) key.attachment();
                Link link = links.get(i);
                int n;
                while ((n = link.receiveNow(scratch)) >= 0) {
                    bytesPerSource[i] += n;
                    datagramsPerSource[i]++;
                    largestDatagram = Math.max(largestDatagram, n);
                    read++;
                    if (sink != null) {
                        sink.received(i, scratch);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }

    /** Bytes the server sent to source {@code i}. */
    public long bytesReceived(int i) {
        return bytesPerSource[i];
    }

    /** Datagrams the server sent to source {@code i}. */
    public int datagramsReceived(int i) {
        return datagramsPerSource[i];
    }

    /** The largest datagram any source received. */
    public int largestDatagram() {
        return largestDatagram;
    }

    /** Bytes sent from all sources. */
    public long totalBytesSent() {
        return links.stream().mapToLong(Link::bytesSent).sum();
    }

    /** Bytes received by all sources. */
    public long totalBytesReceived() {
        long sum = 0;
        for (long b : bytesPerSource) {
            sum += b;
        }
        return sum;
    }

    @Override
    public void close() {
        links.forEach(Link::close);
        try {
            selector.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Receives datagrams drained from the sources. */
    @FunctionalInterface
    public interface Sink {
        /** {@code datagram} (valid only during the call) arrived at source {@code source}. */
        void received(int source, ByteBuffer datagram);
    }
}
