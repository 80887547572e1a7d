package dev.entitynet.transport.enet;

import net.openhft.chronicle.bytes.BytesStore;

/**
 * The sans-I/O ENet 1.3 protocol state machine: datagrams and the current time go in, datagrams and
 * events come out. Wire-compatible with libenet 1.3.17. Single-threaded; never reads a clock or
 * touches a socket. Peer ids are slot indices 0..peerLimit-1.
 */
public final class EnetEngine implements AutoCloseable {
    private static final String NOT_YET = "the ENet engine is still being built on branch enet-engine: ";

    /** An engine with {@code config}'s slots and limits; {@code seed} drives connect-id generation. */
    public EnetEngine(EnetConfig config, long seed) {
        java.util.Objects.requireNonNull(config, "config");
    }

    /** Feeds one datagram received from {@code endpoint}. Never throws for bad input: drops and counts. */
    public void receive(long endpoint, BytesStore<?, ?> data, long offset, int length, long nowMillis) {
        throw new UnsupportedOperationException(NOT_YET + "receive");
    }

    /** Runs timers (retransmits, pings, timeouts, bandwidth throttle) and sends everything queued. */
    public void service(long nowMillis, DatagramOutput out) {
        throw new UnsupportedOperationException(NOT_YET + "service");
    }

    /** Delivers queued events; returns how many. */
    public int pollEvents(EnetEventListener listener) {
        throw new UnsupportedOperationException(NOT_YET + "pollEvents");
    }

    /** Starts a connection; returns the local peer id (slot), or -1 when no slot is free. */
    public int connect(long endpoint, int channelCount, int data, long nowMillis) {
        throw new UnsupportedOperationException(NOT_YET + "connect");
    }

    /** Queues a packet; the bytes are copied. Returns false (and counts) when it cannot be queued. */
    public boolean send(int peerId, int channel, int flags, BytesStore<?, ?> data, long offset, int length) {
        throw new UnsupportedOperationException(NOT_YET + "send");
    }

    /** Graceful disconnect (enet_peer_disconnect). */
    public void disconnect(int peerId, int data) {
        throw new UnsupportedOperationException(NOT_YET + "disconnect");
    }

    /** Immediate disconnect (enet_peer_disconnect_now). */
    public void disconnectNow(int peerId, int data) {
        throw new UnsupportedOperationException(NOT_YET + "disconnectNow");
    }

    /** Disconnect once queued data is acknowledged (enet_peer_disconnect_later). */
    public void disconnectLater(int peerId, int data) {
        throw new UnsupportedOperationException(NOT_YET + "disconnectLater");
    }

    /** Silent reset (enet_peer_reset): sends nothing, no event. */
    public void reset(int peerId) {
        throw new UnsupportedOperationException(NOT_YET + "reset");
    }

    /** The engine's counters. */
    public EnetEngineStats stats() {
        throw new UnsupportedOperationException(NOT_YET + "stats");
    }

    /** Whether {@code peerId} is connected. */
    public boolean isConnected(int peerId) {
        throw new UnsupportedOperationException(NOT_YET + "isConnected");
    }

    /** The negotiated channel count of {@code peerId}. */
    public int channelCount(int peerId) {
        throw new UnsupportedOperationException(NOT_YET + "channelCount");
    }

    /** The remote endpoint of {@code peerId}. */
    public long endpoint(int peerId) {
        throw new UnsupportedOperationException(NOT_YET + "endpoint");
    }

    /** The smoothed round-trip time of {@code peerId}. */
    public int roundTripTimeMillis(int peerId) {
        throw new UnsupportedOperationException(NOT_YET + "roundTripTimeMillis");
    }

    /** When {@link #service} should run next at the latest. */
    public long nextServiceMillis(long nowMillis) {
        throw new UnsupportedOperationException(NOT_YET + "nextServiceMillis");
    }

    /** Frees all buffers; the engine cannot be used afterwards. */
    @Override
    public void close() {
    }
}
