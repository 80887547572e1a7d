package dev.entitynet.transport.local;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.link.Datagram;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import net.openhft.chronicle.bytes.BytesStore;

/** The server (id 1) of a {@link LocalHub}. */
final class LocalServerPeer extends LocalMultiplayerPeer {
    private final Int2ObjectOpenHashMap<LocalConnection> admitted = new Int2ObjectOpenHashMap<>();
    /** Admitted connections in admission order, so broadcasts iterate without allocating. */
    private final ObjectArrayList<LocalConnection> admittedInOrder = new ObjectArrayList<>();

    LocalServerPeer(LocalHub hub, LocalPeerConfig config) {
        super(hub, config);
    }

    @Override
    public int uniqueId() {
        return PeerIds.SERVER;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return closed ? ConnectionStatus.DISCONNECTED : ConnectionStatus.CONNECTED;
    }

    /** Queues the packet on the links {@code target} selects. */
    @Override
    protected SendResult sendChecked(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        long now = hub.nanoTime();
        if (target > 0) {
            LocalConnection c = admitted.get(target);
            if (c == null) {
                return SendResult.UNKNOWN_PEER;
            }
            c.down.send(dataDatagram(target, mode, channel, data, offset, length), now);
            return SendResult.SENT;
        }
        for (int i = 0; i < admittedInOrder.size(); i++) {
            LocalConnection c = admittedInOrder.get(i);
            int id = c.client.uniqueId();
            if (PeerIds.targets(target, id)) {
                c.down.send(dataDatagram(id, mode, channel, data, offset, length), now);
            }
        }
        return SendResult.SENT;
    }

    @Override
    int drain(long now, PeerEventListener listener) {
        hub.pruneFinishedConnections();
        int events = 0;
        ObjectArrayList<LocalConnection> connections = hub.connections();
        for (int i = 0; i < connections.size(); i++) {
            LocalConnection c = connections.get(i);
            Datagram d;
            while ((d = c.up.line.pollDue(now)) != null) {
                events += handle(c, d, listener);
            }
        }
        return events;
    }

    private int handle(LocalConnection c, Datagram d, PeerEventListener listener) {
        switch (d.kind) {
            case MessageKind.DATA -> {
                if (c.accepted) {
                    return deliver(d, c.up, listener);
                }
                drop(d);
                return 0;
            }
            case MessageKind.CONNECT -> {
                consumed(d);
                return admit(c, listener);
            }
            case MessageKind.DISCONNECT -> {
                consumed(d);
                if (!c.accepted) {
                    return 0;
                }
                forget(c);
                listener.peerDisconnected(c.client.uniqueId());
                return 1;
            }
            default -> {
                drop(d);
                return 0;
            }
        }
    }

    private int admit(LocalConnection c, PeerEventListener listener) {
        int id = c.client.uniqueId();
        if (isRefusingNewConnections() || admitted.containsKey(id)) {
            sendControl(c.down, MessageKind.REFUSE, id);
            return 0;
        }
        c.accepted = true;
        admitted.put(id, c);
        admittedInOrder.add(c);
        sendControl(c.down, MessageKind.ACCEPT, id);
        listener.peerConnected(id);
        return 1;
    }

    private void forget(LocalConnection c) {
        c.accepted = false;
        admitted.remove(c.client.uniqueId());
        admittedInOrder.remove(c);
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
        LocalConnection c = admitted.get(peerId);
        if (c == null) {
            throw new IllegalArgumentException("peer " + peerId + " is not connected to this server; connected peers: " + admitted.keySet());
        }
        end(c, force);
        reportLocalDisconnect(peerId);
    }

    private void end(LocalConnection c, boolean force) {
        forget(c);
        if (force) {
            c.down.line.clear();
        }
        sendControl(c.down, MessageKind.DISCONNECT, c.client.uniqueId());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        while (!admittedInOrder.isEmpty()) {
            end(admittedInOrder.get(0), true);
        }
        ObjectArrayList<LocalConnection> connections = hub.connections();
        for (int i = 0; i < connections.size(); i++) {
            LocalConnection c = connections.get(i);
            if (c.client.connectionStatus() == ConnectionStatus.CONNECTING) {
                sendControl(c.down, MessageKind.REFUSE, c.client.uniqueId());
            }
        }
        closed = true;
        releaseBuffers();
    }
}
