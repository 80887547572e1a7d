package dev.entitynet.replication.spawn;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.World;
import com.artemis.utils.IntBag;
import dev.entitynet.ecs.protocol.Command;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.ecs.path.NetName;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.ReplicationStats.Counter;
import dev.entitynet.ecs.protocol.Utf8;
import dev.entitynet.replication.packet.VarInt;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.VisibilityRules;
import dev.entitynet.transport.SendResult;
import dev.entitynet.transport.TransferMode;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The spawner side of replication (Godot's MultiplayerSpawner logic in SceneReplicationInterface),
 * driven by {@code SceneReplication}: on the authority it tracks prefab instances created under a
 * spawner's spawn parent and custom spawns, assigns never-reused net ids, and sends SPAWN/DESPAWN
 * per peer as visibility dictates (a joining peer gets every live spawn in creation order, parents
 * first, when it is admitted and before peer_connected, as Godot's {@code on_peer_change} does);
 * on receivers it validates and applies spawns within the poll, before any other system sees the
 * entity.
 *
 * <p>Spawns normally go out at the end of the tick, once the game has set the new entity up. A call
 * (RPC or raw bytes) sent earlier in the tick first sends the spawns still pending
 * ({@link #flushBefore}), so on every peer the call arrives after the spawn it may refer to, as in
 * Godot, where a spawn is sent as soon as the node is ready. Not an artemis system because several SceneMultiplayers may share a World and
 * the timing is the multiplayer's poll and flush.
 */
public final class SpawnerSystem implements Audience, AutoCloseable {
    /** Longest entity name accepted in a spawn, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    /** Largest net id (ids are shifted left once on the wire). */
    public static final int MAX_NET_ID = (1 << 30) - 1;

    private final World world;
    private final SceneMultiplayer multiplayer;
    private final EntityPaths paths;
    private final Authorities authorities;
    private final PrefabRegistry prefabs;
    private static final int MIN_VISIBILITY_QUEUE = 64;
    private final NetIdDirectory directory;
    private final ReceivedNames receivedNames = new ReceivedNames();
    private final SpawnState state;
    private final ReplicationStats stats;
    private final ComponentMapper<Spawner> spawners;
    private final ComponentMapper<PrefabInstance> instances;
    private final ComponentMapper<NetName> names;
    private final ComponentMapper<NetIdentity> identities;
    private final ComponentMapper<Synchronizer> synchronizers;
    private final EntitySubscription spawnerEntities;
    private final EntitySubscription instanceEntities;
    private final TrackedSpawns tracked = new TrackedSpawns();
    private final IntArrayList created = new IntArrayList();
    private final Int2ObjectOpenHashMap<TrackedSpawn> byNetId = new Int2ObjectOpenHashMap<>();
    /** Net ids of tracked spawns whose visibility must be re-evaluated this tick: smallest (oldest) first, so parents precede children. */
    private IntHeapPriorityQueue visibilityDirty = new IntHeapPriorityQueue(MIN_VISIBILITY_QUEUE);
    /** Room in {@link #visibilityDirty}: each tracked spawn is queued at most once, so this many never grows it. */
    private int visibilityQueueCapacity = MIN_VISIBILITY_QUEUE;
    /** Tracked entities with visibility filters, re-evaluated every tick. */
    private final IntArrayList filtered = new IntArrayList();
    private final IntArrayList newlyTracked = new IntArrayList();
    private final IntArrayList scratchEntities = new IntArrayList();
    private final Bytes<Void> packet = Bytes.allocateElasticDirect(256);
    private final Bytes<Void> custom = Bytes.allocateElasticDirect(256);
    private TrackedSpawn first;
    private TrackedSpawn last;
    private int nextNetId = 1;

    /** Wires the spawner side for {@code multiplayer}'s World. */
    public SpawnerSystem(World world, SceneMultiplayer multiplayer, PrefabRegistry prefabs, NetIdDirectory directory,
                         SpawnState state, ReplicationStats stats) {
        this.world = world;
        this.multiplayer = multiplayer;
        this.paths = world.getSystem(EntityPaths.class);
        this.authorities = world.getSystem(Authorities.class);
        this.prefabs = prefabs;
        this.directory = directory;
        this.state = state;
        this.stats = stats;
        this.spawners = world.getMapper(Spawner.class);
        this.instances = world.getMapper(PrefabInstance.class);
        this.names = world.getMapper(NetName.class);
        this.identities = world.getMapper(NetIdentity.class);
        this.synchronizers = world.getMapper(Synchronizer.class);
        this.spawnerEntities = world.getAspectSubscriptionManager().get(Aspect.all(Spawner.class));
        this.instanceEntities = world.getAspectSubscriptionManager().get(Aspect.all(PrefabInstance.class, NetName.class));
        instanceEntities.addSubscriptionListener(new EntitySubscription.SubscriptionListener() {
                    @Override
                    public void inserted(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            created.add(entities.get(i));
                        }
                    }

                    @Override
                    public void removed(IntBag entities) {
                        for (int i = 0; i < entities.size(); i++) {
                            instanceRemoved(entities.get(i));
                        }
                    }
                });
    }

    // ---------------------------------------------------------------- authority API

    /**
     * Creates an instance of a registered prefab as a child of {@code spawner}'s spawn parent,
     * named {@code name}; on the authority it is spawned on the peers at the end of the tick, or
     * before the first call sent about it earlier than that.
     *
     * @throws IllegalArgumentException when the spawner does not list the prefab or the name is taken
     * @throws IllegalStateException when the spawn limit is reached
     */
    public int instantiate(int spawner, String prefab, String name) {
        Spawner sp = requireSpawner(spawner);
        int index = sp.spawnable.indexOf(prefab);
        Prefab builder = prefabs.get(prefab);
        if (index < 0 || builder == null) {
            throw new IllegalArgumentException("spawner " + paths.pathOf(spawner) + " cannot spawn prefab '" + prefab
                    + "': add it with spawner.addSpawnable(name) and register it with SceneReplication.registerPrefab");
        }
        checkLimit(spawner, sp);
        int parent = spawnParentOf(spawner, sp);
        checkName(parent, name);
        int entity = world.create();
        builder.build(world, entity);
        instances.create(entity).prefab = prefab;
        paths.setName(entity, name, parent);
        track(entity, spawner, index, name, null);
        return entity;
    }

    /**
     * Godot's {@code spawn(data)}: runs the spawner's custom spawn function on this peer (which must
     * be the spawner's authority), replicates the new entity with {@code data}, and returns it.
     *
     * @throws IllegalStateException when this peer is not the authority, there is no spawn function,
     *     or the limit is reached
     */
    @SuppressWarnings("unchecked")
    public <D> int spawn(int spawner, D data, String name) {
        Spawner sp = requireSpawner(spawner);
        if (authorities.authorityOf(spawner) != multiplayer.uniqueId()) {
            throw new IllegalStateException("only the authority of spawner " + paths.pathOf(spawner) + " (peer "
                    + authorities.authorityOf(spawner) + ") may spawn; this is peer " + multiplayer.uniqueId());
        }
        if (sp.spawnFunction == null || sp.spawnDataCodec == null) {
            throw new IllegalStateException("spawner " + paths.pathOf(spawner) + " has no custom spawn function; set one with customSpawn(function, codec)");
        }
        checkLimit(spawner, sp);
        int parent = spawnParentOf(spawner, sp);
        checkName(parent, name);
        custom.clear();
        ((SpawnDataCodec<D>) sp.spawnDataCodec).write(data, custom);
        byte[] encoded = custom.toByteArray();
        int entity = ((SpawnFunction<D>) sp.spawnFunction).spawn(world, data);
        paths.setName(entity, name, parent);
        track(entity, spawner, -1, name, encoded);
        return entity;
    }

    /** Re-evaluates visibility of a tracked entity for every peer at the end of the tick (Godot's {@code update_visibility}). */
    public void updateVisibility(int entity) {
        TrackedSpawn t = tracked.get(entity);
        if (t != null) {
            queueVisibility(t);
        }
    }

    private void queueVisibility(TrackedSpawn t) {
        if (!t.visibilityQueued) {
            t.visibilityQueued = true;
            visibilityDirty.enqueue(t.netId);
        }
    }

    /** Grows the queue when spawns are tracked, never during a tick's re-evaluation. */
    private void reserveVisibilityQueue() {
        if (byNetId.size() <= visibilityQueueCapacity) {
            return;
        }
        visibilityQueueCapacity = Math.max(byNetId.size(), visibilityQueueCapacity * 2);
        IntHeapPriorityQueue larger = new IntHeapPriorityQueue(visibilityQueueCapacity);
        while (!visibilityDirty.isEmpty()) {
            larger.enqueue(visibilityDirty.dequeueInt());
        }
        visibilityDirty = larger;
    }

    /**
     * Whether {@code entity}'s visibility filters are evaluated every tick (Godot's
     * {@code VISIBILITY_PROCESS_IDLE}); set while it has filters.
     */
    public void evaluateEveryTick(int entity, boolean everyTick) {
        if (!everyTick) {
            filtered.rem(entity);
        } else if (!filtered.contains(entity)) {
            filtered.add(entity);
        }
    }

    // ---------------------------------------------------------------- Audience

    @Override
    public boolean visibleTo(int entity, int peerId) {
        TrackedSpawn t = tracked.get(entity);
        return t != null ? t.receivers.contains(peerId) : VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId);
    }

    @Override
    public boolean visibleToAll(int entity) {
        TrackedSpawn t = tracked.get(entity);
        return t != null ? t.receivers.size() == multiplayer.peers().size() : VisibilityRules.isPublic(synchronizers.get(entity));
    }

    @Override
    public boolean visibleToAny(int entity) {
        TrackedSpawn t = tracked.get(entity);
        if (t != null) {
            return !t.receivers.isEmpty();
        }
        IntList peers = multiplayer.peers();
        for (int i = 0; i < peers.size(); i++) {
            if (visibleTo(entity, peers.getInt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What keeps a call about {@code entity} from reaching {@code peerId}: {@link SendResult#SENT}
     * when nothing does; {@link SendResult#NOT_VISIBLE} when its synchronizer hides it from that peer;
     * {@link SendResult#NOT_SPAWNED} when it (or the spawn it belongs to) was not spawned there: a
     * parent spawn the peer does not have, or a prefab instance whose spawn was refused (spawn limit).
     * Entities outside any spawn are visible by their own synchronizer, and a replica always to the
     * peer that spawned it, as in Godot's {@code is_rpc_visible}. Allocation-free.
     */
    public SendResult reach(int entity, int peerId) {
        NetIdentity id = identities.get(entity);
        if (id != null && id.namespace == peerId) {
            return SendResult.SENT; // a replica is always reachable by the peer that spawned it (Godot's is_rpc_visible)
        }
        TrackedSpawn own = tracked.get(entity);
        if (own != null) {
            if (own.receivers.contains(peerId)) {
                return SendResult.SENT;
            }
            return VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId) ? SendResult.NOT_SPAWNED : SendResult.NOT_VISIBLE;
        }
        if (!VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId)) {
            return SendResult.NOT_VISIBLE;
        }
        for (int e = entity; e >= 0; e = paths.parentOf(e)) {
            TrackedSpawn t = tracked.get(e);
            if (t != null) {
                return t.receivers.contains(peerId) ? SendResult.SENT : SendResult.NOT_SPAWNED;
            }
            if (isRefusedSpawn(e)) {
                return SendResult.NOT_SPAWNED;
            }
        }
        return SendResult.SENT;
    }

    /** A prefab instance under a spawner this peer is the authority of that is not tracked: its spawn was refused. */
    private boolean isRefusedSpawn(int entity) {
        if (!instances.has(entity) || identities.has(entity) || !names.has(entity)) {
            return false;
        }
        int spawner = spawnerFor(names.get(entity).parent);
        return spawner >= 0 && authorities.authorityOf(spawner) == multiplayer.uniqueId()
                && spawners.get(spawner).spawnable.contains(instances.get(entity).prefab);
    }

    // ---------------------------------------------------------------- peers and ticks

    /**
     * A peer was admitted: it gets every live spawn it may see now, pending ones included, in
     * creation order, so the game's peer_connected handler can already address them (Godot's
     * {@code SceneReplicationInterface::on_peer_change} sends them before peer_connected too).
     */
    public void peerAdded(int peerId) {
        sendPending();
        int me = multiplayer.uniqueId();
        for (TrackedSpawn t = first; t != null; t = t.next) {
            evaluate(t, synchronizers.get(t.entity), peerId, me);
        }
    }

    /** A peer left: forget what it has, and delete what it spawned here. */
    public void peerRemoved(int peerId) {
        for (TrackedSpawn t = first; t != null; t = t.next) {
            t.receivers.remove(peerId);
        }
        deleteReplicasOf(peerId);
    }

    /** Deletes every received spawn and forgets every tracked one (Godot's {@code clear()}). */
    public void reset() {
        deleteReplicasOf(-1);
        for (TrackedSpawn t = first; t != null; t = t.next) {
            spawnerLiveDecrement(t.spawner);
            state.forgotten(t.entity);
        }
        tracked.clear();
        first = null;
        last = null;
        created.clear();
        newlyTracked.clear();
        visibilityDirty.clear();
        byNetId.clear();
        directory.clear();
    }

    /**
     * End of tick, before synchronizers send: re-evaluates visibility filters, tracks new prefab
     * instances, then sends spawns and despawns where visibility changed, in creation order.
     */
    public void networkProcess() {
        for (int i = 0; i < filtered.size(); i++) {
            updateVisibility(filtered.getInt(i));
        }
        sendPending();
    }

    /**
     * Before a call about {@code entity} (-1 when it names none, as raw bytes) goes out: sends the
     * spawns and despawns still pending, so every peer gets them before the call. A prefab instance
     * the game created in the running system is not in the subscriptions yet (artemis adds it when
     * the system ends), so {@code entity} and its ancestors are looked at directly. Nothing to do
     * costs a few lookups.
     */
    public void flushBefore(int entity) {
        for (int e = entity; e >= 0; e = paths.parentOf(e)) {
            if (instances.has(e) && names.has(e) && !identities.has(e) && !instanceEntities.getActiveEntityIds().get(e)
                    && !created.contains(e)) {
                created.add(e);
            }
        }
        if (!created.isEmpty() || !visibilityDirty.isEmpty()) {
            sendPending();
        }
    }

    /** Tracks new prefab instances and sends what changed: the spawn work that does not wait for the end of the tick. */
    private void sendPending() {
        trackCreated();
        for (int i = 0; i < newlyTracked.size(); i++) {
            if (tracked.contains(newlyTracked.getInt(i))) {
                state.identified(newlyTracked.getInt(i)); // state is encoded now, after the game set it up
            }
        }
        newlyTracked.clear();
        int me = multiplayer.uniqueId();
        IntList peers = multiplayer.peers();
        while (!visibilityDirty.isEmpty()) {
            TrackedSpawn t = byNetId.get(visibilityDirty.dequeueInt());
            if (t != null) {
                t.visibilityQueued = false;
                Synchronizer sync = synchronizers.get(t.entity);
                for (int i = 0; i < peers.size(); i++) {
                    evaluate(t, sync, peers.getInt(i), me);
                }
            }
        }
    }

    private void evaluate(TrackedSpawn t, Synchronizer sync, int peer, int me) {
        if (peer == me) { // every other peer here is admitted: taken from peers(), or being admitted
            return;
        }
        boolean want = VisibilityRules.isVisible(sync, t.entity, peer) && (t.parent == null || t.parent.receivers.contains(peer));
        boolean has = t.receivers.contains(peer);
        if (want == has) {
            return;
        }
        if (want) {
            sendSpawn(t, peer);
            t.receivers.add(peer);
        } else {
            sendDespawn(t, peer);
            t.receivers.remove(peer);
        }
        for (int i = 0; i < t.children.size(); i++) {
            queueVisibility(t.children.get(i));
        }
        if (sync != null && sync.visibilityListener != null) {
            sync.visibilityListener.visibilityChanged(t.entity, peer, want);
        }
    }

    // ---------------------------------------------------------------- authority: tracking

    private void trackCreated() {
        if (created.isEmpty()) {
            return;
        }
        scratchEntities.clear();
        scratchEntities.addAll(created);
        created.clear();
        // parents before children: shallower entities first, then by entity id for determinism
        scratchEntities.sort((a, b) -> {
            int d = Integer.compare(depth(a), depth(b));
            return d != 0 ? d : Integer.compare(a, b);
        });
        int me = multiplayer.uniqueId();
        int root = multiplayer.rootEntity();
        for (int i = 0; i < scratchEntities.size(); i++) {
            int e = scratchEntities.getInt(i);
            if (tracked.contains(e) || identities.has(e) || !instances.has(e) || !names.has(e) || !paths.isWithin(e, root)) {
                continue;
            }
            int spawner = spawnerFor(names.get(e).parent);
            if (spawner < 0 || authorities.authorityOf(spawner) != me) {
                continue;
            }
            Spawner sp = spawners.get(spawner);
            int index = sp.spawnable.indexOf(instances.get(e).prefab);
            if (index < 0) {
                continue;
            }
            if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
                stats.increment(Counter.DROPPED_SPAWN_LIMIT);
                continue;
            }
            track(e, spawner, index, names.get(e).name, null);
        }
    }

    private void track(int entity, int spawner, int prefabIndex, String name, byte[] customData) {
        if (nextNetId > MAX_NET_ID) {
            throw new IllegalStateException("net ids exhausted after " + MAX_NET_ID + " spawns; restart the session");
        }
        int netId = nextNetId++;
        TrackedSpawn t = new TrackedSpawn(entity, netId, spawner, prefabIndex, name, customData, trackedAncestorFrom(names.get(entity).parent));
        if (last == null) {
            first = t;
        } else {
            last.next = t;
            t.previous = last;
        }
        last = t;
        tracked.put(entity, t);
        if (t.parent != null) {
            t.parent.children.add(t);
        }
        spawners.get(spawner).live++;
        NetIdentity id = identities.create(entity);
        id.namespace = multiplayer.uniqueId();
        id.netId = netId;
        id.spawner = spawner;
        directory.put(id.namespace, netId, entity);
        byNetId.put(netId, t);
        newlyTracked.add(entity);
        reserveVisibilityQueue();
        queueVisibility(t);
    }

    private void instanceRemoved(int entity) {
        created.rem(entity);
        TrackedSpawn t = tracked.remove(entity);
        if (t == null) {
            return;
        }
        if (t.parent != null) {
            t.parent.children.remove(t);
        }
        if (t.previous == null) {
            first = t.next;
        } else {
            t.previous.next = t.next;
        }
        if (t.next == null) {
            last = t.previous;
        } else {
            t.next.previous = t.previous;
        }
        for (int peer : t.receivers) {
            sendDespawn(t, peer);
        }
        t.receivers.clear();
        // like freeing a node frees its subtree: spawns below a deleted spawn go too
        for (int i = 0; i < t.children.size(); i++) {
            world.delete(t.children.get(i).entity);
        }
        spawnerLiveDecrement(t.spawner);
        byNetId.remove(t.netId);
        filtered.rem(entity);
        directory.remove(multiplayer.uniqueId(), t.netId);
        state.forgotten(entity);
    }

    private TrackedSpawn trackedAncestorFrom(int parent) {
        for (int p = parent; p >= 0; p = paths.parentOf(p)) {
            TrackedSpawn t = tracked.get(p);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private int depth(int entity) {
        int d = 0;
        for (int p = paths.parentOf(entity); p >= 0; p = paths.parentOf(p)) {
            d++;
        }
        return d;
    }

    // ---------------------------------------------------------------- authority: packets

    private void sendSpawn(TrackedSpawn t, int peer) {
        int cacheId = multiplayer.pathCacheIdFor(peer, t.spawner);
        packet.clear();
        packet.writeByte((byte) Command.SPAWN);
        VarInt.write(packet, cacheId);
        VarInt.write(packet, t.netId);
        VarInt.write(packet, t.prefabIndex + 1);
        writeName(t.name);
        if (t.prefabIndex < 0) {
            VarInt.write(packet, t.customData.length);
            packet.write(t.customData);
        }
        custom.clear();
        state.write(t.entity, custom);
        VarInt.write(packet, (int) custom.readRemaining());
        packet.write(custom);
        multiplayer.sendPacket(peer, TransferMode.RELIABLE, 0, packet);
        stats.increment(Counter.SPAWNS_SENT);
    }

    private void writeName(String name) {
        long at = packet.writePosition();
        packet.writeByte((byte) 0);
        packet.ensureCapacity(at + 1 + MAX_NAME_BYTES);
        int n = Utf8.encode(name, packet, at + 1, MAX_NAME_BYTES);
        packet.writeByte(at, (byte) n);
        packet.writeSkip(n);
    }

    private void sendDespawn(TrackedSpawn t, int peer) {
        packet.clear();
        packet.writeByte((byte) Command.DESPAWN);
        VarInt.write(packet, t.netId);
        multiplayer.sendPacket(peer, TransferMode.RELIABLE, 0, packet);
        stats.increment(Counter.DESPAWNS_SENT);
    }

    // ---------------------------------------------------------------- receiver

    /** Validates and applies a SPAWN packet (read position after the command byte). */
    public void spawnReceived(int sender, Bytes<?> in) {
        long at = in.readPosition();
        long limit = in.readLimit();
        long r = VarInt.read(in, at, limit);
        if (r < 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int cacheId = VarInt.value(r);
        at += VarInt.length(r);
        r = VarInt.read(in, at, limit);
        if (r < 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int netId = VarInt.value(r);
        at += VarInt.length(r);
        r = VarInt.read(in, at, limit);
        if (r < 0 || netId == 0 || netId > MAX_NET_ID) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int prefabIndex = VarInt.value(r) - 1;
        at += VarInt.length(r);
        if (at >= limit) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int nameLength = in.readUnsignedByte(at++);
        if (nameLength == 0 || nameLength > MAX_NAME_BYTES || limit - at < nameLength) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        long nameAt = at;
        at += nameLength;
        long dataAt = -1;
        int dataLength = 0;
        if (prefabIndex < 0) {
            r = VarInt.read(in, at, limit);
            if (r < 0 || limit - at - VarInt.length(r) < VarInt.value(r)) {
                stats.increment(Counter.DROPPED_MALFORMED);
                return;
            }
            dataLength = VarInt.value(r);
            dataAt = at + VarInt.length(r);
            at = dataAt + dataLength;
        }
        r = VarInt.read(in, at, limit);
        if (r < 0 || limit - at - VarInt.length(r) != VarInt.value(r)) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int stateLength = VarInt.value(r);
        long stateAt = at + VarInt.length(r);

        int spawner = multiplayer.entityForCacheId(sender, cacheId);
        Spawner sp = spawner < 0 ? null : spawners.get(spawner);
        if (sp == null) {
            stats.increment(Counter.DROPPED_UNKNOWN_ID);
            return;
        }
        if (authorities.authorityOf(spawner) != sender) {
            stats.increment(Counter.DROPPED_UNAUTHORIZED);
            return;
        }
        Prefab prefab = prefabIndex >= 0 && prefabIndex < sp.spawnable.size() ? prefabs.get(sp.spawnable.get(prefabIndex)) : null;
        if (prefabIndex >= 0 ? prefab == null : sp.spawnFunction == null || sp.spawnDataCodec == null) {
            stats.increment(Counter.DROPPED_UNKNOWN_PREFAB);
            return;
        }
        if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
            stats.increment(Counter.DROPPED_SPAWN_LIMIT);
            return;
        }
        String name = receivedNames.decode(in, nameAt, nameLength);
        int parent = spawnParentOf(spawner, sp);
        if (!validName(name) || directory.contains(sender, netId) || paths.child(parent, name) >= 0) {
            stats.increment(Counter.DROPPED_DUPLICATE);
            return;
        }
        int entity = prefabIndex >= 0 ? buildPrefab(prefab) : buildCustom(sp, in, dataAt, dataLength);
        if (entity < 0) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        paths.setName(entity, name, parent);
        NetIdentity id = identities.create(entity);
        id.namespace = sender;
        id.netId = netId;
        id.spawner = spawner;
        if (stateLength > 0 && !state.apply(entity, in, stateAt, stateLength)) {
            world.delete(entity);
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        directory.put(sender, netId, entity);
        sp.live++;
        state.identified(entity);
        stats.increment(Counter.SPAWNS_APPLIED);
        if (sp.listener != null) {
            sp.listener.spawned(spawner, entity);
        }
    }

    /** Validates and applies a DESPAWN packet. */
    public void despawnReceived(int sender, Bytes<?> in) {
        long r = VarInt.read(in, in.readPosition(), in.readLimit());
        if (r < 0 || VarInt.length(r) != in.readRemaining()) {
            stats.increment(Counter.DROPPED_MALFORMED);
            return;
        }
        int entity = directory.entity(sender, VarInt.value(r));
        if (entity < 0) {
            stats.increment(Counter.DROPPED_UNKNOWN_ID);
            return;
        }
        despawnReplica(entity, true);
        stats.increment(Counter.DESPAWNS_APPLIED);
    }

    private int buildPrefab(Prefab prefab) {
        int entity = world.create();
        prefab.build(world, entity);
        return entity;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int buildCustom(Spawner sp, Bytes<?> in, long dataAt, int dataLength) {
        long readPosition = in.readPosition();
        long readLimit = in.readLimit();
        Object data;
        try {
            in.readLimit(dataAt + dataLength);
            in.readPosition(dataAt);
            data = sp.spawnDataCodec.read(in);
            if (in.readRemaining() != 0) {
                return -1;
            }
        } catch (RuntimeException malformed) {
            return -1; // the user's codec rejected the bytes: counted by the caller
        } finally {
            in.readLimit(readLimit);
            in.readPosition(readPosition);
        }
        return ((SpawnFunction) sp.spawnFunction).spawn(world, data);
    }

    private void despawnReplica(int entity, boolean notify) {
        NetIdentity id = identities.get(entity);
        Spawner sp = id.spawner >= 0 ? spawners.get(id.spawner) : null;
        if (notify && sp != null && sp.listener != null) {
            sp.listener.despawned(id.spawner, entity);
        }
        if (sp != null) {
            sp.live--;
        }
        directory.remove(id.namespace, id.netId);
        state.forgotten(entity);
        // artemis deletes at the next flush; free the name now so a spawn later in this poll may reuse it (Godot #4432)
        paths.release(entity);
        world.delete(entity);
    }

    private void deleteReplicasOf(int namespace) {
        IntBag all = world.getAspectSubscriptionManager().get(Aspect.all(NetIdentity.class)).getEntities();
        scratchEntities.clear();
        for (int i = 0; i < all.size(); i++) {
            int e = all.get(i);
            NetIdentity id = identities.get(e);
            if (!tracked.contains(e) && (namespace < 0 || id.namespace == namespace)
                    && directory.entity(id.namespace, id.netId) == e) {
                scratchEntities.add(e);
            }
        }
        for (int i = 0; i < scratchEntities.size(); i++) {
            despawnReplica(scratchEntities.getInt(i), true);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Spawner requireSpawner(int spawner) {
        Spawner sp = spawners.get(spawner);
        if (sp == null) {
            throw new IllegalArgumentException("entity " + spawner + " has no Spawner component");
        }
        return sp;
    }

    private void checkLimit(int spawner, Spawner sp) {
        if (sp.spawnLimit > 0 && sp.live >= sp.spawnLimit) {
            throw new IllegalStateException("spawner " + paths.pathOf(spawner) + " reached its spawn limit of " + sp.spawnLimit
                    + "; despawn something first or raise spawnLimit");
        }
    }

    private void checkName(int parent, String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("spawn name '" + name + "' must be 1 to " + MAX_NAME_BYTES
                    + " UTF-8 bytes without '/', ':' or '@'");
        }
        if (paths.child(parent, name) >= 0) {
            throw new IllegalArgumentException("the spawn parent already has a child named '" + name + "'; pick a unique name");
        }
    }

    private static boolean validName(String name) {
        return name != null && !name.isEmpty() && Utf8.encodedLength(name) <= MAX_NAME_BYTES
                && name.indexOf('/') < 0 && name.indexOf(':') < 0 && name.indexOf('@') < 0;
    }

    private int spawnParentOf(int spawner, Spawner sp) {
        return sp.spawnParent >= 0 ? sp.spawnParent : spawner;
    }

    private int spawnerFor(int parent) {
        if (parent < 0) {
            return -1;
        }
        IntBag all = spawnerEntities.getEntities();
        for (int i = 0; i < all.size(); i++) {
            int s = all.get(i);
            if (spawnParentOf(s, spawners.get(s)) == parent) {
                return s;
            }
        }
        return -1;
    }

    private void spawnerLiveDecrement(int spawner) {
        Spawner sp = spawners.get(spawner);
        if (sp != null) {
            sp.live--;
        }
    }

    @Override
    public void close() {
        packet.releaseLast();
        custom.releaseLast();
    }
}
