package dev.entitynet.replication;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * A server transport whose clients exist only to be sent to: they connect on the first poll, answer
 * the server's hello with the same hello (so the SceneMultiplayer admits them), and swallow
 * everything else, counting bytes. Lets a benchmark measure the whole replication tick of a
 * server (SceneMultiplayer + SceneReplication) without any transport cost, and a test measure a
 * server tick's allocation without a transport's.
 */
public final class EchoingClientsPeer implements MultiplayerPeer {
    private final int[] clients;
    private final Bytes<?>[] hellos;
    private final boolean[] answered;
    private final ReceivedPacket received = new ReceivedPacket();
    private boolean connected;
    private long bytes;
    private long packets;

    /** Clients 1000, 1001, ... that connect on the first poll. */
    public EchoingClientsPeer(int clientCount) {
        clients = new int[clientCount];
        hellos = new Bytes<?>[clientCount];
        answered = new boolean[clientCount];
        for (int i = 0; i < clientCount; i++) {
            clients[i] = 1000 + i;
        }
    }

    /** Bytes sent to clients so far. */
    public long bytes() {
        return bytes;
    }

    /** Packets sent to clients so far. */
    public long packets() {
        return packets;
    }

    @Override
    public int uniqueId() {
        return PeerIds.SERVER;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return ConnectionStatus.CONNECTED;
    }

    @Override
    public int channelCount() {
        return 2;
    }

    @Override
    public int maxPacketSize() {
        return 1 << 20;
    }

    @Override
    public boolean isServerRelaySupported() {
        return true;
    }

    @Override
    public boolean isRefusingNewConnections() {
        return false;
    }

    @Override
    public void setRefuseNewConnections(boolean refuse) {
    }

    @Override
    public SendResult send(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        for (int i = 0; i < clients.length; i++) {
            if (!PeerIds.targets(target, clients[i])) {
                continue;
            }
            bytes += length;
            packets++;
            if (hellos[i] == null) { // the first packet to a client is the server's hello: echo it
                Bytes<Void> hello = Bytes.allocateElasticDirect(length);
                hello.write(data, offset, length);
                hellos[i] = hello;
            }
        }
        return SendResult.SENT;
    }

    @Override
    public SendResult send(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        return send(target, mode, channel, BytesStore.wrap(data), offset, length);
    }

    @Override
    public int poll(PeerEventListener listener) {
        int events = 0;
        if (!connected) {
            connected = true;
            for (int client : clients) {
                listener.peerConnected(client);
                events++;
            }
        }
        for (int i = 0; i < clients.length; i++) {
            if (hellos[i] != null && !answered[i]) {
                answered[i] = true;
                listener.packetReceived(received.set(clients[i], TransferMode.RELIABLE, 0, hellos[i]));
                events++;
            }
        }
        return events;
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
    }

    @Override
    public void close() {
        for (Bytes<?> hello : hellos) {
            if (hello != null) {
                hello.releaseLast();
            }
        }
    }
}
