package dev.entitynet.transport.testing;

import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.TransferMode;

import java.util.ArrayList;
import java.util.List;

/** Records every event a peer delivers, copying packets, for assertions in tests. */
public final class RecordingListener implements PeerEventListener {
    /** One received packet, copied out of the transport's reusable view. */
    public record Packet(int sender, TransferMode mode, int channel, byte[] payload) {
        /** The first four payload bytes as a little-endian int (tests write sequence numbers there). */
        public int firstInt() {
            return (payload[0] & 0xFF) | (payload[1] & 0xFF) << 8 | (payload[2] & 0xFF) << 16 | (payload[3] & 0xFF) << 24;
        }
    }

    public final List<Integer> connected = new ArrayList<>();
    public final List<Integer> disconnected = new ArrayList<>();
    public final List<Packet> packets = new ArrayList<>();

    @Override
    public void peerConnected(int peerId) {
        connected.add(peerId);
    }

    @Override
    public void peerDisconnected(int peerId) {
        disconnected.add(peerId);
    }

    @Override
    public void packetReceived(ReceivedPacket packet) {
        packets.add(new Packet(packet.senderId(), packet.mode(), packet.channel(), packet.toByteArray()));
    }

    /** Packets received with {@code mode} on {@code channel}, in arrival order. */
    public List<Packet> packets(TransferMode mode, int channel) {
        List<Packet> selected = new ArrayList<>();
        for (Packet p : packets) {
            if (p.mode == mode && p.channel == channel) {
                selected.add(p);
            }
        }
        return selected;
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        connected.clear();
        disconnected.clear();
        packets.clear();
    }
}
