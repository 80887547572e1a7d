package dev.entitynet.transport.enet.netty;

import dev.entitynet.transport.enet.DatagramOutput;
import dev.entitynet.transport.enet.Endpoints;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.PointerBytesStore;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One bound UDP socket on its own single-threaded Netty event loop: epoll with batched
 * {@code recvmmsg}/{@code sendmmsg} where available, NIO otherwise (or when forced).
 *
 * <p>Received datagrams go to a {@link DatagramReceiver} as a non-owning Chronicle view of
 * Netty's pooled direct buffer, so reading copies nothing. Outgoing datagrams are copied into
 * reusable datagrams ({@link OutgoingDatagrams}) and written without flushing; {@link #flush()} sends them all at once
 * (one {@code sendmmsg} on epoll). Everything except {@link #close()} runs on {@link #eventLoop()}.
 */
public final class UdpSocket implements DatagramOutput, AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final boolean epoll;
    private final PointerBytesStore inView = BytesStore.nativePointer();
    private final PointerBytesStore outView = BytesStore.nativePointer();
    private final OutgoingDatagrams outgoing = new OutgoingDatagrams(PooledByteBufAllocator.DEFAULT, UdpSocketOptions.MAX_DATAGRAM, 4096);
    private final Long2ObjectOpenHashMap<InetSocketAddress> addresses = new Long2ObjectOpenHashMap<>();
    private final byte[] heapScratch = new byte[UdpSocketOptions.MAX_DATAGRAM + 1];
    private final BytesStore<?, byte[]> heapScratchStore = BytesStore.wrap(heapScratch);
    private long nonIpv4Datagrams;
    private long oversizeDatagrams;
    private long writtenDatagrams;
    private final OutgoingLoss loss;
    private long lossDrops;

    private UdpSocket(EventLoopGroup group, Channel channel, boolean epoll, OutgoingLoss loss) {
        this.group = group;
        this.channel = channel;
        this.epoll = epoll;
        this.loss = loss;
    }

    /**
     * Binds a socket to {@code local} (port 0 picks a free port) and starts delivering datagrams to
     * {@code receiver} on a new event-loop thread named {@code threadName}.
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static UdpSocket bind(InetSocketAddress local, UdpSocketOptions options, DatagramReceiver receiver, String threadName) {
        boolean epoll = !options.forceNio() && Epoll.isAvailable();
        ThreadFactory threads = runnable -> {
            // Netty's recyclers and buffer caches take their fast path only on its own thread type.
            Thread t = new FastThreadLocalThread(runnable, threadName);
            t.setDaemon(true);
            return t;
        };
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, options.socketBufferBytes())
                .option(ChannelOption.SO_SNDBUF, options.socketBufferBytes())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
        // One byte more than ENet's largest datagram, so an oversize one shows up as such.
        int payload = UdpSocketOptions.MAX_DATAGRAM + 1;
        if (epoll && options.receiveBatch() > 1) {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, payload)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(payload * options.receiveBatch()));
        } else {
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(payload));
        }
        UdpSocket[] self = new UdpSocket[1];
        bootstrap.handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                self[0].read((DatagramPacket) msg, receiver);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                receiver.batchComplete();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // A socket error (e.g. ICMP port unreachable on Linux) is not a reason to stop.
            }
        });
        Channel channel;
        try {
            channel = bootstrap.register().syncUninterruptibly().channel();
            self[0] = new UdpSocket(group, channel, epoll, new OutgoingLoss(options.outgoingLossPercent(), options.outgoingLossSeed()));
            channel.bind(local).syncUninterruptibly();
        } catch (Exception e) {
            // Netty rethrows the checked BindException unchecked, so catch Exception, not RuntimeException
            if (self[0] != null) {
                channel = self[0].channel;
                channel.close().syncUninterruptibly();
            }
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            throw new IllegalStateException("cannot bind UDP " + local + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); is another program using that port?", e);
        }
        return self[0];
    }

    private void read(DatagramPacket packet, DatagramReceiver receiver) {
        try {
            InetSocketAddress sender = packet.sender();
            ByteBuf content = packet.content();
            int length = content.readableBytes();
            if (!(sender.getAddress() instanceof Inet4Address address)) {
                nonIpv4Datagrams++;
                return;
            }
            if (length > UdpSocketOptions.MAX_DATAGRAM) {
                oversizeDatagrams++;
                return;
            }
            // Inet4Address.hashCode() is its address as an int: no byte[] copy.
            long endpoint = Endpoints.of(address.hashCode(), sender.getPort());
            if (content.hasMemoryAddress()) {
                PointerBytesStore view = inView;
                view.set(content.memoryAddress() + content.readerIndex(), length);
                receiver.datagram(endpoint, view, 0, length);
            } else {
                content.getBytes(content.readerIndex(), heapScratch, 0, length);
                receiver.datagram(endpoint, heapScratchStore, 0, length);
            }
        } finally {
            packet.release();
        }
    }

    /** Queues one datagram to {@code endpoint}; it leaves on the next {@link #flush()}. */
    @Override
    public void send(long endpoint, BytesStore<?, ?> data, long offset, int length) {
        if (loss.dropNext()) {
            lossDrops++;
            return;
        }
        DatagramPacket datagram = outgoing.acquire(address(endpoint));
        ByteBuf buf = datagram.content();
        if (buf.hasMemoryAddress()) {
            outView.set(buf.memoryAddress() + buf.writerIndex(), length);
            outView.write(0, data, offset, length);
            buf.writerIndex(buf.writerIndex() + length);
        } else {
            data.read(offset, heapScratch, 0, length);
            buf.writeBytes(heapScratch, 0, length);
        }
        channel.write(datagram, channel.voidPromise());
        writtenDatagrams++;
    }

    private InetSocketAddress address(long endpoint) {
        InetSocketAddress address = addresses.get(endpoint);
        if (address == null) {
            if (addresses.size() >= 65_536) {
                addresses.clear(); // bound the cache; peers re-enter on their next datagram
            }
            address = Endpoints.toAddress(endpoint);
            addresses.put(endpoint, address);
        }
        return address;
    }

    /** Sends everything queued since the last flush. */
    public void flush() {
        channel.flush();
    }

    /** Pauses (false) or resumes (true) reading datagrams; unread ones wait in the kernel. */
    public void setReading(boolean reading) {
        if (channel.config().isAutoRead() != reading) {
            channel.config().setAutoRead(reading);
        }
    }

    /** Whether reading is paused. */
    public boolean isPaused() {
        return !channel.config().isAutoRead();
    }

    /** The event loop every method except {@link #close()} must run on. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Whether this socket uses the epoll transport (false: NIO). */
    public boolean isEpoll() {
        return epoll;
    }

    /** The bound address (with the real port when bound to port 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Datagrams dropped because the sender was not IPv4 (ENet endpoints are IPv4). */
    public long nonIpv4Datagrams() {
        return nonIpv4Datagrams;
    }

    /** Datagrams dropped because they were larger than ENet's 4096-byte maximum. */
    public long oversizeDatagrams() {
        return oversizeDatagrams;
    }

    /** Datagrams handed to Netty for sending. */
    public long writtenDatagrams() {
        return writtenDatagrams;
    }

    /** Datagrams dropped on purpose by {@link UdpSocketOptions#outgoingLossPercent()}. */
    public long simulatedLossDrops() {
        return lossDrops;
    }

    /** Closes the socket and stops the event-loop thread; waits for both. Idempotent. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        outgoing.close(); // the loop has stopped: every written datagram is back
    }
}
