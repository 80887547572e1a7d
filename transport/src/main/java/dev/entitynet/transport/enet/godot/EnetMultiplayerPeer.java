package dev.entitynet.transport.enet.godot;

import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.AbstractMultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.enet.EnetConfig;
import dev.entitynet.transport.enet.EnetEventListener;
import dev.entitynet.transport.enet.host.EnetHost;
import dev.entitynet.transport.enet.host.EnetHostOptions;
import dev.entitynet.transport.enet.host.HeapWrap;
import dev.entitynet.transport.enet.host.PeerHandles;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Godot 4's {@code ENetMultiplayerPeer} over an {@link EnetHost}: the same channel and flag mapping
 * ({@link GodotChannels}), the client sends its randomly drawn id as the CONNECT data, the server
 * accepts only ids of at least 2 that are not in use (others, and everyone while refusing new
 * connections, are reset without a word, exactly as Godot does), and the server is id 1.
 * Interoperates with Godot 4 games using ENet without DTLS.
 *
 * <p>Clients only talk to the server; {@link #isServerRelaySupported()} is true, so the layer
 * above relays client-to-client traffic through it.
 */
public final class EnetMultiplayerPeer extends AbstractMultiplayerPeer {
    private final EnetHost host;
    private final int uniqueId;
    private final boolean server;
    private final int requestedUserChannels;
    private final ReceivedPacket view = new ReceivedPacket();
    private final HostEvents hostEvents = new HostEvents();
    private final HeapWrap heapWrap = new HeapWrap();

    // Server: connected client ids, both ways, and in connection order for broadcasts.
    private final Int2IntOpenHashMap handleById = new Int2IntOpenHashMap();
    private final int[] idBySlot = new int[PeerHandles.SLOTS];
    private final int[] handleBySlot = new int[PeerHandles.SLOTS];
    private final IntArrayList connectedIds = new IntArrayList();

    // Client: the connection to the server.
    private int serverHandle = -1;
    private ConnectionStatus status;
    private boolean closed;
    private long refusedConnections;
    private long backPressured;

    private EnetMultiplayerPeer(EnetHost host, int uniqueId, int requestedUserChannels) {
        this.host = host;
        this.uniqueId = uniqueId;
        this.server = uniqueId == PeerIds.SERVER;
        this.requestedUserChannels = requestedUserChannels;
        this.status = server ? ConnectionStatus.CONNECTED : ConnectionStatus.CONNECTING;
        handleById.defaultReturnValue(-1);
        Arrays.fill(handleBySlot, -1);
    }

    /**
     * Godot's {@code create_server(port, max_clients, max_channels, in_bandwidth, out_bandwidth)}:
     * a server on every IPv4 interface. {@code maxChannels} 0 allows ENet's maximum.
     */
    public static EnetMultiplayerPeer createServer(int port, int maxClients, int maxChannels, int inBandwidth, int outBandwidth) {
        return createServer(new InetSocketAddress("0.0.0.0", port), maxClients, maxChannels, inBandwidth, outBandwidth,
                EnetHostOptions.defaults());
    }

    /** A server bound to {@code bind} (port 0 = any free port), with explicit host options. */
    public static EnetMultiplayerPeer createServer(InetSocketAddress bind, int maxClients, int maxChannels, int inBandwidth,
                                                   int outBandwidth, EnetHostOptions options) {
        int enetChannels = GodotChannels.enetChannelCount(maxChannels);
        EnetConfig config = EnetConfig.defaults().withPeerLimit(maxClients).withChannelLimit(enetChannels)
                .withBandwidth(inBandwidth, outBandwidth);
        return new EnetMultiplayerPeer(EnetHost.create(config, bind, options), PeerIds.SERVER, enetChannels - 1);
    }

    /**
     * Godot's {@code create_client(address, port, channel_count, in_bandwidth, out_bandwidth,
     * local_port)}: connects to {@code host:port} asking for {@code channelCount} user channels
     * (0 = ENet's maximum) from {@code localPort} (0 = any).
     */
    public static EnetMultiplayerPeer createClient(String host, int port, int channelCount, int inBandwidth, int outBandwidth,
                                                   int localPort) {
        return createClient(new InetSocketAddress(host, port), channelCount, inBandwidth, outBandwidth,
                new InetSocketAddress("0.0.0.0", localPort), EnetHostOptions.defaults(), new SecureRandom());
    }

    /** A client with explicit bind address, host options and id source. */
    public static EnetMultiplayerPeer createClient(InetSocketAddress server, int channelCount, int inBandwidth, int outBandwidth,
                                                   InetSocketAddress bind, EnetHostOptions options, RandomGenerator ids) {
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + server.getHostString());
        }
        int enetChannels = GodotChannels.enetChannelCount(channelCount);
        EnetConfig config = EnetConfig.defaults().withPeerLimit(1).withChannelLimit(enetChannels)
                .withBandwidth(inBandwidth, outBandwidth);
        int id = PeerIds.generateUniqueId(ids);
        EnetHost host = EnetHost.create(config, bind, options);
        EnetMultiplayerPeer peer = new EnetMultiplayerPeer(host, id, enetChannels - 1);
        try {
            peer.serverHandle = host.connect(server, enetChannels, id);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        return peer;
    }

    /** The host underneath, for its address and counters. */
    public EnetHost host() {
        return host;
    }

    @Override
    public int uniqueId() {
        return uniqueId;
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return closed ? ConnectionStatus.DISCONNECTED : status;
    }

    @Override
    public int channelCount() {
        if (!server && host.isConnected(serverHandle)) {
            return host.channelCount(serverHandle) - 1;
        }
        return requestedUserChannels;
    }

    @Override
    public int maxPacketSize() {
        return host.maxPacketSize();
    }

    @Override
    public boolean isServerRelaySupported() {
        return true;
    }

    @Override
    protected boolean isClosed() {
        return closed;
    }

    /** Clients turned away: bad or duplicate ids, or while refusing new connections. */
    public long refusedConnections() {
        return refusedConnections;
    }

    /**
     * On a server in secure mode ({@link dev.entitynet.transport.enet.secure.SecureMode}), the
     * client id the backend put in the connect token of peer {@code peerId}: who that peer is, for
     * an authentication callback to trust or look up. -1 on a plain server or for an unknown peer.
     */
    public long tokenClientId(int peerId) {
        int handle = handleById.get(peerId);
        return handle < 0 ? -1 : host.tokenClientId(handle);
    }

    /** Sends (per target) that met a full command ring. */
    public long backPressuredSends() {
        return backPressured;
    }

    @Override
    protected SendResult sendChecked(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, int length) {
        int enetChannel = GodotChannels.enetChannel(mode, channel);
        int flags = GodotChannels.flags(mode);
        if (!server) {
            if (status != ConnectionStatus.CONNECTED) {
                return SendResult.NOT_CONNECTED;
            }
            if (target > PeerIds.SERVER) {
                return SendResult.UNKNOWN_PEER;
            }
            if (!PeerIds.targets(target, PeerIds.SERVER)) {
                return SendResult.SENT;
            }
            return count(host.send(serverHandle, enetChannel, flags, data, offset, length));
        }
        if (target > 0) {
            int handle = handleById.get(target);
            if (handle < 0) {
                return SendResult.UNKNOWN_PEER;
            }
            return count(host.send(handle, requireChannel(handle, enetChannel, channel), flags, data, offset, length));
        }
        SendResult result = SendResult.SENT;
        for (int i = 0; i < connectedIds.size(); i++) {
            int id = connectedIds.getInt(i);
            int handle = handleById.get(id);
            if (PeerIds.targets(target, id) && enetChannel < host.channelCount(handle)
                    && count(host.send(handle, enetChannel, flags, data, offset, length)) == SendResult.BACK_PRESSURE) {
                result = SendResult.BACK_PRESSURE;
            }
        }
        return result;
    }

    private int requireChannel(int handle, int enetChannel, int userChannel) {
        int negotiated = host.channelCount(handle);
        if (enetChannel >= negotiated) {
            throw new IllegalArgumentException("channel " + userChannel + " is beyond the " + (negotiated - 1)
                    + " channels this client connected with; use a lower channel or let clients request more");
        }
        return enetChannel;
    }

    private SendResult count(SendResult result) {
        if (result == SendResult.BACK_PRESSURE) {
            backPressured++;
        }
        return result;
    }

    /** Sends straight from the caller's array through a reused view: no copy. */
    @Override
    protected SendResult sendCheckedArray(int target, TransferMode mode, int channel, byte[] data, int offset, int length) {
        return sendChecked(target, mode, channel, heapWrap.of(data), offset, length);
    }

    @Override
    public int poll(PeerEventListener listener) {
        return poll(listener, 0);
    }

    /**
     * Like {@link #poll(PeerEventListener)}, but when nothing has arrived waits up to
     * {@code timeoutMillis} for the first event, as {@link EnetHost#service(EnetEventListener, long)}
     * does: for a loop that should sleep until the network has something.
     */
    public int poll(PeerEventListener listener, long timeoutMillis) {
        if (closed) {
            return 0;
        }
        int events = deliverLocalDisconnects(listener);
        hostEvents.listener = listener;
        hostEvents.delivered = 0;
        try {
            host.service(hostEvents, events > 0 ? 0 : timeoutMillis);
        } finally {
            hostEvents.listener = null;
        }
        return events + hostEvents.delivered;
    }

    @Override
    public void disconnectPeer(int peerId, boolean force) {
        if (closed) {
            throw new IllegalStateException("the peer is closed");
        }
        int handle = server ? handleById.get(peerId) : (peerId == PeerIds.SERVER && status == ConnectionStatus.CONNECTED ? serverHandle : -1);
        if (handle < 0) {
            throw new IllegalArgumentException("peer " + peerId + " is not connected to this peer");
        }
        if (!force) {
            host.disconnectLater(handle, 0); // the disconnect event arrives through poll
            return;
        }
        host.disconnectNow(handle, 0);
        forget(handle);
        reportLocalDisconnect(peerId);
    }

    /** Removes a connection from the books; returns its id or 0 if it was not known. */
    private int forget(int handle) {
        if (!server) {
            boolean wasConnected = status == ConnectionStatus.CONNECTED;
            status = ConnectionStatus.DISCONNECTED;
            return wasConnected ? PeerIds.SERVER : 0;
        }
        int slot = PeerHandles.slot(handle);
        if (handleBySlot[slot] != handle) {
            return 0;
        }
        int id = idBySlot[slot];
        handleBySlot[slot] = -1;
        handleById.remove(id);
        connectedIds.rem(id);
        return id;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            status = ConnectionStatus.DISCONNECTED;
            host.close();
            heapWrap.close();
        }
    }

    /** Translates the host's events into Godot's; a field, so polling allocates nothing. */
    private final class HostEvents implements EnetEventListener {
        PeerEventListener listener;
        int delivered;

        @Override
        public void connected(int handle, long endpoint, int data) {
            if (!server) {
                if (handle == serverHandle && status == ConnectionStatus.CONNECTING) {
                    status = ConnectionStatus.CONNECTED;
                    delivered++;
                    listener.peerConnected(PeerIds.SERVER);
                }
                return;
            }
            if (isRefusingNewConnections() || !PeerIds.isClientId(data) || handleById.containsKey(data)) {
                refusedConnections++;
                host.reset(handle); // Godot: no DISCONNECT, the client times out
                return;
            }
            int slot = PeerHandles.slot(handle);
            idBySlot[slot] = data;
            handleBySlot[slot] = handle;
            handleById.put(data, handle);
            connectedIds.add(data);
            delivered++;
            listener.peerConnected(data);
        }

        @Override
        public void disconnected(int handle, long endpoint, int data) {
            if (!server && handle != serverHandle) {
                return;
            }
            boolean wasConnecting = !server && status == ConnectionStatus.CONNECTING;
            int id = forget(handle);
            if (id != 0) {
                delivered++;
                listener.peerDisconnected(id);
            } else if (wasConnecting) {
                status = ConnectionStatus.DISCONNECTED;
            }
        }

        @Override
        public void received(int handle, int channel, int flags, Bytes<?> payload) {
            int id;
            if (server) {
                int slot = PeerHandles.slot(handle);
                if (handleBySlot[slot] != handle) {
                    return;
                }
                id = idBySlot[slot];
            } else {
                id = PeerIds.SERVER;
            }
            delivered++;
            listener.packetReceived(view.set(id, GodotChannels.mode(flags), GodotChannels.userChannel(channel), payload));
        }
    }
}
