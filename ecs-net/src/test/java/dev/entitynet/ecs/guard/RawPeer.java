package dev.entitynet.ecs.guard;

import dev.entitynet.ecs.protocol.Hello;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.testing.RecordingListener;
import net.openhft.chronicle.bytes.Bytes;

import java.util.List;

/** A transport peer driven by hand: the hostile side of the bad-input tests. */
final class RawPeer {
    final MultiplayerPeer peer;
    private final RecordingListener events = new RecordingListener();
    /** Peers that left, as this peer saw it. */
    final List<Integer> disconnected = events.disconnected;

    RawPeer(MultiplayerPeer peer) {
        this.peer = peer;
    }

    void poll() {
        peer.poll(events);
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
}
