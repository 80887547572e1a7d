package dev.entitynet.transport.local;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.link.Datagram;
import net.openhft.chronicle.bytes.BytesStore;

/** A client of a {@link LocalHub}: it can reach only the server, which may relay for it. */
final class LocalClientPeer extends LocalMultiplayerPeer {
    private final int id;
    private final int channels;
    private ConnectionStatus status = ConnectionStatus.CONNECTING;
    private LocalConnection connection;

    LocalClientPeer(LocalHub hub, LocalPeerConfig config, int id, int serverChannels) {
        super(hub, config);
        this.id = id;
        this.channels = Math.min(config.channels(), serverChannels);
    }

    /** Sends the connection request; called once the hub has wired the links. */
    void connect(LocalConnection c) {
        this.connection = c;
        sendControl(c.up, MessageKind.CONNECT, PeerIds.SERVER);
    }

    @Override
    public int uniqueId() {
        return id;
    }

    /** The fewer of this client's and the server's channels, as a handshake would agree. */
    @Override
    public int channelCount() {
        return channels;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return status;
    }

    /** Whether this client is finished with its connection (refused, disconnected or closed). */
    boolean isDone() {
        return status == ConnectionStatus.DISCONNECTED;
    }

    /** Queues the packet on the links {@code target} selects. */
    @Override
    protected SendResult sendChecked(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        if (status != ConnectionStatus.CONNECTED) {
            return SendResult.NOT_CONNECTED;
        }
        if (target > PeerIds.SERVER) {
            return SendResult.UNKNOWN_PEER;
        }
        if (target == -PeerIds.SERVER) {
            return SendResult.SENT;
        }
        connection.up.send(dataDatagram(PeerIds.SERVER, mode, channel, data, offset, length), hub.nanoTime());
        return SendResult.SENT;
    }

    @Override
    int drain(long now, PeerEventListener listener) {
        int events = 0;
        Datagram d;
        while ((d = connection.down.line.pollDue(now)) != null) {
            events += handle(d, listener);
        }
        return events;
    }

    private int handle(Datagram d, PeerEventListener listener) {
        switch (d.kind) {
            case MessageKind.DATA -> {
                if (status == ConnectionStatus.CONNECTED) {
                    return deliver(d, connection.down, listener);
                }
                drop(d);
                return 0;
            }
            case MessageKind.ACCEPT -> {
                consumed(d);
                if (status != ConnectionStatus.CONNECTING) {
                    return 0;
                }
                status = ConnectionStatus.CONNECTED;
                listener.peerConnected(PeerIds.SERVER);
                return 1;
            }
            case MessageKind.REFUSE -> {
                consumed(d);
                if (status == ConnectionStatus.CONNECTING) {
                    status = ConnectionStatus.DISCONNECTED;
                }
                return 0;
            }
            case MessageKind.DISCONNECT -> {
                consumed(d);
                if (status != ConnectionStatus.CONNECTED) {
                    return 0;
                }
                status = ConnectionStatus.DISCONNECTED;
                listener.peerDisconnected(PeerIds.SERVER);
                return 1;
            }
            default -> {
                drop(d);
                return 0;
            }
        }
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
        if (peerId != PeerIds.SERVER || status != ConnectionStatus.CONNECTED) {
            throw new IllegalArgumentException("peer " + peerId + " is not connected to this client; a connected client can disconnect only from the server (1)");
        }
        leave(force);
        reportLocalDisconnect(PeerIds.SERVER);
    }

    private void leave(boolean force) {
        if (force) {
            connection.up.line.clear();
        }
        sendControl(connection.up, MessageKind.DISCONNECT, PeerIds.SERVER);
        status = ConnectionStatus.DISCONNECTED;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (status != ConnectionStatus.DISCONNECTED) {
            leave(true);
        }
        closed = true;
        releaseBuffers();
    }
}
