package dev.entitynet.ecs;

import com.artemis.World;
import dev.entitynet.ecs.auth.AuthCallback;
import dev.entitynet.ecs.auth.Handshake;
import dev.entitynet.ecs.auth.HandshakeHost;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.guard.SendCounters;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.guard.ViolationCounters;
import dev.entitynet.ecs.guard.ViolationPolicy;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.path.PathCache;
import dev.entitynet.ecs.path.PathExchange;
import dev.entitynet.ecs.path.RootEntity;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.peer.PeerTable;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.relay.Relay;
import dev.entitynet.ecs.relay.RelayHost;
import dev.entitynet.ecs.rpc.ObjectCodecs;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcHandler;
import dev.entitynet.ecs.rpc.RpcHost;
import dev.entitynet.ecs.rpc.RpcInterface;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcWriter;
import dev.entitynet.ecs.signal.MultiplayerSignals;
import dev.entitynet.transport.ConnectionStatus;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.OfflineMultiplayerPeer;
import dev.entitynet.transport.PeerEventListener;
import dev.entitynet.transport.PeerIds;
import dev.entitynet.transport.ReceivedPacket;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.ints.IntList;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Godot's SceneMultiplayer for the entities under one root path of an artemis World: peers and their
 * admission (hello, authentication), server relay, raw packets, entity paths with the per-peer path
 * cache, RPCs, and the hook the replication layer plugs into. Several instances may share one World
 * under different root paths (a server and a client in one process, as Godot documents).
 *
 * <p>Create it after building the World with {@link MultiplayerSystems#install}; the World's
 * {@link MultiplayerPollSystem} polls it at the start of every tick and {@link MultiplayerFlushSystem}
 * flushes it at the end. Single-threaded: use it only from the thread that processes the World.
 *
 * <p>Where we differ from Godot (see docs/protocol.md): both sides exchange a hello carrying the
 * protocol version and a fingerprint of the RPC table before anything else, and mismatches refuse
 * the peer with {@link MultiplayerSignals#handshakeFailed}; RPCs are declared per instance with a
 * typed argument signature checked before the handler runs; dropped packets are counted per peer and
 * a {@link ViolationPolicy} may disconnect the sender.
 *
 * <p>This class is the facade; the work is done by {@link PeerTable} (who is known),
 * {@link Handshake} (hello and authentication), {@link Relay} (server relay), {@link PathExchange}
 * (path simplification), {@link RpcInterface} (RPCs) and, in this package, the peer lifecycle,
 * inbound dispatch and outbound routing.
 */
public final class SceneMultiplayer {
    /** Godot's default {@code max_sync_packet_size}. */
    public static final int DEFAULT_MAX_SYNC_PACKET_SIZE = 1350;
    /** Godot's default {@code max_delta_packet_size}. */
    public static final int DEFAULT_MAX_DELTA_PACKET_SIZE = 65535;
    /** Godot's minimum for both packet size limits. */
    public static final int MIN_PACKET_SIZE_LIMIT = 128;
    /** Godot's default {@code auth_timeout}: 3 seconds. */
    public static final long DEFAULT_AUTH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Default limit on one call's argument bytes (ours). */
    public static final int DEFAULT_MAX_RPC_ARGUMENT_BYTES = 65535;
    /** Default limit on path-cache ids one peer may announce (ours). */
    public static final int DEFAULT_MAX_PATH_CACHE_ENTRIES = 1 << 16;

    private final RootEntity root;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final MultiplayerPollSystem pollSystem;
    private final MultiplayerSignals signals = new MultiplayerSignals();
    private final ViolationCounters violations = new ViolationCounters();
    private final SendCounters sendCounters = new SendCounters();
    private final PathCache pathCache = new PathCache(DEFAULT_MAX_PATH_CACHE_ENTRIES);
    private final PeerTable peers = new PeerTable();
    private final RpcInterface rpc;
    private final Handshake handshake;
    private final Relay relay;
    private final PathExchange pathExchange;
    private final PeerLifecycle lifecycle;
    private final InboundDispatcher inbound;
    private final PacketRouter router;
    private final TransportEvents events = new TransportEvents();
    private final Bytes<?> raw = Bytes.allocateElasticDirect(256);
    private final Wiring wiring;

    private MultiplayerPeer peer = new OfflineMultiplayerPeer();
    private ReplicationHooks hooks;
    private boolean allowObjectDecoding;
    private int maxSyncPacketSize = DEFAULT_MAX_SYNC_PACKET_SIZE;
    private int maxDeltaPacketSize = DEFAULT_MAX_DELTA_PACKET_SIZE;
    private int maxRpcArgumentBytes = DEFAULT_MAX_RPC_ARGUMENT_BYTES;
    private long tick;

    private final Clock clock;

    /**
     * Creates the instance for {@code rootPath} ("" = the whole World; else an absolute entity path
     * such as "Server") and registers it with the World's poll system. Every path can name an entity
     * created later, so a root path that names none yet is accepted, but not silently: a warning is
     * logged, RPCs return {@link SendResult#NO_ROOT} and packets addressing entity paths are dropped
     * (counted as {@code UNKNOWN_PATH}) until an entity has that path.
     *
     * @throws IllegalStateException when the World was not configured with {@link MultiplayerSystems#install}
     * @throws IllegalArgumentException when another instance of this World has the same root path
     */
    public SceneMultiplayer(World world, String rootPath, Clock clock) {
        Objects.requireNonNull(rootPath, "rootPath");
        Objects.requireNonNull(clock, "clock");
        this.clock = clock;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.pollSystem = world.getSystem(MultiplayerPollSystem.class);
        if (paths == null || authorities == null || pollSystem == null || world.getSystem(MultiplayerFlushSystem.class) == null) {
            throw new IllegalStateException("the World lacks the multiplayer systems; build its configuration with"
                    + " MultiplayerSystems.install(new WorldConfigurationBuilder())");
        }
        this.root = new RootEntity(paths, rootPath);
        root.resolve(); // logs the warning now if the root path names nothing yet
        this.wiring = new Wiring();
        this.rpc = new RpcInterface(wiring, sendCounters);
        this.handshake = new Handshake(wiring, peers, signals, clock, DEFAULT_AUTH_TIMEOUT_NANOS);
        this.relay = new Relay(wiring, peers);
        this.pathExchange = new PathExchange(paths, pathCache, root, wiring::sendPacket);
        this.lifecycle = new PeerLifecycle(this, peers, pathCache, violations, signals, clock, handshake, relay);
        this.inbound = new InboundDispatcher(this, peers, lifecycle, handshake, relay, pathExchange, rpc, signals);
        this.router = new PacketRouter(this, peers, relay);
        pollSystem.register(this);
    }

    // ---- properties ---------------------------------------------------------------------------

    /** The transport (an {@link OfflineMultiplayerPeer} until one is set). */
    public MultiplayerPeer peer() {
        return peer;
    }

    /**
     * Godot's {@code multiplayer_peer}: replaces the transport (null = offline), {@link #clear()}ing
     * all state first. Declare every RPC before this.
     */
    public void multiplayerPeer(MultiplayerPeer newPeer) {
        clear();
        peer = newPeer == null ? new OfflineMultiplayerPeer() : newPeer;
        lifecycle.transportReplaced(peer.connectionStatus());
        rpc.table().freeze();
    }

    /** The World's entity path index. */
    public EntityPaths entityPaths() {
        return paths;
    }

    /** The World's authorities. */
    public Authorities authorities() {
        return authorities;
    }

    /** The root path entity paths are relative to ("" = the World's top level). */
    public String rootPath() {
        return root.path();
    }

    /** The root entity: -1 for the World's top level, -2 while the root path names no entity. */
    public int rootEntity() {
        return root.resolve();
    }

    /** Godot's {@code auth_callback}; null (the default) admits peers without authentication. */
    public void authCallback(AuthCallback callback) {
        handshake.callback(callback);
    }

    /** The authentication callback, or null. */
    public AuthCallback authCallback() {
        return handshake.callback();
    }

    /** Godot's {@code auth_timeout} in nanoseconds (default 3 s; 0 disables). Covers hello and authentication. */
    public void authTimeoutNanos(long nanos) {
        handshake.timeoutNanos(nanos);
    }

    /** The authentication timeout in nanoseconds. */
    public long authTimeoutNanos() {
        return handshake.timeoutNanos();
    }

    /** Godot's {@code allow_object_decoding} (default false): whether OBJECT RPC arguments decode. */
    public void allowObjectDecoding(boolean allow) {
        allowObjectDecoding = allow;
    }

    /** Whether OBJECT RPC arguments decode. */
    public boolean allowObjectDecoding() {
        return allowObjectDecoding;
    }

    /** Godot's {@code refuse_new_connections}, forwarded to the transport. */
    public void refuseNewConnections(boolean refuse) {
        peer.setRefuseNewConnections(refuse);
    }

    /** Whether the transport refuses new connections. */
    public boolean refuseNewConnections() {
        return peer.isRefusingNewConnections();
    }

    /** Godot's {@code server_relay} (default true). Set it the same on every side. */
    public void serverRelay(boolean relayOn) {
        relay.enabled(relayOn);
    }

    /** Whether server relay is on. */
    public boolean serverRelay() {
        return relay.enabled();
    }

    /** Godot's {@code max_sync_packet_size} (default 1350, at least 128). */
    public void maxSyncPacketSize(int bytes) {
        maxSyncPacketSize = checkPacketLimit("maxSyncPacketSize", bytes);
    }

    /** The sync packet size limit. */
    public int maxSyncPacketSize() {
        return maxSyncPacketSize;
    }

    /** Godot's {@code max_delta_packet_size} (default 65535, at least 128). */
    public void maxDeltaPacketSize(int bytes) {
        maxDeltaPacketSize = checkPacketLimit("maxDeltaPacketSize", bytes);
    }

    /** The delta packet size limit. */
    public int maxDeltaPacketSize() {
        return maxDeltaPacketSize;
    }

    /** Limit on one call's argument bytes, enforced on both sides (ours; default 65535). */
    public void maxRpcArgumentBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxRpcArgumentBytes must not be negative, got " + bytes);
        }
        maxRpcArgumentBytes = bytes;
    }

    /** The argument size limit. */
    public int maxRpcArgumentBytes() {
        return maxRpcArgumentBytes;
    }

    /** What happens to peers whose packets are dropped (default {@link ViolationPolicy#COUNT_ONLY}). */
    public void violationPolicy(ViolationPolicy policy) {
        lifecycle.violationPolicy(policy);
    }

    /** Dropped-packet counters. */
    public ViolationCounters violations() {
        return violations;
    }

    /** This side's own calls (RPCs, {@code sendBytes}) that did not return {@link SendResult#SENT}, by result. */
    public SendCounters sendCounters() {
        return sendCounters;
    }

    /** The signals. */
    public MultiplayerSignals signals() {
        return signals;
    }

    /** The network tick: incremented once per World process, at the start. */
    public long tick() {
        return tick;
    }

    // ---- peers ----------------------------------------------------------------------------------

    /** This side's peer id. */
    public int uniqueId() {
        return peer.uniqueId();
    }

    /** Whether this side is the server (id 1). */
    public boolean isServer() {
        return peer.uniqueId() == PeerIds.SERVER;
    }

    /** Godot's {@code get_remote_sender_id}: the caller inside an RPC handler (this id for call_local), else 0. */
    public int remoteSenderId() {
        return rpc.remoteSenderId();
    }

    /** Godot's {@code get_peers}: the admitted peers, in admission order (a live read-only view). */
    public IntList peers() {
        return peers.admitted();
    }

    /** Godot's {@code get_authenticating_peers}: peers connected but not admitted yet (allocates). */
    public IntList authenticatingPeers() {
        return peers.pendingIds();
    }

    /**
     * Godot's {@code disconnect_peer}: drops {@code peerId} at once, without peer_disconnected.
     *
     * @throws IllegalArgumentException when this side does not reach {@code peerId} directly
     */
    public void disconnectPeer(int peerId) {
        lifecycle.disconnect(peerId);
    }

    /**
     * Godot's {@code clear}: forgets every peer (without signals), path cache and replication state.
     */
    public void clear() {
        lifecycle.clear();
    }

    // ---- authentication -------------------------------------------------------------------------

    /**
     * Godot's {@code send_auth}: sends authentication data to a pending peer (reliable, channel 0).
     *
     * @throws IllegalStateException when the peer is not authenticating
     * @throws IllegalArgumentException when {@code data} is empty (an empty AUTH means "completed")
     */
    public void sendAuth(int peerId, byte[] data) {
        handshake.sendAuth(peerId, data);
    }

    /**
     * Godot's {@code complete_auth}: this side accepts {@code peerId}; it is admitted once the other
     * side completed too.
     *
     * @throws IllegalStateException when the peer is not authenticating or this side already completed
     */
    public void completeAuth(int peerId) {
        handshake.completeAuth(peerId);
    }

    // ---- raw bytes ------------------------------------------------------------------------------

    /** Godot's {@code send_bytes(bytes)}: to everyone, reliable, channel 0. */
    public SendResult sendBytes(byte[] bytes) {
        return sendBytes(bytes, 0, bytes.length, PeerIds.BROADCAST, TransferMode.RELIABLE, 0);
    }

    /**
     * Godot's {@code send_bytes(bytes, id, mode, channel)}; received as peer_packet. Spawns made
     * earlier in this tick are sent first, so the bytes may refer to them.
     *
     * @return {@link SendResult#SENT}, {@link SendResult#CLOSED} once the peer is closed, or what kept
     *     it from a target peer; anything but SENT is counted in {@link #sendCounters()}
     */
    public SendResult sendBytes(byte[] bytes, int offset, int length, int target, TransferMode mode, int channel) {
        raw.clear();
        raw.writeUnsignedByte(Command.RAW);
        raw.write(bytes, offset, length);
        return sendRaw(target, mode, channel);
    }

    /** {@code sendBytes} from off-heap memory, allocation-free. */
    public SendResult sendBytes(BytesStore<?, ?> bytes, long offset, int length, int target, TransferMode mode, int channel) {
        raw.clear();
        raw.writeUnsignedByte(Command.RAW);
        raw.write(bytes, offset, length);
        return sendRaw(target, mode, channel);
    }

    private SendResult sendRaw(int target, TransferMode mode, int channel) {
        if (hooks != null && !isClosed()) {
            hooks.flushSpawns(-1);
        }
        return sendCounters.record(router.send(target, mode, channel, raw));
    }

    // ---- RPC ------------------------------------------------------------------------------------

    /**
     * Declares an RPC (Godot's {@code rpc_config}) and binds its handler. Declare all RPCs, identically
     * on every side, before setting the peer.
     */
    public RpcMethod declareRpc(RpcConfig config, RpcHandler handler) {
        return rpc.table().declare(config, handler);
    }

    /** The RPC table's fingerprint sent in the hello (freezes the table). */
    public long rpcFingerprint() {
        return rpc.table().fingerprint();
    }

    /** The codecs for OBJECT arguments. */
    public ObjectCodecs objectCodecs() {
        return rpc.codecs();
    }

    /**
     * Starts a call of {@code method} on {@code entity} to every peer (Godot's {@code rpc}); write
     * arguments, then send(). Spawns made earlier in this tick are sent before the call, so it may
     * name an entity spawned just now. send() returns {@link SendResult#SENT} only if every addressed
     * peer got the call; otherwise why not (not visible, not spawned there, closed, ...), counted in
     * {@link #sendCounters()}.
     */
    public RpcWriter rpc(int entity, RpcMethod method) {
        return rpc.call(method, entity, PeerIds.BROADCAST);
    }

    /** Starts a call to {@code peerId} (0 = all, negative = all but) (Godot's {@code rpc_id}). */
    public RpcWriter rpcId(int peerId, int entity, RpcMethod method) {
        return rpc.call(method, entity, peerId);
    }

    // ---- replication contract -------------------------------------------------------------------

    /**
     * Installs the replication layer (Godot's SceneReplicationInterface); null removes it.
     *
     * @return what the replication layer may use of this instance: sending encoded packets and the
     *     path cache, which are not part of this facade (the same object every call)
     */
    public ReplicationHost replication(ReplicationHooks replicationHooks) {
        hooks = replicationHooks;
        return wiring;
    }

    // ---- tick -------------------------------------------------------------------------------------

    /**
     * Godot's {@code poll}: drains the transport and applies what arrived. Called by
     * {@link MultiplayerPollSystem}. Like Godot's, it first looks at the transport's status: a peer
     * the game closed (or whose connection ended) is noticed here, the session ends with its signals
     * (see {@link PeerLifecycle#watchConnection}) and a closed transport is not polled again.
     */
    public void poll() {
        tick++;
        lifecycle.watchConnection(peer.connectionStatus());
        if (isClosed()) {
            return;
        }
        peer.poll(events);
        lifecycle.watchConnection(peer.connectionStatus());
        handshake.expire();
    }

    /** End of tick: replication sends, unless the transport is closed (Godot skips its network process then too). */
    void flush() {
        if (hooks != null && !isClosed()) {
            hooks.networkProcess();
        }
    }

    /** Whether the transport is closed or its connection ended: nothing can be sent until a new peer is set. */
    boolean isClosed() {
        return peer.connectionStatus() == ConnectionStatus.DISCONNECTED;
    }

    /** Unregisters this instance from its World's poll system; it keeps its peer. */
    public void detach() {
        pollSystem.unregister(this);
    }

    /** The installed replication layer, or null. */
    ReplicationHooks replicationHooks() {
        return hooks;
    }

    private static int checkPacketLimit(String name, int bytes) {
        if (bytes < MIN_PACKET_SIZE_LIMIT) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_PACKET_SIZE_LIMIT + " bytes (as in Godot), got " + bytes);
        }
        return bytes;
    }

    private final class TransportEvents implements PeerEventListener {
        @Override
        public void peerConnected(int peerId) {
            lifecycle.onTransportConnected(peerId);
        }

        @Override
        public void peerDisconnected(int peerId) {
            lifecycle.onTransportDisconnected(peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            inbound.onPacket(packet);
        }
    }

    /** What the RPC layer, the handshake, the relay and the replication layer see of this instance. */
    private final class Wiring implements RpcHost, HandshakeHost, RelayHost, ReplicationHost {
        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public int uniqueId() {
            return SceneMultiplayer.this.uniqueId();
        }

        @Override
        public MultiplayerPeer transport() {
            return peer;
        }

        @Override
        public boolean isServer() {
            return SceneMultiplayer.this.isServer();
        }

        @Override
        public IntList admittedPeers() {
            return peers.admitted();
        }

        @Override
        public SendResult reach(int entity, int peerId) {
            return hooks == null ? SendResult.SENT : hooks.reach(entity, peerId);
        }

        @Override
        public void flushSpawns(int entity) {
            if (hooks != null) {
                hooks.flushSpawns(entity);
            }
        }

        @Override
        public boolean isClosed() {
            return SceneMultiplayer.this.isClosed();
        }

        @Override
        public long tick() {
            return tick;
        }

        @Override
        public int maxSyncPacketSize() {
            return maxSyncPacketSize;
        }

        @Override
        public int maxDeltaPacketSize() {
            return maxDeltaPacketSize;
        }

        @Override
        public int rootEntity() {
            return root.resolve();
        }

        @Override
        public EntityPaths paths() {
            return paths;
        }

        @Override
        public Authorities authorities() {
            return authorities;
        }

        @Override
        public int pathCacheIdFor(int peerId, int entity) {
            return pathExchange.cacheIdFor(peerId, entity);
        }

        @Override
        public int cacheIdOf(int entity) {
            return pathCache.idFor(entity, paths.serial(entity));
        }

        @Override
        public boolean isPathConfirmed(int peerId, int cacheId) {
            return pathCache.isConfirmed(peerId, cacheId);
        }

        @Override
        public int entityForCacheId(int peerId, int cacheId) {
            return pathCache.entityFor(peerId, cacheId, paths);
        }

        @Override
        public SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet) {
            return router.send(target, mode, channel, packet);
        }

        @Override
        public boolean allowObjectDecoding() {
            return allowObjectDecoding;
        }

        @Override
        public int maxArgumentBytes() {
            return maxRpcArgumentBytes;
        }

        @Override
        public long rpcFingerprint() {
            return rpc.table().fingerprint();
        }

        @Override
        public void admit(PeerSession s) {
            lifecycle.admit(s);
        }

        @Override
        public void drop(PeerSession s) {
            lifecycle.drop(s);
        }

        @Override
        public void violation(int peerId, Violation violation) {
            lifecycle.violation(peerId, peerId, violation);
        }

        @Override
        public void violation(int peerId, int direct, Violation violation) {
            lifecycle.violation(peerId, direct, violation);
        }

        @Override
        public void dispatch(int sender, int direct, int commandByte, Bytes<?> in) {
            inbound.dispatch(sender, direct, commandByte, in);
        }

        @Override
        public void addRelayedPeer(int peerId) {
            lifecycle.addRelayed(peerId);
        }

        @Override
        public void removeRelayedPeer(PeerSession s) {
            lifecycle.forget(s, true);
        }
    }
}
