package dev.entitynet.ecs;

import com.artemis.World;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.transport.MultiplayerPeer;
import dev.entitynet.transport.OfflineMultiplayerPeer;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import dev.entitynet.transport.clock.Clock;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntLists;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's SceneMultiplayer for one root path of an artemis World. Work in progress: this first
 * version fixes the contract with the replication layer.
 */
public final class SceneMultiplayer {
    /** Godot's default {@code max_sync_packet_size}. */
    public static final int DEFAULT_MAX_SYNC_PACKET_SIZE = 1350;
    /** Godot's default {@code max_delta_packet_size}. */
    public static final int DEFAULT_MAX_DELTA_PACKET_SIZE = 65535;
    /** Godot's minimum for both packet size limits. */
    public static final int MIN_PACKET_SIZE_LIMIT = 128;

    private final World world;
    private final String rootPath;
    private final Clock clock;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final IntArrayList peers = new IntArrayList();
    private MultiplayerPeer peer = new OfflineMultiplayerPeer();
    private ReplicationHooks hooks;
    private int maxSyncPacketSize = DEFAULT_MAX_SYNC_PACKET_SIZE;
    private int maxDeltaPacketSize = DEFAULT_MAX_DELTA_PACKET_SIZE;
    private int remoteSenderId;
    private long tick;

    /** Creates the instance for {@code rootPath} and registers it with the world's poll system. */
    public SceneMultiplayer(World world, String rootPath, Clock clock) {
        this.world = world;
        this.rootPath = rootPath;
        this.clock = clock;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        MultiplayerPollSystem poll = world.getSystem(MultiplayerPollSystem.class);
        if (paths == null || authorities == null || poll == null || world.getSystem(MultiplayerFlushSystem.class) == null) {
            throw new IllegalStateException("the World lacks the multiplayer systems; build its configuration with MultiplayerSystems.install(builder)");
        }
        poll.register(this);
    }

    /** This side's peer id. */
    public int uniqueId() {
        return peer.uniqueId();
    }

    /** Whether this side is the server. */
    public boolean isServer() {
        return peer.isServer();
    }

    /** The id of the peer whose RPC is running, 0 outside RPC handlers. */
    public int remoteSenderId() {
        return remoteSenderId;
    }

    /** The admitted peers. */
    public IntList peers() {
        return IntLists.unmodifiable(peers);
    }

    /** The entity at the root path, or -1 while it does not exist. */
    public int rootEntity() {
        return rootPath.isEmpty() ? EntityPaths.NO_PARENT : paths.resolve(rootPath);
    }

    /** The root path. */
    public String rootPath() {
        return rootPath;
    }

    /** The transport. */
    public MultiplayerPeer peer() {
        return peer;
    }

    /** Max sync packet size. */
    public int maxSyncPacketSize() {
        return maxSyncPacketSize;
    }

    /** Max delta packet size. */
    public int maxDeltaPacketSize() {
        return maxDeltaPacketSize;
    }

    /** Network tick counter. */
    public long tick() {
        return tick;
    }

    /** Installs the replication layer. */
    public void replication(ReplicationHooks hooks) {
        this.hooks = hooks;
    }

    /** Sends an encoded packet, relaying for clients. */
    public SendResult sendPacket(int target, TransferMode mode, int channel, Bytes<?> packet) {
        throw new UnsupportedOperationException("sendPacket is being built on branch scene");
    }

    /** Sender-side path cache id of {@code entity} for {@code peerId}. */
    public int pathCacheIdFor(int peerId, int entity) {
        throw new UnsupportedOperationException("the path cache is being built on branch scene");
    }

    /** Receiver-side entity for a cache id. */
    public int entityForCacheId(int peerId, int cacheId) {
        throw new UnsupportedOperationException("the path cache is being built on branch scene");
    }

    void poll() {
        tick++;
    }

    void flush() {
        if (hooks != null) {
            hooks.networkProcess();
        }
    }
}
