package dev.entitynet.ecs;

import com.artemis.World;
import dev.entitynet.ecs.auth.AuthCallback;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.guard.Violation;
import dev.entitynet.ecs.guard.ViolationCounters;
import dev.entitynet.ecs.guard.ViolationPolicy;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.path.PathCache;
import dev.entitynet.ecs.peer.PeerSession;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.protocol.Hello;
import dev.entitynet.ecs.protocol.ProtocolVersion;
import dev.entitynet.ecs.protocol.SysCommand;
import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.ecs.relay.RelayFrame;
import dev.entitynet.ecs.rpc.ObjectCodecs;
import dev.entitynet.ecs.rpc.RpcConfig;
import dev.entitynet.ecs.rpc.RpcHandler;
import dev.entitynet.ecs.rpc.RpcHost;
import dev.entitynet.ecs.rpc.RpcInterface;
import dev.entitynet.ecs.rpc.RpcMethod;
import dev.entitynet.ecs.rpc.RpcWriter;
import dev.entitynet.ecs.signal.HandshakeFailure;
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
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntLists;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
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

    private final String rootPath;
    private final Clock clock;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final MultiplayerPollSystem pollSystem;
    private final MultiplayerSignals signals = new MultiplayerSignals();
    private final ViolationCounters violations = new ViolationCounters();
    private final PathCache pathCache = new PathCache(DEFAULT_MAX_PATH_CACHE_ENTRIES);
    private final RpcInterface rpc;
    private final TransportEvents events = new TransportEvents();

    private final Int2ObjectOpenHashMap<PeerSession> sessions = new Int2ObjectOpenHashMap<>();
    private final IntArrayList admitted = new IntArrayList();
    private final IntList admittedView = IntLists.unmodifiable(admitted);
    private final ObjectArrayList<PeerSession> pending = new ObjectArrayList<>();

    private final Bytes<?> control = Bytes.allocateElasticDirect(64);
    private final Bytes<?> wrap = Bytes.allocateElasticDirect(512);
    private final Bytes<?> forward = Bytes.allocateElasticDirect(512);
    private final Bytes<?> raw = Bytes.allocateElasticDirect(256);
    private final StringBuilder pathText = new StringBuilder();

    private MultiplayerPeer peer = new OfflineMultiplayerPeer();
    private ConnectionStatus lastStatus = ConnectionStatus.CONNECTED;
    /** Whether the transport ever reported the server: later failures are reported by the handshake instead. */
    private boolean serverMet;
    private ReplicationHooks hooks;
    private AuthCallback authCallback;
    private ViolationPolicy violationPolicy = ViolationPolicy.COUNT_ONLY;
    private long authTimeoutNanos = DEFAULT_AUTH_TIMEOUT_NANOS;
    private boolean allowObjectDecoding;
    private boolean serverRelay = true;
    private int maxSyncPacketSize = DEFAULT_MAX_SYNC_PACKET_SIZE;
    private int maxDeltaPacketSize = DEFAULT_MAX_DELTA_PACKET_SIZE;
    private int maxRpcArgumentBytes = DEFAULT_MAX_RPC_ARGUMENT_BYTES;
    private int cachedRoot = EntityPaths.NO_PARENT;
    private int cachedRootSerial = -1;
    private long tick;

    /**
     * Creates the instance for {@code rootPath} ("" = the whole World; else an absolute entity path
     * such as "Server") and registers it with the World's poll system.
     *
     * @throws IllegalStateException when the World was not configured with {@link MultiplayerSystems#install}
     * @throws IllegalArgumentException when another instance of this World has the same root path
     */
    public SceneMultiplayer(World world, String rootPath, Clock clock) {
        this.rootPath = normalise(Objects.requireNonNull(rootPath, "rootPath"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.pollSystem = world.getSystem(MultiplayerPollSystem.class);
        if (paths == null || authorities == null || pollSystem == null || world.getSystem(MultiplayerFlushSystem.class) == null) {
            throw new IllegalStateException("the World lacks the multiplayer systems; build its configuration with"
                    + " MultiplayerSystems.install(new WorldConfigurationBuilder())");
        }
        this.rpc = new RpcInterface(new Host());
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
        lastStatus = peer.connectionStatus();
        serverMet = false;
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
        return rootPath;
    }

    /** The root entity: -1 for the World's top level, -2 while the root path names no entity. */
    public int rootEntity() {
        if (rootPath.isEmpty()) {
            return EntityPaths.NO_PARENT;
        }
        if (cachedRoot >= 0 && paths.serial(cachedRoot) == cachedRootSerial) {
            return cachedRoot;
        }
        int root = paths.resolve(rootPath);
        if (root < 0) {
            return -2;
        }
        cachedRoot = root;
        cachedRootSerial = paths.serial(root);
        return root;
    }

    /** Godot's {@code auth_callback}; null (the default) admits peers without authentication. */
    public void authCallback(AuthCallback callback) {
        authCallback = callback;
    }

    /** The authentication callback, or null. */
    public AuthCallback authCallback() {
        return authCallback;
    }

    /** Godot's {@code auth_timeout} in nanoseconds (default 3 s; 0 disables). Covers hello and authentication. */
    public void authTimeoutNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("auth timeout must be 0 (disabled) or positive, got " + nanos);
        }
        authTimeoutNanos = nanos;
    }

    /** The authentication timeout in nanoseconds. */
    public long authTimeoutNanos() {
        return authTimeoutNanos;
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
    public void serverRelay(boolean relay) {
        serverRelay = relay;
    }

    /** Whether server relay is on. */
    public boolean serverRelay() {
        return serverRelay;
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
        violationPolicy = Objects.requireNonNull(policy, "policy");
    }

    /** Dropped-packet counters. */
    public ViolationCounters violations() {
        return violations;
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
        return admittedView;
    }

    /** Godot's {@code get_authenticating_peers}: peers connected but not admitted yet (allocates). */
    public IntList authenticatingPeers() {
        IntArrayList ids = new IntArrayList(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            ids.add(pending.get(i).id());
        }
        return ids;
    }

    /**
     * Godot's {@code disconnect_peer}: drops {@code peerId} at once, without peer_disconnected.
     *
     * @throws IllegalArgumentException when this side does not reach {@code peerId} directly
     */
    public void disconnectPeer(int peerId) {
        PeerSession s = sessions.get(peerId);
        if (s == null || !s.isDirect()) {
            throw new IllegalArgumentException("peer " + peerId + " is not connected directly to this side (a client can disconnect only the server, 1)");
        }
        forget(s, false);
        if (peer.connectionStatus() != ConnectionStatus.DISCONNECTED) {
            peer.disconnectPeer(peerId, false);
        }
        if (peerId == PeerIds.SERVER && !isServer()) {
            dropRelayedPeers(false);
            resetCaches();
        }
    }

    /**
     * Godot's {@code clear}: forgets every peer (without signals), path cache and replication state.
     */
    public void clear() {
        sessions.clear();
        admitted.clear();
        pending.clear();
        pathCache.clear();
        if (hooks != null) {
            hooks.reset();
        }
    }

    // ---- authentication -------------------------------------------------------------------------

    /**
     * Godot's {@code send_auth}: sends authentication data to a pending peer (reliable, channel 0).
     *
     * @throws IllegalStateException when the peer is not authenticating
     * @throws IllegalArgumentException when {@code data} is empty (an empty AUTH means "completed")
     */
    public void sendAuth(int peerId, byte[] data) {
        PeerSession s = sessions.get(peerId);
        if (s == null || s.state() != PeerSession.State.AUTHENTICATING) {
            throw new IllegalStateException("peer " + peerId + " is not authenticating; send auth data from a peerAuthenticating"
                    + " listener or the auth callback");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("auth data must not be empty: an empty AUTH message means 'completed'; call completeAuth instead");
        }
        control.clear();
        control.writeUnsignedByte(Command.SYS);
        control.writeUnsignedByte(SysCommand.AUTH);
        control.write(data);
        peer.send(peerId, TransferMode.RELIABLE, 0, control);
    }

    /**
     * Godot's {@code complete_auth}: this side accepts {@code peerId}; it is admitted once the other
     * side completed too.
     *
     * @throws IllegalStateException when the peer is not authenticating or this side already completed
     */
    public void completeAuth(int peerId) {
        PeerSession s = sessions.get(peerId);
        if (s == null || s.state() != PeerSession.State.AUTHENTICATING || s.localAuthDone()) {
            throw new IllegalStateException("peer " + peerId + " is not authenticating (or completeAuth was already called for it)");
        }
        control.clear();
        control.writeUnsignedByte(Command.SYS);
        control.writeUnsignedByte(SysCommand.AUTH);
        peer.send(peerId, TransferMode.RELIABLE, 0, control);
        s.localAuthDone(true);
        admitIfBothCompleted(s);
    }

    // ---- raw bytes ------------------------------------------------------------------------------

    /** Godot's {@code send_bytes(bytes)}: to everyone, reliable, channel 0. */
    public SendResult sendBytes(byte[] bytes) {
        return sendBytes(bytes, 0, bytes.length, PeerIds.BROADCAST, TransferMode.RELIABLE, 0);
    }

    /** Godot's {@code send_bytes(bytes, id, mode, channel)}; received as peer_packet. */
    public SendResult sendBytes(byte[] bytes, int offset, int length, int target, TransferMode mode, int channel) {
        raw.clear();
        raw.writeUnsignedByte(Command.RAW);
        raw.write(bytes, offset, length);
        return sendPacket(target, mode, channel, raw);
    }

    /** {@code sendBytes} from off-heap memory, allocation-free. */
    public SendResult sendBytes(BytesStore<?, ?> bytes, long offset, int length, int target, TransferMode mode, int channel) {
        raw.clear();
        raw.writeUnsignedByte(Command.RAW);
        raw.write(bytes, offset, length);
        return sendPacket(target, mode, channel, raw);
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

    /** Starts a call of {@code method} on {@code entity} to every peer (Godot's {@code rpc}); write arguments, then send(). */
    public RpcWriter rpc(int entity, RpcMethod method) {
        return rpc.call(method, entity, PeerIds.BROADCAST);
    }

    /** Starts a call to {@code peerId} (0 = all, negative = all but) (Godot's {@code rpc_id}). */
    public RpcWriter rpcId(int peerId, int entity, RpcMethod method) {
        return rpc.call(method, entity, peerId);
    }

    // ---- replication contract -------------------------------------------------------------------

    /** Installs the replication layer (Godot's SceneReplicationInterface); null removes it. */
    public void replication(ReplicationHooks replicationHooks) {
        hooks = replicationHooks;
    }

    /**
     * Sends an encoded packet whose first byte is the command to {@code target} (0 = everyone admitted,
     * negative = everyone admitted but). On a client, traffic for other clients goes through the
     * server's relay. The packet's readable bytes are sent and not consumed.
     */
    public SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet) {
        if (target == uniqueId()) {
            throw new IllegalArgumentException("cannot send to this peer itself (" + target + ")");
        }
        return isServer() ? sendAsServer(target, mode, channel, packet, packet.readPosition(), packet.readRemaining())
                : sendAsClient(target, mode, channel, packet);
    }

    /**
     * This side's path-cache id for {@code entity}, announcing the path to {@code peerId} with
     * SIMPLIFY_PATH the first time; -1 when the entity has no path under the root.
     */
    public int pathCacheIdFor(int peerId, int entity) {
        int root = rootEntity();
        if (root < EntityPaths.NO_PARENT || entity < 0 || !paths.isWithin(entity, root)) {
            return -1;
        }
        int id = pathCache.idFor(entity, paths.serial(entity));
        if (!pathCache.isAnnounced(peerId, id) && pathCache.markAnnounced(peerId, id)) {
            announcePath(peerId, id, paths.pathBelow(entity, root));
        }
        return id;
    }

    /** Whether {@code peerId} confirmed this side's cache id {@code cacheId}. */
    public boolean isPathConfirmed(int peerId, int cacheId) {
        return pathCache.isConfirmed(peerId, cacheId);
    }

    /** The entity {@code peerId}'s cache id names, or -1 (unknown, or the entity's path changed since). */
    public int entityForCacheId(int peerId, int cacheId) {
        return pathCache.entityFor(peerId, cacheId, paths);
    }

    // ---- tick -------------------------------------------------------------------------------------

    /** Godot's {@code poll}: drains the transport and applies what arrived. Called by {@link MultiplayerPollSystem}. */
    public void poll() {
        tick++;
        peer.poll(events);
        ConnectionStatus status = peer.connectionStatus();
        if (!isServer() && !serverMet && lastStatus == ConnectionStatus.CONNECTING && status == ConnectionStatus.DISCONNECTED) {
            emitClientEvent(signals.connectionFailed);
        }
        lastStatus = status;
        expirePendingPeers();
    }

    void flush() {
        if (hooks != null) {
            hooks.networkProcess();
        }
    }

    /** Unregisters this instance from its World's poll system; it keeps its peer. */
    public void detach() {
        pollSystem.unregister(this);
    }

    // ---- transport events -------------------------------------------------------------------------

    private void onTransportConnected(int peerId) {
        if (sessions.containsKey(peerId)) {
            return;
        }
        serverMet |= peerId == PeerIds.SERVER;
        PeerSession s = new PeerSession(peerId, true, PeerSession.State.HELLO, clock.nanoTime());
        sessions.put(peerId, s);
        pending.add(s);
        violations.track(peerId);
        Hello.write(control, rpc.table().fingerprint());
        peer.send(peerId, TransferMode.RELIABLE, 0, control);
    }

    private void onTransportDisconnected(int peerId) {
        PeerSession s = sessions.get(peerId);
        if (s == null) {
            return;
        }
        boolean wasAdmitted = s.isAdmitted();
        boolean wasAuthenticating = s.state() == PeerSession.State.AUTHENTICATING;
        forget(s, true);
        if (peerId == PeerIds.SERVER && !isServer()) {
            dropRelayedPeers(true);
            if (wasAdmitted) {
                emitClientEvent(signals.serverDisconnected);
            } else {
                if (wasAuthenticating) {
                    emitPeer(signals.peerAuthenticationFailed, peerId);
                }
                emitClientEvent(signals.connectionFailed);
            }
            resetCaches();
        } else if (wasAuthenticating) {
            emitPeer(signals.peerAuthenticationFailed, peerId);
        }
    }

    private void onPacket(ReceivedPacket packet) {
        int sender = packet.senderId();
        Bytes<?> in = packet.payload();
        PeerSession s = sessions.get(sender);
        if (s == null || !s.isDirect()) {
            violation(sender, sender, Violation.UNKNOWN_SENDER);
            return;
        }
        if (in.readRemaining() < 1) {
            violation(sender, sender, Violation.MALFORMED);
            return;
        }
        int commandByte = in.readUnsignedByte();
        if (Command.of(commandByte) == Command.SYS) {
            if (commandByte != Command.SYS || in.readRemaining() < 1) {
                violation(sender, sender, Violation.MALFORMED);
                return;
            }
            onSys(s, in.readUnsignedByte(), in, packet.mode(), packet.channel());
        } else if (!s.isAdmitted()) {
            violation(sender, sender, Violation.NOT_ADMITTED);
        } else {
            dispatch(sender, sender, commandByte, in);
        }
    }

    private void onSys(PeerSession s, int sysCommand, Bytes<?> in, TransferMode mode, int channel) {
        int sender = s.id();
        switch (sysCommand) {
            case SysCommand.HELLO -> onHello(s, in);
            case SysCommand.AUTH -> onAuth(s, in);
            case SysCommand.ADD_PEER, SysCommand.DEL_PEER -> {
                if (!s.isAdmitted()) {
                    violation(sender, sender, Violation.NOT_ADMITTED);
                } else if (isServer()) {
                    violation(sender, sender, Violation.UNEXPECTED_COMMAND);
                } else if (in.readRemaining() != 4) {
                    violation(sender, sender, Violation.MALFORMED);
                } else if (sysCommand == SysCommand.ADD_PEER) {
                    onAddPeer(in.readInt());
                } else {
                    onDelPeer(in.readInt());
                }
            }
            case SysCommand.RELAY -> {
                if (!s.isAdmitted()) {
                    violation(sender, sender, Violation.NOT_ADMITTED);
                } else if (isServer()) {
                    relayFromClient(s, in, mode, channel);
                } else {
                    relayFromServer(in);
                }
            }
            default -> violation(sender, sender, Violation.MALFORMED);
        }
    }

    // ---- hello and authentication -----------------------------------------------------------------

    private void onHello(PeerSession s, Bytes<?> in) {
        int sender = s.id();
        if (s.state() != PeerSession.State.HELLO) {
            violation(sender, sender, Violation.DUPLICATE_HELLO);
            return;
        }
        if (in.readRemaining() < 6 || in.readInt() != ProtocolVersion.MAGIC) {
            failHandshake(s, HandshakeFailure.NOT_ENTITYNET, "peer " + sender + " sent a hello that is not entitynet's; is it another program?");
            return;
        }
        int version = in.readUnsignedShort();
        if (version != ProtocolVersion.CURRENT) {
            failHandshake(s, HandshakeFailure.PROTOCOL_VERSION_MISMATCH, "peer " + sender + " speaks entitynet protocol version " + version
                    + " but this build speaks " + ProtocolVersion.CURRENT + "; run the same entitynet version on both sides");
            return;
        }
        if (in.readRemaining() != ProtocolVersion.HELLO_SIZE - 8) {
            failHandshake(s, HandshakeFailure.NOT_ENTITYNET, "peer " + sender + " sent a hello of the wrong size for protocol version " + version);
            return;
        }
        long fingerprint = in.readLong();
        if (fingerprint != rpc.table().fingerprint()) {
            failHandshake(s, HandshakeFailure.RPC_TABLE_MISMATCH, "peer " + sender + " declared a different set of RPCs (names, modes or"
                    + " argument types): fingerprint " + Long.toHexString(fingerprint) + " vs ours " + Long.toHexString(rpc.table().fingerprint())
                    + "; declare the same RPCs on every side");
            return;
        }
        if (authCallback == null) {
            admit(s);
        } else {
            s.state(PeerSession.State.AUTHENTICATING);
            emitPeer(signals.peerAuthenticating, sender);
        }
    }

    private void onAuth(PeerSession s, Bytes<?> in) {
        int sender = s.id();
        if (s.isAdmitted()) {
            violation(sender, sender, Violation.AUTH_AFTER_ADMISSION);
            return;
        }
        if (s.state() != PeerSession.State.AUTHENTICATING) {
            violation(sender, sender, Violation.NOT_ADMITTED);
            return;
        }
        if (in.readRemaining() == 0) {
            s.remoteAuthDone(true);
            admitIfBothCompleted(s);
        } else if (authCallback != null) {
            authCallback.onAuthData(sender, in);
        }
    }

    private void admitIfBothCompleted(PeerSession s) {
        if (s.localAuthDone() && s.remoteAuthDone() && !s.isAdmitted()) {
            admit(s);
        }
    }

    private void admit(PeerSession s) {
        int id = s.id();
        s.state(PeerSession.State.ADMITTED);
        pending.remove(s);
        if (isServer() && relayActive()) {
            for (int i = 0; i < admitted.size(); i++) {
                int other = admitted.getInt(i);
                sendPeerNotice(other, SysCommand.ADD_PEER, id);
                sendPeerNotice(id, SysCommand.ADD_PEER, other);
            }
        }
        admitted.add(id);
        pathCache.addPeer(id);
        if (hooks != null) {
            hooks.peerAdded(id);
        }
        emitPeer(signals.peerConnected, id);
        if (id == PeerIds.SERVER) {
            emitClientEvent(signals.connectedToServer);
        }
    }

    private void failHandshake(PeerSession s, HandshakeFailure reason, String detail) {
        int id = s.id();
        boolean wasAuthenticating = s.state() == PeerSession.State.AUTHENTICATING;
        forget(s, false);
        if (peer.connectionStatus() != ConnectionStatus.DISCONNECTED) {
            peer.disconnectPeer(id, false);
        }
        if (wasAuthenticating) {
            emitPeer(signals.peerAuthenticationFailed, id);
        }
        for (int i = 0; i < signals.handshakeFailed.size(); i++) {
            signals.handshakeFailed.get(i).onHandshakeFailed(id, reason, detail);
        }
        if (id == PeerIds.SERVER && !isServer()) {
            emitClientEvent(signals.connectionFailed);
        }
    }

    private void expirePendingPeers() {
        if (authTimeoutNanos == 0 || pending.isEmpty()) {
            return;
        }
        long now = clock.nanoTime();
        for (int i = pending.size() - 1; i >= 0 && i < pending.size(); i--) {
            PeerSession s = pending.get(i);
            if (now - s.metAtNanos() > authTimeoutNanos) {
                failHandshake(s, HandshakeFailure.AUTH_TIMEOUT, "peer " + s.id() + " did not finish hello and authentication within "
                        + TimeUnit.NANOSECONDS.toMillis(authTimeoutNanos) + " ms (auth_timeout)");
            }
        }
    }

    // ---- relay ------------------------------------------------------------------------------------

    private boolean relayActive() {
        return serverRelay && peer.isServerRelaySupported();
    }

    private void sendPeerNotice(int to, int sysCommand, int aboutPeer) {
        control.clear();
        control.writeUnsignedByte(Command.SYS);
        control.writeUnsignedByte(sysCommand);
        control.writeInt(aboutPeer);
        peer.send(to, TransferMode.RELIABLE, 0, control);
    }

    private void onAddPeer(int id) {
        if (id < 2 || id == uniqueId() || sessions.containsKey(id)) {
            violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        PeerSession s = new PeerSession(id, false, PeerSession.State.HELLO, clock.nanoTime());
        sessions.put(id, s);
        violations.track(id);
        s.state(PeerSession.State.ADMITTED);
        admitted.add(id);
        pathCache.addPeer(id);
        if (hooks != null) {
            hooks.peerAdded(id);
        }
        emitPeer(signals.peerConnected, id);
    }

    private void onDelPeer(int id) {
        PeerSession s = sessions.get(id);
        if (s == null || s.isDirect()) {
            violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        forget(s, true);
    }

    /** Server side: a client's envelope names the destination; the source we put in is the transport's sender. */
    private void relayFromClient(PeerSession from, Bytes<?> in, TransferMode mode, int channel) {
        int source = from.id();
        if (!relayActive()) {
            violation(source, source, Violation.RELAY_DISABLED);
            return;
        }
        if (in.readRemaining() < 5) {
            violation(source, source, Violation.MALFORMED);
            return;
        }
        int target = in.readInt();
        long innerAt = in.readPosition();
        long innerLength = in.readRemaining();
        int innerCommand = in.readUnsignedByte(innerAt);
        if (Command.of(innerCommand) == Command.SYS || target == source) {
            violation(source, source, Violation.MALFORMED);
            return;
        }
        if (target > 0) {
            if (target != PeerIds.SERVER) {
                PeerSession to = sessions.get(target);
                if (to != null && to.isAdmitted()) {
                    RelayFrame.wrap(forward, source, in, innerAt, innerLength);
                    peer.send(target, mode, channel, forward);
                }
                return;
            }
        } else {
            RelayFrame.wrap(forward, source, in, innerAt, innerLength);
            for (int i = 0; i < admitted.size(); i++) {
                int p = admitted.getInt(i);
                if (p != source && PeerIds.targets(target, p)) {
                    peer.send(p, mode, channel, forward);
                }
            }
            if (!PeerIds.targets(target, PeerIds.SERVER)) {
                return;
            }
        }
        in.readSkip(1);
        dispatch(source, source, innerCommand, in);
    }

    /** Client side: the server's envelope names the source. */
    private void relayFromServer(Bytes<?> in) {
        if (in.readRemaining() < 5) {
            violation(PeerIds.SERVER, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        int source = in.readInt();
        PeerSession s = sessions.get(source);
        if (s == null || s.isDirect() || !s.isAdmitted()) {
            violation(PeerIds.SERVER, PeerIds.SERVER, Violation.FORGED_SENDER);
            return;
        }
        int innerCommand = in.readUnsignedByte();
        if (Command.of(innerCommand) == Command.SYS) {
            violation(source, PeerIds.SERVER, Violation.MALFORMED);
            return;
        }
        dispatch(source, PeerIds.SERVER, innerCommand, in);
    }

    private SendResult sendAsServer(int target, TransferMode mode, int channel, BytesStore<?, ?> data, long offset, long length) {
        if (target > 0) {
            PeerSession s = sessions.get(target);
            if (s == null || !s.isAdmitted()) {
                return SendResult.UNKNOWN_PEER;
            }
            return peer.send(target, mode, channel, data, offset, (int) length);
        }
        if (pending.isEmpty()) {
            return peer.send(target, mode, channel, data, offset, (int) length);
        }
        // Peers still in hello or authentication must not see game traffic: address the admitted ones.
        SendResult result = SendResult.SENT;
        for (int i = 0; i < admitted.size(); i++) {
            int p = admitted.getInt(i);
            if (PeerIds.targets(target, p)) {
                SendResult r = peer.send(p, mode, channel, data, offset, (int) length);
                if (r != SendResult.SENT) {
                    result = r;
                }
            }
        }
        return result;
    }

    private SendResult sendAsClient(int target, TransferMode mode, int channel, Bytes<?> packet) {
        PeerSession server = sessions.get(PeerIds.SERVER);
        if (server == null || !server.isAdmitted()) {
            return SendResult.NOT_CONNECTED;
        }
        if (target == PeerIds.SERVER) {
            return peer.send(PeerIds.SERVER, mode, channel, packet);
        }
        boolean othersKnown = admitted.size() > 1;
        if (target > 0) {
            PeerSession s = sessions.get(target);
            if (s == null || !s.isAdmitted() || !serverRelay) {
                return SendResult.UNKNOWN_PEER;
            }
        } else if (!othersKnown || !serverRelay) {
            // Nobody but the server to reach: no envelope needed.
            return PeerIds.targets(target, PeerIds.SERVER) ? peer.send(PeerIds.SERVER, mode, channel, packet) : SendResult.SENT;
        }
        RelayFrame.wrap(wrap, target, packet, packet.readPosition(), packet.readRemaining());
        return peer.send(PeerIds.SERVER, mode, channel, wrap);
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Handles one admitted, non-SYS command from {@code sender}; {@code direct} is the transport peer it came through. */
    private void dispatch(int sender, int direct, int commandByte, Bytes<?> in) {
        Violation v = switch (Command.of(commandByte)) {
            case Command.REMOTE_CALL -> rpc.receive(sender, commandByte, in);
            case Command.SIMPLIFY_PATH -> commandByte != Command.SIMPLIFY_PATH ? Violation.MALFORMED : onSimplifyPath(sender, in);
            case Command.CONFIRM_PATH -> commandByte != Command.CONFIRM_PATH ? Violation.MALFORMED : onConfirmPath(sender, in);
            case Command.RAW -> commandByte != Command.RAW ? Violation.MALFORMED : onRaw(sender, in);
            case Command.SPAWN, Command.DESPAWN, Command.SYNC -> onReplication(sender, commandByte, in);
            default -> Violation.MALFORMED;
        };
        if (v != null) {
            violation(sender, direct, v);
        }
    }

    private Violation onRaw(int sender, Bytes<?> in) {
        for (int i = 0; i < signals.peerPacket.size(); i++) {
            long position = in.readPosition();
            signals.peerPacket.get(i).onPacket(sender, in);
            in.readPosition(position);
        }
        return null;
    }

    private Violation onReplication(int sender, int commandByte, Bytes<?> in) {
        if (hooks == null) {
            return Violation.UNEXPECTED_COMMAND;
        }
        int command = Command.of(commandByte);
        int flags = Command.flags(commandByte);
        if (command == Command.SYNC) {
            if ((flags & ~Command.FLAG_DELTA) != 0) {
                return Violation.MALFORMED;
            }
            hooks.syncReceived(sender, in, flags != 0);
        } else if (flags != 0) {
            return Violation.MALFORMED;
        } else if (command == Command.SPAWN) {
            hooks.spawnReceived(sender, in);
        } else {
            hooks.despawnReceived(sender, in);
        }
        return null;
    }

    /** {@code [SIMPLIFY_PATH][u32 id][u16 length][UTF-8 path relative to the root]}. */
    private Violation onSimplifyPath(int sender, Bytes<?> in) {
        if (in.readRemaining() < 6) {
            return Violation.MALFORMED;
        }
        int id = in.readInt();
        int length = in.readUnsignedShort();
        if (length != in.readRemaining() || length > Command.MAX_PATH_BYTES || !Utf8.isValid(in, in.readPosition(), length)) {
            return Violation.MALFORMED;
        }
        pathText.setLength(0);
        Utf8.read(in, in.readPosition(), length, pathText);
        int root = rootEntity();
        int entity = root < EntityPaths.NO_PARENT ? -1 : paths.resolveFrom(root, pathText);
        boolean resolved = entity >= 0;
        if (resolved) {
            PathCache.RecordResult result = pathCache.record(sender, id, entity, paths.serial(entity));
            if (result != PathCache.RecordResult.RECORDED) {
                return Violation.PATH_CACHE_ABUSE;
            }
        }
        control.clear();
        control.writeUnsignedByte(Command.CONFIRM_PATH);
        control.writeUnsignedByte(resolved ? 1 : 0);
        control.writeInt(id);
        sendPacket(sender, TransferMode.RELIABLE, 0, control);
        return null;
    }

    /** {@code [CONFIRM_PATH][u8 resolved][u32 id]}, exactly 6 bytes. */
    private Violation onConfirmPath(int sender, Bytes<?> in) {
        if (in.readRemaining() != 5) {
            return Violation.MALFORMED;
        }
        int resolved = in.readUnsignedByte();
        int id = in.readInt();
        if (resolved > 1) {
            return Violation.MALFORMED;
        }
        if (!pathCache.isAnnounced(sender, id)) {
            return Violation.UNKNOWN_PATH;
        }
        if (resolved == 1) {
            pathCache.confirm(sender, id);
        }
        return null;
    }

    private void announcePath(int peerId, int id, String relativePath) {
        control.clear();
        control.writeUnsignedByte(Command.SIMPLIFY_PATH);
        control.writeInt(id);
        long lengthAt = control.writePosition();
        control.writeUnsignedShort(0);
        int length = Utf8.write(relativePath, control);
        if (length > Command.MAX_PATH_BYTES) {
            throw new IllegalArgumentException("entity path '" + relativePath + "' is " + length + " bytes; paths are limited to "
                    + Command.MAX_PATH_BYTES + " bytes, use shorter names");
        }
        control.writeUnsignedShort(lengthAt, length);
        sendPacket(peerId, TransferMode.RELIABLE, 0, control);
    }

    // ---- bookkeeping ------------------------------------------------------------------------------

    /** Removes {@code s}; with {@code signal}, emits peer_disconnected if it was admitted. */
    private void forget(PeerSession s, boolean signal) {
        int id = s.id();
        sessions.remove(id);
        pending.remove(s);
        violations.forget(id);
        if (!s.isAdmitted()) {
            return;
        }
        admitted.rem(id);
        pathCache.removePeer(id);
        if (isServer() && relayActive() && s.isDirect()) {
            for (int i = 0; i < admitted.size(); i++) {
                sendPeerNotice(admitted.getInt(i), SysCommand.DEL_PEER, id);
            }
        }
        if (hooks != null) {
            hooks.peerRemoved(id);
        }
        if (signal) {
            emitPeer(signals.peerDisconnected, id);
        }
    }

    /** A client that lost its server starts over, as Godot's clear() on server loss. */
    private void resetCaches() {
        pathCache.clear();
        if (hooks != null) {
            hooks.reset();
        }
    }

    private void dropRelayedPeers(boolean signal) {
        for (int i = admitted.size() - 1; i >= 0; i--) {
            PeerSession s = sessions.get(admitted.getInt(i));
            if (s != null && !s.isDirect()) {
                forget(s, signal);
            }
        }
    }

    private void violation(int peerId, int direct, Violation violation) {
        long count = violations.record(peerId, violation);
        if (peerId == direct && count > 0 && violationPolicy.shouldDisconnect(peerId, violation, count)) {
            PeerSession s = sessions.get(peerId);
            if (s != null && s.isDirect()) {
                disconnectPeer(peerId);
            }
        }
    }

    private static void emitPeer(dev.entitynet.ecs.signal.Signal<dev.entitynet.ecs.signal.PeerIdListener> signal, int peerId) {
        for (int i = 0; i < signal.size(); i++) {
            signal.get(i).onPeer(peerId);
        }
    }

    private static void emitClientEvent(dev.entitynet.ecs.signal.Signal<dev.entitynet.ecs.signal.ClientEventListener> signal) {
        for (int i = 0; i < signal.size(); i++) {
            signal.get(i).onEvent();
        }
    }

    private static int checkPacketLimit(String name, int bytes) {
        if (bytes < MIN_PACKET_SIZE_LIMIT) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_PACKET_SIZE_LIMIT + " bytes (as in Godot), got " + bytes);
        }
        return bytes;
    }

    private static String normalise(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private final class TransportEvents implements PeerEventListener {
        @Override
        public void peerConnected(int peerId) {
            onTransportConnected(peerId);
        }

        @Override
        public void peerDisconnected(int peerId) {
            onTransportDisconnected(peerId);
        }

        @Override
        public void packetReceived(ReceivedPacket packet) {
            onPacket(packet);
        }
    }

    private final class Host implements RpcHost {
        @Override
        public int uniqueId() {
            return SceneMultiplayer.this.uniqueId();
        }

        @Override
        public IntList admittedPeers() {
            return admitted;
        }

        @Override
        public boolean isVisibleTo(int entity, int peerId) {
            return hooks == null || hooks.isVisibleTo(entity, peerId);
        }

        @Override
        public int rootEntity() {
            return SceneMultiplayer.this.rootEntity();
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
            return SceneMultiplayer.this.pathCacheIdFor(peerId, entity);
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
            return SceneMultiplayer.this.sendPacket(target, mode, channel, packet);
        }

        @Override
        public boolean allowObjectDecoding() {
            return allowObjectDecoding;
        }

        @Override
        public int maxArgumentBytes() {
            return maxRpcArgumentBytes;
        }
    }
}
