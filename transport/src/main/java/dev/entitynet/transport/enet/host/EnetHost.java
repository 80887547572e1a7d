package dev.entitynet.transport.enet.host;

import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEngine;
import dev.entitynet.transport.enet.EnetEngineStats;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.EnetPacketFlags;
import dev.entitynet.transport.enet.Endpoints;
import dev.entitynet.transport.enet.netty.UdpSocket;
import dev.entitynet.transport.enet.netty.UdpSocketOptions;
import dev.entitynet.transport.enet.secure.DatagramSecurity;
import dev.entitynet.transport.enet.secure.SecureStats;
import dev.entitynet.transport.ring.OverflowingRingWriter;
import dev.entitynet.transport.ring.SpscRecordRing;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

/**
 * An ENet host on a real UDP socket, with libenet's API shape: create one bound to an address,
 * {@link #connect} to remote hosts, {@link #send} packets with ENet's flags, and drain connections,
 * disconnections and packets with {@link #service} on your own thread.
 *
 * <p>The protocol engine runs on the socket's Netty event loop, which acknowledges, retransmits
 * and pings on its own; this object only passes commands and events through two off-heap rings.
 * All methods are for one caller thread. Peers are identified by handles (non-negative ints) that
 * stay unique per connection even when ENet reuses the peer slot; a handle of a connection that
 * has ended is simply not live any more.
 *
 * <p>Sending never blocks: when the command ring is full, or the peer's outgoing queue would pass
 * {@link EnetConfig#maxQueuedBytesPerPeer()} (a peer that acknowledges slowly or not at all),
 * {@code send} returns {@link SendResult#BACK_PRESSURE} and nothing is queued. Off the event loop
 * the queue is judged by what the loop last published; a send that still finds the queue full when
 * it reaches the engine is counted in {@link #rejectedSends()}. Disconnect requests are never refused.
 *
 * <p><b>Inline mode</b> ({@link #create(EnetConfig, InetSocketAddress, EnetHostOptions, Function)}) is
 * for applications that want libenet's single-thread efficiency: there is no event ring and no
 * {@link #service}; the event loop calls the listener directly, and every method called from
 * inside the listener (on the loop thread) goes straight to the engine, so a received batch, the
 * answers to it and the acknowledgements leave in one flush without waking another thread. The
 * listener must not block. From other threads only {@link #send}, {@link #broadcast}, the
 * read-only accessors and {@link #close} may be used (one such thread at a time); their sends
 * cross the command ring, and since that thread does not see the connection's events, a send
 * to a connection that has ended is not refused but counted by {@link #staleCommands()}.
 */
public final class EnetHost implements AutoCloseable {
    private final EnetConfig config;
    private final SpscRecordRing commandRing;
    private final OverflowingRingWriter commands;
    private final SpscRecordRing events;
    private final EngineLoop loop;
    private final UdpSocket socket;
    private final int maxPacketSize;
    private final Bytes<Void> payloadView;
    private final HeapWrap heapWrap = new HeapWrap();
    /** Inline mode: the application's listener, called on the loop thread; null in ring mode. */
    private final EnetEventListener inlineListener;
    private final HeapWrap loopHeapWrap = new HeapWrap();
    private volatile long listenerFailures;
    private volatile RuntimeException lastListenerFailure;

    private final int[] liveHandle = new int[PeerHandles.SLOTS];
    private final boolean[] sendable = new boolean[PeerHandles.SLOTS];
    private final int[] channels = new int[PeerHandles.SLOTS];
    private final long[] endpoints = new long[PeerHandles.SLOTS];
    private long backPressured;
    private boolean closed;

    private EnetHost(EnetConfig config, InetSocketAddress bind, EnetHostOptions options,
                     Function<? super EnetHost, ? extends EnetEventListener> inline) {
        this.commandRing = new SpscRecordRing(options.commandRingBytes());
        this.events = new SpscRecordRing(options.eventRingBytes());
        // a packet larger than a peer's outgoing queue may hold could never be sent
        this.maxPacketSize = Math.min(Math.min(config.maxPacketSize(), config.maxQueuedBytesPerPeer()),
                Math.min(commandRing.maxBodyLength() - HostRecords.SEND_PAYLOAD, events.maxBodyLength() - HostRecords.RECEIVED_PAYLOAD));
        // a sealed datagram (with the client's token in front of its first ones) must still fit 4096 bytes
        EnetConfig sized = options.secure() == null ? config
                : config.withMtu(Math.min(config.mtu(), UdpSocketOptions.MAX_DATAGRAM - DatagramSecurity.MAX_OVERHEAD));
        this.config = sized.withMaxPacketSize(maxPacketSize);
        this.commands = new OverflowingRingWriter(commandRing);
        this.loop = new EngineLoop(new EnetEngine(this.config, options.seed()), this.config.peerLimit(), commandRing, events,
                inline == null ? null : new InlineDelivery(), options.secure() != null);
        // Before the socket exists, so no event can reach a listener that is not there yet.
        this.inlineListener = inline == null ? null : Objects.requireNonNull(inline.apply(this), "the inline listener factory returned null");
        this.payloadView = events.memory().bytesForRead();
        Arrays.fill(liveHandle, -1);
        UdpSocket bound;
        try {
            bound = UdpSocket.bind(bind, options.socket(), loop, "enet-host-" + bind.getPort());
        } catch (RuntimeException e) {
            freeMemory();
            throw e;
        }
        this.socket = bound;
        DatagramSecurity security;
        try {
            security = options.secure() == null ? null : options.secure().open(this.config.peerLimit(), bound.localAddress());
        } catch (RuntimeException e) {
            bound.close();
            freeMemory();
            throw e;
        }
        loop.start(socket, options.tickMicros(), security);
    }

    /** Creates a host with default options bound to {@code bind} (port 0 = any free port). */
    public static EnetHost create(EnetConfig config, InetSocketAddress bind) {
        return create(config, bind, EnetHostOptions.defaults());
    }

    /**
     * Creates a host bound to {@code bind} (an IPv4 address; port 0 = any free port).
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static EnetHost create(EnetConfig config, InetSocketAddress bind, EnetHostOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(options, "options");
        return new EnetHost(config, bind, options, null);
    }

    /**
     * Creates a host in inline mode (see the class comment): events go to the listener that
     * {@code listenerFactory} returns, on the event-loop thread, as they arrive. The factory runs
     * once, inside this call, before the socket is bound; the listener it returns may keep the
     * host to send from its callbacks (the host is not usable before create returns).
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static EnetHost create(EnetConfig config, InetSocketAddress bind, EnetHostOptions options,
                                  Function<? super EnetHost, ? extends EnetEventListener> listenerFactory) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listenerFactory, "listenerFactory");
        return new EnetHost(config, bind, options, listenerFactory);
    }

    /** Whether events go to an inline listener on the event loop rather than through {@link #service}. */
    public boolean isInline() {
        return inlineListener != null;
    }

    /** The settings the engine runs with (maxPacketSize reduced to what the rings can carry). */
    public EnetConfig config() {
        return config;
    }

    /** The bound address, with the real port when bound to port 0. */
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** Whether the socket uses epoll (false: Java NIO). */
    public boolean isEpoll() {
        return socket.isEpoll();
    }

    /** The largest packet {@link #send} accepts and the engine will deliver. */
    public int maxPacketSize() {
        return maxPacketSize;
    }

    /**
     * Starts connecting to {@code remote} asking for {@code channelCount} channels (1..255) and
     * passing {@code data} in the CONNECT (the server sees it in its connect event). Completion or
     * failure arrives as an event from {@link #service}.
     *
     * @return the new peer's handle, or -1 when every peer slot is in use
     */
    public int connect(InetSocketAddress remote, int channelCount, int data) {
        ensureOpen();
        if (channelCount < 1 || channelCount > EnetConfig.MAX_CHANNELS) {
            throw new IllegalArgumentException("channelCount " + channelCount + " must be 1..255");
        }
        long endpoint = Endpoints.of(remote);
        if (onLoop()) {
            return track(loop.connectNow(endpoint, channelCount, data), endpoint); // CONNECT leaves with this batch's flush
        }
        flushCommands();
        int handle;
        try {
            // In inline mode the loop owns the handle table, so the loop records the new handle.
            handle = socket.eventLoop().submit(() -> isInline() ? track(loop.connect(endpoint, channelCount, data), endpoint)
                    : loop.connect(endpoint, channelCount, data)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the event loop failed to start the connection", e);
        }
        return isInline() ? handle : track(handle, endpoint);
    }

    private int track(int handle, long endpoint) {
        if (handle >= 0) {
            int slot = PeerHandles.slot(handle);
            liveHandle[slot] = handle;
            sendable[slot] = false;
            endpoints[slot] = endpoint;
        }
        return handle;
    }

    /**
     * Queues a packet to {@code peer} on {@code channel} with ENet {@code flags}
     * ({@link EnetPacketFlags}); the bytes are copied.
     *
     * <p>Everything the engine could refuse (channel, size, a connection this thread already
     * let go of) is checked here, so SENT means the packet is queued to the connection as this
     * thread last saw it. The one case left is a connection the remote side or a timeout ends
     * while the packet crosses the ring: as with libenet, whatever was queued to it is dropped,
     * the disconnect event follows, and {@link #rejectedSends()} counts the packet.
     *
     * @return SENT, NOT_CONNECTED when the peer is not (or no longer) connected, or BACK_PRESSURE
     *     when the command ring or the peer's outgoing queue is full (nothing queued; try again after
     *     a later service call)
     * @throws IllegalArgumentException for a channel outside the peer's negotiated channels or a
     *     packet larger than {@link #maxPacketSize()}
     */
    public SendResult send(int peer, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        ensureOpen();
        checkLength(length);
        if (isInline() && !socket.eventLoop().inEventLoop()) {
            return sendFromOtherThread(peer, channel, flags, data, offset, length);
        }
        if (!isConnected(peer)) {
            return SendResult.NOT_CONNECTED;
        }
        int slot = PeerHandles.slot(peer);
        if (channel < 0 || channel >= channels[slot]) {
            throw new IllegalArgumentException("channel " + channel + " is out of range: the connection negotiated "
                    + channels[slot] + " channels");
        }
        if (isInline()) {
            return loop.send(peer, channel, flags, data, offset, length) ? SendResult.SENT : backPressure();
        }
        if (loop.queuedBytes(slot) + length > config.maxQueuedBytesPerPeer()) {
            return backPressure();
        }
        return enqueueSend(peer, channel, flags, data, offset, length);
    }

    private SendResult backPressure() {
        backPressured++;
        return SendResult.BACK_PRESSURE;
    }

    /** Inline mode, not on the loop: this thread cannot see the handle table, so the loop checks liveness. */
    private SendResult sendFromOtherThread(int peer, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        if (peer < 0) {
            return SendResult.NOT_CONNECTED;
        }
        checkChannel(channel);
        return enqueueSend(peer, channel, flags, data, offset, length);
    }

    /** {@link #send(int, int, int, BytesStore, long, int)} from a heap array. */
    public SendResult send(int peer, int channel, int flags, byte[] data, int offset, int length) {
        return send(peer, channel, flags, (onLoop() ? loopHeapWrap : heapWrap).of(data), offset, length);
    }

    /**
     * Queues a packet to every connected peer whose connection has {@code channel}
     * (enet_host_broadcast).
     *
     * @return SENT or BACK_PRESSURE
     */
    public SendResult broadcast(int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        ensureOpen();
        checkLength(length);
        checkChannel(channel);
        if (onLoop()) {
            return loop.send(HostRecords.BROADCAST_HANDLE, channel, flags, data, offset, length) ? SendResult.SENT : backPressure();
        }
        return enqueueSend(HostRecords.BROADCAST_HANDLE, channel, flags, data, offset, length);
    }

    private static void checkChannel(int channel) {
        if (channel < 0 || channel >= EnetConfig.MAX_CHANNELS) {
            throw new IllegalArgumentException("channel " + channel + " must be 0..254");
        }
    }

    private SendResult enqueueSend(int handle, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        long at = commands.tryClaim(HostRecords.SEND, HostRecords.SEND_PAYLOAD + length);
        if (at < 0) {
            return backPressure();
        }
        BytesStore<?, ?> target = commands.target();
        target.writeInt(at + HostRecords.SEND_HANDLE, handle);
        target.writeInt(at + HostRecords.SEND_CHANNEL, channel);
        target.writeInt(at + HostRecords.SEND_FLAGS, flags);
        target.write(at + HostRecords.SEND_PAYLOAD, data, offset, length);
        commands.publish();
        loop.requestWake();
        return SendResult.SENT;
    }

    /** Graceful disconnect (enet_peer_disconnect): queued data is dropped; a disconnect event follows. */
    public void disconnect(int peer, int data) {
        requestDisconnect(peer, data, HostRecords.KIND_GRACEFUL);
    }

    /** Disconnect after everything queued is delivered (enet_peer_disconnect_later); an event follows. */
    public void disconnectLater(int peer, int data) {
        requestDisconnect(peer, data, HostRecords.KIND_LATER);
    }

    /** Immediate disconnect (enet_peer_disconnect_now): the remote is told once, unreliably; no event. */
    public void disconnectNow(int peer, int data) {
        requestDisconnect(peer, data, HostRecords.KIND_NOW);
    }

    /** Silent reset (enet_peer_reset): nothing is sent, the remote finds out by timeout; no event. */
    public void reset(int peer) {
        requestDisconnect(peer, 0, HostRecords.KIND_RESET);
    }

    private void requestDisconnect(int peer, int data, int kind) {
        ensureOpen();
        requireLoopIfInline();
        requireLive(peer);
        int slot = PeerHandles.slot(peer);
        sendable[slot] = false;
        if (kind == HostRecords.KIND_NOW || kind == HostRecords.KIND_RESET) {
            liveHandle[slot] = -1;
        }
        if (isInline()) {
            loop.disconnect(peer, data, kind);
            return;
        }
        long at = commands.claim(HostRecords.DISCONNECT, HostRecords.DISCONNECT_BYTES);
        BytesStore<?, ?> target = commands.target();
        target.writeInt(at + HostRecords.DISCONNECT_HANDLE, peer);
        target.writeInt(at + HostRecords.DISCONNECT_DATA, data);
        target.writeInt(at + HostRecords.DISCONNECT_KIND, kind);
        commands.publish();
        loop.requestWake();
    }

    /**
     * Sets how quickly a silent {@code peer} is declared dead (enet_peer_timeout plus
     * enet_peer_ping_interval). The peer is dropped once reliable data (pings included) has gone
     * unacknowledged for {@code maximumMillis}, or for {@code minimumMillis} once a retransmission
     * timeout has grown {@code limit} times past the first; an idle link is pinged every
     * {@code pingIntervalMillis}. 0 keeps ENet's default (32, 5000 ms, 30000 ms, 500 ms).
     *
     * @throws IllegalArgumentException for a negative value or a handle that is not live
     */
    public void timeout(int peer, int limit, int minimumMillis, int maximumMillis, int pingIntervalMillis) {
        ensureOpen();
        if (limit < 0 || minimumMillis < 0 || maximumMillis < 0 || pingIntervalMillis < 0) {
            throw new IllegalArgumentException("timeouts must be 0 (ENet's default) or positive: limit " + limit + ", minimum "
                    + minimumMillis + " ms, maximum " + maximumMillis + " ms, ping interval " + pingIntervalMillis + " ms");
        }
        requireLoopIfInline();
        requireLive(peer);
        if (isInline()) {
            loop.timeout(peer, limit, minimumMillis, maximumMillis, pingIntervalMillis);
            return;
        }
        long at = commands.claim(HostRecords.TIMEOUT, HostRecords.TIMEOUT_BYTES);
        BytesStore<?, ?> target = commands.target();
        target.writeInt(at + HostRecords.TIMEOUT_HANDLE, peer);
        target.writeInt(at + HostRecords.TIMEOUT_LIMIT, limit);
        target.writeInt(at + HostRecords.TIMEOUT_MINIMUM, minimumMillis);
        target.writeInt(at + HostRecords.TIMEOUT_MAXIMUM, maximumMillis);
        target.writeInt(at + HostRecords.TIMEOUT_PING, pingIntervalMillis);
        commands.publish();
        loop.requestWake();
    }

    /**
     * Configures the packet throttle of {@code peer} on both ends (enet_peer_throttle_configure:
     * applied here and sent to the remote as THROTTLE_CONFIGURE). The throttle drops unreliable
     * packets when round trips grow past their recent variance; a deceleration of 0 keeps it at its
     * maximum, so nothing is shed. ENet's defaults are 5000 ms, 2 and 2.
     *
     * @throws IllegalArgumentException for an interval below 1 ms, an acceleration or deceleration
     *     outside 0-32, or a handle that is not live
     */
    public void throttleConfigure(int peer, int intervalMillis, int acceleration, int deceleration) {
        ensureOpen();
        if (intervalMillis < 1 || acceleration < 0 || acceleration > 32 || deceleration < 0 || deceleration > 32) {
            throw new IllegalArgumentException("throttle interval must be at least 1 ms and acceleration and deceleration 0-32; got "
                    + intervalMillis + " ms, " + acceleration + ", " + deceleration);
        }
        requireLoopIfInline();
        requireLive(peer);
        if (isInline()) {
            loop.throttle(peer, intervalMillis, acceleration, deceleration);
            return;
        }
        long at = commands.claim(HostRecords.THROTTLE, HostRecords.THROTTLE_BYTES);
        BytesStore<?, ?> target = commands.target();
        target.writeInt(at + HostRecords.THROTTLE_HANDLE, peer);
        target.writeInt(at + HostRecords.THROTTLE_INTERVAL, intervalMillis);
        target.writeInt(at + HostRecords.THROTTLE_ACCELERATION, acceleration);
        target.writeInt(at + HostRecords.THROTTLE_DECELERATION, deceleration);
        commands.publish();
        loop.requestWake();
    }

    /** Whether this is an inline host's loop thread, where calls go straight to the engine. */
    private boolean onLoop() {
        return isInline() && socket.eventLoop().inEventLoop();
    }

    private void requireLoopIfInline() {
        if (isInline() && !socket.eventLoop().inEventLoop()) {
            throw new IllegalStateException("this host delivers its events inline: disconnect, timeout and throttleConfigure "
                    + "must be called from its listener (the event-loop thread); other threads may only send and broadcast");
        }
    }

    private void requireLive(int peer) {
        if (!isLive(peer)) {
            throw new IllegalArgumentException("peer " + peer + " is not a live connection of this host");
        }
    }

    /** Whether {@code peer} is connected and accepts sends (inline mode: exact only on the event-loop thread). */
    public boolean isConnected(int peer) {
        return isLive(peer) && sendable[PeerHandles.slot(peer)];
    }

    /** Whether {@code handle} names the connection its slot holds now (not an ended one's). */
    private boolean isLive(int handle) {
        return handle >= 0 && liveHandle[PeerHandles.slot(handle)] == handle;
    }

    /** The negotiated channel count of a connected {@code peer}. */
    public int channelCount(int peer) {
        return isConnected(peer) ? channels[PeerHandles.slot(peer)] : 0;
    }

    /** The remote endpoint ({@link Endpoints}) of a live {@code peer}, or 0. */
    public long endpoint(int peer) {
        return isLive(peer) ? endpoints[PeerHandles.slot(peer)] : 0;
    }

    /**
     * Delivers every event that has arrived to {@code listener} on this thread (peer ids in the
     * callbacks are handles). Payload views stay valid until the next call to service.
     *
     * @return the number of events delivered
     */
    public int service(EnetEventListener listener) {
        ensureOpen();
        if (isInline()) {
            throw new IllegalStateException("this host delivers its events inline to the listener given at create; "
                    + "there is nothing to service (create it without a listener factory to poll events instead)");
        }
        flushCommands();
        events.releaseConsumed();
        int delivered = 0;
        long at;
        while ((at = events.peek()) >= 0) {
            if (deliver(listener, at)) {
                delivered++;
            }
            events.advance();
        }
        return delivered;
    }

    /**
     * Like {@link #service(EnetEventListener)}, but when nothing has arrived waits up to
     * {@code timeoutMillis} for the first event (enet_host_service with a timeout).
     */
    public int service(EnetEventListener listener, long timeoutMillis) {
        int delivered = service(listener);
        if (delivered > 0 || timeoutMillis <= 0) {
            return delivered;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        loop.waiter = Thread.currentThread();
        try {
            long left;
            while (events.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
        } finally {
            loop.waiter = null;
        }
        return service(listener);
    }

    private boolean deliver(EnetEventListener listener, long at) {
        BytesStore<?, Void> memory = events.memory();
        int handle = memory.readInt(at + HostRecords.EVENT_HANDLE);
        switch (events.type()) {
            case HostRecords.CONNECTED -> {
                long endpoint = memory.readLong(at + HostRecords.EVENT_ENDPOINT);
                opened(handle, endpoint, memory.readInt(at + HostRecords.CONNECTED_CHANNELS));
                listener.connected(handle, endpoint, memory.readInt(at + HostRecords.EVENT_DATA));
                return true;
            }
            case HostRecords.DISCONNECTED -> {
                if (!ended(handle)) {
                    return false; // the caller reset it meanwhile
                }
                listener.disconnected(handle, memory.readLong(at + HostRecords.EVENT_ENDPOINT),
                        memory.readInt(at + HostRecords.EVENT_DATA));
                return true;
            }
            default -> {
                if (!isLive(handle)) {
                    return false;
                }
                long payload = at + HostRecords.RECEIVED_PAYLOAD;
                payloadView.readPositionRemaining(payload, events.bodyLength() - HostRecords.RECEIVED_PAYLOAD);
                listener.received(handle, memory.readInt(at + HostRecords.RECEIVED_CHANNEL),
                        memory.readInt(at + HostRecords.RECEIVED_FLAGS), payloadView);
                return true;
            }
        }
    }

    private void opened(int handle, long endpoint, int channelCount) {
        int slot = PeerHandles.slot(handle);
        liveHandle[slot] = handle;
        sendable[slot] = true;
        channels[slot] = channelCount;
        endpoints[slot] = endpoint;
    }

    /** Forgets a connection that ended; false when the caller had already let go of it. */
    private boolean ended(int handle) {
        if (!isLive(handle)) {
            return false;
        }
        int slot = PeerHandles.slot(handle);
        liveHandle[slot] = -1;
        sendable[slot] = false;
        return true;
    }

    /**
     * Inline mode: the loop's events, with the same bookkeeping as {@link #deliver}, passed to the
     * application's listener. An exception from the listener is counted and kept, not thrown into
     * the event loop, which must go on serving every other connection.
     */
    private final class InlineDelivery implements HostEvents {
        @Override
        public void connected(int handle, long endpoint, int data, int channelCount) {
            opened(handle, endpoint, channelCount);
            try {
                inlineListener.connected(handle, endpoint, data);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            if (!ended(handle)) {
                return;
            }
            try {
                inlineListener.disconnected(handle, endpoint, data);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            if (!isLive(handle)) {
                return;
            }
            try {
                inlineListener.received(handle, channel, flags, payload);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }

        private void listenerFailed(RuntimeException e) {
            listenerFailures++; // loop thread only; volatile for readers elsewhere
            lastListenerFailure = e;
        }
    }

    /** Inline mode: how many times the listener threw (the event was dropped, the host went on). */
    public long listenerFailures() {
        return listenerFailures;
    }

    /** Inline mode: the last exception the listener threw, or null. */
    public RuntimeException lastListenerFailure() {
        return lastListenerFailure;
    }

    /**
     * The client id in the connect token of {@code peer}'s session (a secure server's identity for
     * that client; it can feed an authentication callback), or -1 on a plain host.
     */
    public long tokenClientId(int peer) {
        return isLive(peer) ? loop.clientId(PeerHandles.slot(peer)) : -1;
    }

    /** Datagrams the secure layer opened and sealed (with their sizes on the wire) and dropped, by reason, or null on a plain host. Any thread. */
    public SecureStats secureStats() {
        return loop.secureStats();
    }

    /** Sends refused with BACK_PRESSURE (the command ring or the peer's outgoing queue was full). */
    public long backPressuredSends() {
        return backPressured;
    }

    /** Commands for connections that had ended by the time the event loop ran them. */
    public long staleCommands() {
        return loop.staleCommands();
    }

    /**
     * Sends accepted with SENT whose connection had ended (remotely or by timeout) by the time the
     * event loop ran them; their disconnect event follows. Nothing else can make the engine refuse.
     */
    public long rejectedSends() {
        return loop.rejectedSends();
    }

    /**
     * The engine's counters (datagrams and bytes each way, drops by reason, retransmissions). The
     * event loop updates them; read from another thread they may lag slightly behind.
     */
    public EnetEngineStats engineStats() {
        return loop.engineStats();
    }

    /** How often the event loop stopped reading because events were not drained fast enough. */
    public long readPauses() {
        return loop.readPauses();
    }

    private void flushCommands() {
        if (commands.hasOverflow()) {
            commands.flush();
            loop.requestWake();
        }
    }

    private void checkLength(int length) {
        if (length < 0 || length > maxPacketSize) {
            throw new IllegalArgumentException("a packet of " + length + " bytes is outside 0.." + maxPacketSize
                    + "; raise EnetConfig.maxPacketSize and the ring sizes in EnetHostOptions, or split it");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the host is closed; create a new one");
        }
    }

    /**
     * Drops every connection at once (enet_peer_disconnect_now, so the remotes are told), closes the
     * socket and frees the rings. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (onLoop()) {
            throw new IllegalStateException("close an inline host from another thread, not from inside its listener");
        }
        closed = true;
        flushCommands();
        try {
            socket.eventLoop().submit(loop::shutdown).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the event loop failed to shut the host down", e);
        } finally {
            socket.close();
            freeMemory();
        }
    }

    private void freeMemory() {
        commands.close();
        commandRing.close();
        payloadView.releaseLast();
        events.close();
        heapWrap.close();
        loopHeapWrap.close();
    }
}
