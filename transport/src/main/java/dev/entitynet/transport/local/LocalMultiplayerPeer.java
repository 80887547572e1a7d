package dev.entitynet.transport.local;

import dev.entitynet.transport.AbstractMultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.link.Datagram;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.Arrays;

/**
 * A peer on a {@link LocalHub}: the in-process transport for fast, deterministic tests of the
 * layers above. All peers of one hub must be used from one thread.
 */
public abstract sealed class LocalMultiplayerPeer extends AbstractMultiplayerPeer permits LocalServerPeer, LocalClientPeer {
    final LocalHub hub;
    final LocalPeerConfig config;
    boolean closed;
    private long droppedPackets;

    private final ReceivedPacket view = new ReceivedPacket();
    private Datagram[] delivered = new Datagram[16];
    private int deliveredCount;

    LocalMultiplayerPeer(LocalHub hub, LocalPeerConfig config) {
        this.hub = hub;
        this.config = config;
    }

    @Override
    public int channelCount() {
        return config.channels();
    }

    @Override
    public int maxPacketSize() {
        return config.maxPacketSize();
    }

    @Override
    public boolean isServerRelaySupported() {
        return true;
    }

    @Override
    protected final boolean isClosed() {
        return closed;
    }

    /** Packets that arrived but were not delivered: stale ordered ones, or from peers not connected. */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** Delivers nothing once closed, as in Godot. */
    @Override
    public final int poll(PeerEventListener listener) {
        if (closed) {
            return 0;
        }
        recycleDelivered();
        int events = deliverLocalDisconnects(listener);
        return events + drain(hub.nanoTime(), listener);
    }

    /** Handles every datagram due at {@code now}; returns the number of events delivered. */
    abstract int drain(long now, PeerEventListener listener);

    /** A datagram for {@code link} filled with a data packet. */
    Datagram dataDatagram(int to, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        Datagram d = hub.pool().acquire().payload(data, offset, length);
        d.kind = MessageKind.DATA;
        d.from = uniqueId();
        d.to = to;
        d.mode = mode.id();
        d.channel = channel;
        return d;
    }

    /** Sends a control message on the system stream, after everything reliable sent before it. */
    void sendControl(LocalLink link, int kind, int to) {
        Datagram d = hub.pool().acquire();
        d.kind = kind;
        d.from = uniqueId();
        d.to = to;
        d.mode = TransferMode.RELIABLE.id();
        link.line.sendReliable(d, hub.nanoTime(), dev.entitynet.transport.link.DelayLine.SYSTEM_STREAM);
    }

    /** Delivers a data datagram if its link admits it; returns 1 if an event was delivered. */
    int deliver(Datagram d, LocalLink link, PeerEventListener listener) {
        if (!link.admit(d)) {
            drop(d);
            return 0;
        }
        if (deliveredCount == delivered.length) {
            delivered = Arrays.copyOf(delivered, deliveredCount * 2);
        }
        delivered[deliveredCount++] = d;
        d.data().readPosition(0);
        listener.packetReceived(view.set(d.from, TransferMode.ofId(d.mode), d.channel, d.data()));
        return 1;
    }

    /** Counts and recycles a datagram that will not be delivered. */
    void drop(Datagram d) {
        droppedPackets++;
        hub.pool().release(d);
    }

    /** Returns a control datagram to the pool once handled. */
    void consumed(Datagram d) {
        hub.pool().release(d);
    }

    private void recycleDelivered() {
        for (int i = 0; i < deliveredCount; i++) {
            hub.pool().release(delivered[i]);
            delivered[i] = null;
        }
        deliveredCount = 0;
    }

    /** Frees this peer's own buffers; the hub's pool keeps the datagrams. */
    void releaseBuffers() {
        recycleDelivered();
        releaseHeapSendScratch();
    }
}
