package dev.entitynet.replication.spawn;

import com.artemis.World;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.ReplicationStats;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.visibility.Audience;
import dev.entitynet.replication.visibility.InterestScope;
import dev.entitynet.replication.visibility.Reconsider;
import dev.entitynet.transport.SendResult;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The spawn side of the replication engine as {@code SceneReplication} drives it (internal: games
 * use {@link SpawnerSystem}, from {@code SceneReplication.spawners()}). Godot's MultiplayerSpawner
 * logic in SceneReplicationInterface, split by job: {@link SpawnTracker} (the authority's spawns),
 * {@link SpawnVisibility} (who has which), {@link SpawnSender} (their packets) and
 * {@link ReplicaSpawner} (receivers). Not an artemis system because several SceneMultiplayers may
 * share a World and the timing is the multiplayer's poll and flush.
 *
 * <p>A joining peer gets every live spawn it may see in creation order, parents first, when it is
 * admitted and before peer_connected, as Godot's {@code on_peer_change} does. Spawns normally go
 * out at the end of the tick, once the game has set the new entity up; a call (RPC or raw bytes)
 * sent earlier in the tick first sends the spawns still pending ({@link #flushBefore}), so on
 * every peer the call arrives after the spawn it may refer to.
 */
public final class SpawnEngine implements AutoCloseable {
    private final PeerSlots slots;
    private final NetIdDirectory directory;
    private final ReceiverTable receivers = new ReceiverTable();
    private final SpawnTracker tracker;
    private final SpawnSender sender;
    private final SpawnVisibility visibility;
    private final ReplicaSpawner replicas;
    private final CallReach reach;
    private final SpawnerSystem api;

    /** The spawn side of one {@code SceneReplication}. */
    public SpawnEngine(World world, ReplicationHost host, PeerSlots slots, PrefabRegistry prefabs, NetIdDirectory directory,
                       SpawnState state, ReplicationStats stats) {
        this.slots = slots;
        this.directory = directory;
        SpawnerIndex spawnerIndex = new SpawnerIndex(world);
        this.tracker = new SpawnTracker(world, host, directory, state, stats, spawnerIndex, receivers);
        this.sender = new SpawnSender(host, world.getSystem(EntityPaths.class), state, stats);
        this.visibility = new SpawnVisibility(world, host, slots, receivers, tracker.tracked, tracker.byNetId, sender, stats);
        tracker.visibility(visibility);
        this.replicas = new ReplicaSpawner(world, host, prefabs, directory, state, stats, tracker);
        this.reach = new CallReach(world, slots, tracker, visibility);
        this.api = new SpawnerSystem(world, host, prefabs, spawnerIndex, tracker, visibility);
    }

    /** The game's side: instantiate, custom spawn, visibility updates. */
    public SpawnerSystem api() {
        return api;
    }

    /** Who may receive records about an entity. */
    public Audience audience() {
        return visibility;
    }

    /** Where interest management reports entities whose candidate peers changed. */
    public Reconsider reconsider() {
        return visibility;
    }

    /** Sets interest management, which narrows the peers each spawn is evaluated for. */
    public void scope(InterestScope scope) {
        visibility.scope(scope);
    }

    /** Whether {@code entity}'s visibility filters are evaluated every tick (set while it has filters). */
    public void evaluateEveryTick(int entity, boolean everyTick) {
        visibility.evaluateEveryTick(entity, everyTick);
    }

    /** Whether this peer tracks any spawn. */
    public boolean hasTrackedSpawns() {
        return tracker.first() != null;
    }

    /** Spawns the peer has from this peer. */
    public int heldBy(int peerId) {
        return visibility.heldBy(peerId);
    }

    /** Spawns ({@code spawns} true) or despawns sent to the peer since it was admitted. */
    public long sentTo(int peerId, boolean spawns) {
        return visibility.sentTo(peerId, spawns);
    }

    /**
     * A peer was admitted and given {@code slot}: it gets every live spawn it may see now, pending
     * ones included, in creation order, so the game's peer_connected handler can already address them.
     */
    public void peerAdded(int peerId, int slot) {
        receivers.ensureSlots(slots.bound());
        visibility.ensureSlots(slots.bound());
        sendPending(false);
        for (TrackedSpawn t = tracker.first(); t != null; t = t.next) {
            visibility.evaluate(t, slot);
        }
    }

    /** The peer in {@code slot} left: forget what it has, and delete what it spawned here. */
    public void peerRemoved(int peerId, int slot) {
        if (slot >= 0) {
            visibility.peerRemoved(slot);
        }
        replicas.deleteReplicasOf(peerId);
    }

    /** Validates and applies a SPAWN packet (read position after the command byte). */
    public void spawnReceived(int sender, Bytes<?> in) {
        replicas.spawnReceived(sender, in);
    }

    /** Validates and applies a DESPAWN packet. */
    public void despawnReceived(int sender, Bytes<?> in) {
        replicas.despawnReceived(sender, in);
    }

    /** End of tick, first step: tracks the prefab instances created in the tick (interest places them next). */
    public void trackCreated() {
        tracker.trackCreated();
    }

    /**
     * End of tick, after interest management: re-evaluates the spawns with visibility filters, then
     * sends the spawns and despawns of everything that changed, in creation order.
     */
    public void networkProcess() {
        visibility.startTick();
        visibility.queueFiltered();
        sendPending(true);
    }

    /**
     * Spawns a peer gets per tick at most from visibility and interest changes (default 1024): a
     * viewpoint entering a crowded area is spawned over several ticks instead of flooding the
     * transport in one. A newcomer still gets every spawn it may see before peer_connected.
     *
     * @throws IllegalArgumentException when below 1
     */
    public void spawnBudget(int spawnsPerPeerPerTick) {
        if (spawnsPerPeerPerTick < 1) {
            throw new IllegalArgumentException("the spawn budget must be at least 1 spawn per peer and tick, got " + spawnsPerPeerPerTick);
        }
        visibility.spawnBudget(spawnsPerPeerPerTick);
    }

    /**
     * Before a call about {@code entity} (-1 when it names none, as raw bytes) goes out: sends the
     * spawns and despawns still pending, so every peer gets them before the call. Nothing to do
     * costs a few lookups.
     */
    public void flushBefore(int entity) {
        tracker.noticeCreated(entity);
        if (tracker.hasCreated() || visibility.hasQueued()) {
            sendPending(false);
        }
    }

    private void sendPending(boolean endOfTick) {
        if (!endOfTick) {
            tracker.trackCreated();
        }
        visibility.scope().placePending();
        visibility.drain();
    }

    /** What keeps a call about {@code entity} from {@code peerId} (see {@link CallReach#reach}). */
    public SendResult reach(int entity, int peerId) {
        return reach.reach(entity, peerId);
    }

    /** Deletes every received spawn and forgets every tracked one (Godot's {@code clear()}). */
    public void reset() {
        replicas.deleteReplicasOf(-1);
        tracker.reset();
        visibility.reset();
        directory.clear();
    }

    @Override
    public void close() {
        sender.close();
        api.close();
    }
}
