package dev.entitynet.transport.enet;

import dev.entitynet.transport.enet.engine.Host;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The sans-I/O ENet 1.3 protocol state machine: datagrams and the current time go in, datagrams and
 * events come out. Wire-compatible with libenet 1.3.17. Single-threaded; never reads a clock or
 * touches a socket. Peer ids are slot indices 0..peerLimit-1, reused lowest first.
 *
 * <p>Drive it like {@code enet_host_service}: feed every datagram to {@link #receive}, then call
 * {@link #service} (at the latest at {@link #nextServiceMillis}) to send acknowledgements,
 * retransmissions, pings and queued packets, then {@link #pollEvents}. Nothing from the network
 * throws: bad input is dropped and counted in {@link #stats()} by {@link DropReason}. Steady-state
 * traffic allocates nothing: commands and payload buffers are pooled.
 */
public final class EnetEngine implements AutoCloseable {
    private final Host host;

    /** An engine with {@code config}'s slots and limits; {@code seed} drives connect-id generation. */
    public EnetEngine(EnetConfig config, long seed) {
        this.host = new Host(config, seed);
    }

    /** The settings this engine runs with. */
    public EnetConfig config() {
        return host.config();
    }

    /** Feeds one datagram received from {@code endpoint}. Never throws for bad input: drops and counts. */
    public void receive(long endpoint, BytesStore<?, ?> data, long offset, int length, long nowMillis) {
        host.receive(endpoint, data, offset, length, nowMillis);
    }

    /** Runs timers (retransmits, pings, timeouts, bandwidth throttle) and sends everything queued. */
    public void service(long nowMillis, DatagramOutput out) {
        host.service(nowMillis, out);
    }

    /** Delivers queued events; returns how many. */
    public int pollEvents(EnetEventListener listener) {
        return host.pollEvents(listener);
    }

    /** Starts a connection; returns the local peer id (slot), or -1 when no slot is free. */
    public int connect(long endpoint, int channelCount, int data, long nowMillis) {
        return host.connect(endpoint, channelCount, data, nowMillis);
    }

    /**
     * Queues a packet; the bytes are copied. Returns false (and counts) when it cannot be queued:
     * no connection, a bad channel, too large, or the peer's outgoing queue would pass
     * {@link EnetConfig#maxQueuedBytesPerPeer()} ({@link DropReason#QUEUE_FULL}; see {@link #queuedBytes}).
     */
    public boolean send(int peerId, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        return host.send(peerId, channel, flags, data, offset, length);
    }

    /** Bytes queued to {@code peerId} and not yet acknowledged (commands queued, in flight or waiting for retransmission). */
    public long queuedBytes(int peerId) {
        return host.queuedBytes(peerId);
    }

    /** The id {@code peerId}'s remote assigned us for our headers (0xFFF before its handshake answer). */
    public int outgoingPeerId(int peerId) {
        return host.outgoingPeerId(peerId);
    }

    /** The session id we put in our headers to {@code peerId}. */
    public int outgoingSessionId(int peerId) {
        return host.outgoingSessionId(peerId);
    }

    /** Graceful disconnect (enet_peer_disconnect). */
    public void disconnect(int peerId, int data) {
        host.disconnect(peerId, data);
    }

    /** Immediate disconnect (enet_peer_disconnect_now). */
    public void disconnectNow(int peerId, int data) {
        host.disconnectNow(peerId, data);
    }

    /** Disconnect once queued data is acknowledged (enet_peer_disconnect_later). */
    public void disconnectLater(int peerId, int data) {
        host.disconnectLater(peerId, data);
    }

    /** Silent reset (enet_peer_reset): sends nothing, no event. */
    public void reset(int peerId) {
        host.reset(peerId);
    }

    /** The engine's counters. */
    public EnetEngineStats stats() {
        return host.stats();
    }

    /** Whether {@code peerId} is connected. */
    public boolean isConnected(int peerId) {
        return host.isConnected(peerId);
    }

    /** The negotiated channel count of {@code peerId}. */
    public int channelCount(int peerId) {
        return host.channelCount(peerId);
    }

    /** The remote endpoint of {@code peerId}. */
    public long endpoint(int peerId) {
        return host.endpoint(peerId);
    }

    /** The smoothed round-trip time of {@code peerId}. */
    public int roundTripTimeMillis(int peerId) {
        return host.roundTripTimeMillis(peerId);
    }

    /** When {@link #service} should run next at the latest. */
    public long nextServiceMillis(long nowMillis) {
        return host.nextServiceMillis(nowMillis);
    }

    /** enet_peer_throttle_configure: sets the packet throttle locally and sends THROTTLE_CONFIGURE. */
    public void throttleConfigure(int peerId, int intervalMillis, int acceleration, int deceleration) {
        host.throttleConfigure(peerId, intervalMillis, acceleration, deceleration);
    }

    /** enet_peer_timeout: limit (32), minimum (5000 ms) and maximum (30000 ms); 0 keeps a default. */
    public void timeout(int peerId, int limit, int minimumMillis, int maximumMillis) {
        host.timeout(peerId, limit, minimumMillis, maximumMillis);
    }

    /** enet_peer_ping_interval: how long a link may be idle before a PING (500 ms; 0 = default). */
    public void pingInterval(int peerId, int millis) {
        host.pingInterval(peerId, millis);
    }

    /** The negotiated MTU of {@code peerId}. */
    public int mtu(int peerId) {
        return host.mtu(peerId);
    }

    /** The current packet throttle of {@code peerId}, 0..32 (32 = no unreliable packet is dropped). */
    public int packetThrottle(int peerId) {
        return host.packetThrottle(peerId);
    }

    /** The reliable send window of {@code peerId} in bytes. */
    public int windowSize(int peerId) {
        return host.windowSize(peerId);
    }

    /** Whether the slot is in use at all (handshakes and disconnects in progress included). */
    public boolean isActive(int peerId) {
        return host.isActive(peerId);
    }

    /** Server-side handshakes in progress (VERIFY_CONNECT sent, the client's address not yet proven); they hold no slot. */
    public int halfOpenConnections() {
        return host.halfOpenConnections();
    }

    /** Pooled outgoing commands currently queued or in flight: returns to 0 when everything is acknowledged. */
    public int outgoingCommandsInUse() {
        return host.outgoingCommandsInUse();
    }

    /** Pooled incoming commands currently buffered or waiting in the event queue. */
    public int incomingCommandsInUse() {
        return host.incomingCommandsInUse();
    }

    /**
     * Bytes of received data charged against {@link EnetConfig#maxBufferedBytes()} now: fragment
     * groups being reassembled, commands waiting for an earlier one, and packets not yet polled.
     */
    public long bufferedBytes() {
        return host.bufferedBytes();
    }

    /** Direct memory the engine keeps in free receive buffers for reuse (a small fixed reserve at most). */
    public long pooledBytes() {
        return host.pooledBytes();
    }

    /** The last engine bug caught at the receive/service boundary (counted as INTERNAL_ERROR), or null. */
    public Throwable lastInternalError() {
        return host.lastInternalError();
    }

    /** Frees all buffers; the engine cannot be used afterwards. */
    @Override
    public void close() {
        host.close();
    }
}
