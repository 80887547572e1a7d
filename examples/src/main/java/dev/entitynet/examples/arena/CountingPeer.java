package dev.entitynet.examples.arena;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * A {@link MultiplayerPeer} that counts the payload bytes going through it: what the multiplayer
 * layer hands to the transport and what the transport delivers. ENet's own headers, acks and
 * retransmissions are not included. Bytes are also counted per remote peer (a broadcast counts
 * for every connected peer it reaches), so a server can tell its clients apart. Counters are read
 * on the thread that polls; once a peer has been seen, counting allocates nothing.
 */
public final class CountingPeer implements MultiplayerPeer {
    private final MultiplayerPeer inner;
    private final Forwarder forwarder = new Forwarder();
    private long bytesIn;
    private long bytesOut;
    private final IntArrayList connected = new IntArrayList();
    private final Int2LongOpenHashMap bytesFrom = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap bytesTo = new Int2LongOpenHashMap();

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

    /** Payload bytes received from {@code peerId} so far (kept after it disconnects). */
    public long bytesFrom(int peerId) {
        return bytesFrom.get(peerId);
    }

    /** Payload bytes accepted for sending to {@code peerId} so far (kept after it disconnects). */
    public long bytesTo(int peerId) {
        return bytesTo.get(peerId);
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
        return counted(inner.send(target, mode, channel, data, offset, length), target, length);
    }

    @Override
    public SendResult send(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        return counted(inner.send(target, mode, channel, data, offset, length), target, length);
    }

    private SendResult counted(SendResult result, int target, int length) {
        if (result == SendResult.SENT) {
            bytesOut += length;
            for (int i = 0; i < connected.size(); i++) {
                int peer = connected.getInt(i);
                if (PeerIds.targets(target, peer)) {
                    bytesTo.addTo(peer, length);
                }
            }
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
            connected.add(peerId);
            target.peerConnected(peerId);
        }

        @Override
        public void peerDisconnected(int peerId) {
            connected.rem(peerId);
            target.peerDisconnected(peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            bytesIn += packet.remaining();
            bytesFrom.addTo(packet.senderId(), packet.remaining());
            target.packetReceived(packet);
        }
    }
}
