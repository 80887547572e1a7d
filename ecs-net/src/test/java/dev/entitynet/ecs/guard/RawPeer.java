package dev.entitynet.ecs.guard;

import dev.entitynet.ecs.protocol.Hello;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;

import java.util.ArrayList;
import java.util.List;

/** A transport peer driven by hand: the hostile side of the bad-input tests. */
final class RawPeer implements PeerEventListener {
    final MultiplayerPeer peer;
    final List<byte[]> received = new ArrayList<>();
    final IntArrayList connected = new IntArrayList();
    final IntArrayList disconnected = new IntArrayList();

    RawPeer(MultiplayerPeer peer) {
        this.peer = peer;
    }

    void poll() {
        peer.poll(this);
    }

    void hello(int target, long fingerprint) {
        Bytes<?> hello = Bytes.allocateElasticDirect(32);
        Hello.write(hello, fingerprint);
        peer.send(target, TransferMode.RELIABLE, 0, hello);
        hello.releaseLast();
    }

    void send(int target, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        peer.send(target, TransferMode.RELIABLE, 0, data, 0, data.length);
    }

    void sendBytes(int target, byte[] data) {
        peer.send(target, TransferMode.RELIABLE, 0, data, 0, data.length);
    }

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
        received.add(packet.toByteArray());
    }
}
