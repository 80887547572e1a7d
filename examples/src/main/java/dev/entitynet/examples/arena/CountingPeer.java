package dev.entitynet.examples.arena;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * A {@link MultiplayerPeer} that counts the payload bytes going through it: what the multiplayer
 * layer hands to the transport and what the transport delivers. ENet's own headers, acks and
 * retransmissions are not included. Counters are read on the thread that polls.
 */
public final class CountingPeer implements MultiplayerPeer {
    private final MultiplayerPeer inner;
    private final Forwarder forwarder = new Forwarder();
    private long bytesIn;
    private long bytesOut;

    /** Counts what goes through {@code inner}. */
    public CountingPeer(MultiplayerPeer inner) {
        this.inner = inner;
    }

    /** The wrapped transport. */
    public MultiplayerPeer inner() {
        return inner;
    }

    /** Payload bytes received so far. */
    public long bytesIn() {
        return bytesIn;
    }

    /** Payload bytes accepted for sending so far (a broadcast counts once). */
    public long bytesOut() {
        return bytesOut;
    }

    @Override
    public int uniqueId() {
        return inner.uniqueId();
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return inner.connectionStatus();
    }

    @Override
    public int channelCount() {
        return inner.channelCount();
    }

    @Override
    public int maxPacketSize() {
        return inner.maxPacketSize();
    }

    @Override
    public boolean isServerRelaySupported() {
        return inner.isServerRelaySupported();
    }

    @Override
    public boolean isRefusingNewConnections() {
        return inner.isRefusingNewConnections();
    }

    @Override
    public void setRefuseNewConnections(boolean refuse) {
        inner.setRefuseNewConnections(refuse);
    }

    @Override
    public SendResult send(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        return counted(inner.send(target, mode, channel, data, offset, length), length);
    }

    @Override
    public SendResult send(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        return counted(inner.send(target, mode, channel, data, offset, length), length);
    }

    private SendResult counted(SendResult result, int length) {
        if (result == SendResult.SENT) {
            bytesOut += length;
        }
        return result;
    }

    @Override
    public int poll(PeerEventListener listener) {
        forwarder.target = listener;
        try {
            return inner.poll(forwarder);
        } finally {
            forwarder.target = null;
        }
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
        inner.disconnectPeer(peerId, force);
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Passes events on, counting received bytes; one instance, so polling allocates nothing. */
    private final class Forwarder implements PeerEventListener {
        PeerEventListener target;

        @Override
        public void peerConnected(int peerId) {
            target.peerConnected(peerId);
        }

        @Override
        public void peerDisconnected(int peerId) {
            target.peerDisconnected(peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            bytesIn += packet.remaining();
            target.packetReceived(packet);
        }
    }
}
