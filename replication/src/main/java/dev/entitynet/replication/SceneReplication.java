package dev.entitynet.replication;

import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.ecs.ReplicationHooks;
import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.SceneMultiplayer;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.baseline.Snapshots;
import dev.entitynet.replication.interest.CellGrid;
import dev.entitynet.replication.interest.InterestEngine;
import dev.entitynet.replication.interest.InterestManagement;
import dev.entitynet.replication.interest.Locator;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.snapshot.ChangeTracking;
import dev.entitynet.replication.spawn.NetIdDirectory;
import dev.entitynet.replication.spawn.Prefab;
import dev.entitynet.replication.spawn.PrefabRegistry;
import dev.entitynet.replication.spawn.SpawnEngine;
import dev.entitynet.replication.spawn.SpawnerSystem;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.replication.sync.SynchronizerSystem;
import dev.entitynet.replication.visibility.VisibilityFilter;
import dev.entitynet.transport.SendResult;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Godot's SceneReplicationInterface for artemis-odb: spawners and synchronizers of one
 * {@link SceneMultiplayer}, installed into it by the constructor.
 *
 * <pre>{@code
 * SceneReplication replication = new SceneReplication(world, multiplayer, ChangeTracking.COMPARE_ALL);
 * replication.registerPrefab("Player", (w, e) -> w.edit(e).create(Synchronizer.class).config = playerConfig);
 * int spawner = ...; // an entity with a Spawner listing "Player", same on every peer
 * replication.spawners().instantiate(spawner, "Player", "Bob"); // on the spawner's authority
 * }</pre>
 */
public final class SceneReplication implements ReplicationHooks, AutoCloseable {
    private final Authorities authorities;
    private final EntityPaths paths;
    private final ComponentMapper<Synchronizer> synchronizers;
    private final PrefabRegistry prefabs = new PrefabRegistry();
    private final NetIdDirectory directory = new NetIdDirectory();
    private final ReplicationStats stats = new ReplicationStats();
    private final PeerSlots slots = new PeerSlots();
    private final SynchronizerSystem synchronizerSystem;
    private final SpawnEngine spawnEngine;
    private final IntArrayList scratch = new IntArrayList();
    private final ChangeTracking tracking;
    private InterestEngine interest;

    /**
     * Creates the replication layer of {@code multiplayer} and installs it.
     *
     * @param tracking how changed values are found: {@link ChangeTracking#COMPARE_ALL} catches every
     *     mutation; {@link ChangeTracking#MARKED} needs {@link #markDirty} and costs nearly nothing per clean entity
     */
    public SceneReplication(World world, SceneMultiplayer multiplayer, ChangeTracking tracking) {
        ReplicationHost host = multiplayer.replication(this);
        this.tracking = tracking;
        this.authorities = world.getSystem(Authorities.class);
        this.paths = world.getSystem(EntityPaths.class);
        this.synchronizers = world.getMapper(Synchronizer.class);
        this.synchronizerSystem = new SynchronizerSystem(world, host, slots, directory, stats, tracking);
        this.spawnEngine = new SpawnEngine(world, host, slots, prefabs, directory, synchronizerSystem, stats);
        synchronizerSystem.audience(spawnEngine.audience());
    }

    /**
     * Turns on spatial interest management on this peer (the spawners' authority): from now on each
     * peer is spawned only the spawns in the cells its viewpoints see (see
     * {@link InterestManagement}). {@code locator} says where a spawn is; with
     * {@link ChangeTracking#MARKED}, {@link #markDirty} also tells interest management that an
     * entity may have moved.
     *
     * @throws IllegalStateException when interest management is already on, or spawns are already
     *     tracked (turn it on at setup, before spawning)
     */
    public InterestManagement enableInterest(CellGrid grid, Locator locator) {
        if (interest != null) {
            throw new IllegalStateException("interest management is already enabled on this SceneReplication");
        }
        if (spawnEngine.hasTrackedSpawns()) {
            throw new IllegalStateException("enable interest management at setup, before the first spawn; spawns are already tracked");
        }
        interest = new InterestEngine(grid, locator, tracking, slots, spawnEngine.reconsider(), stats);
        spawnEngine.scope(interest);
        synchronizerSystem.cells(interest);
        return interest.api();
    }

    /** Interest management, or null when it is off. */
    public InterestManagement interest() {
        return interest == null ? null : interest.api();
    }

    /**
     * Spawns a peer gets per tick at most when visibility or interest changes (default 1024): more
     * wait for the next tick, so a viewpoint entering a crowded area does not flood the transport.
     * A newcomer still gets every spawn it may see before peer_connected.
     *
     * @throws IllegalArgumentException when below 1
     */
    public void maxSpawnsPerPeerPerTick(int spawns) {
        spawnEngine.spawnBudget(spawns);
    }

    /** Spawns from this peer that {@code peerId} has now (the entities in its view). */
    public int spawnsHeldBy(int peerId) {
        return spawnEngine.heldBy(peerId);
    }

    /** SPAWN packets this peer sent {@code peerId} since it was admitted. */
    public long spawnsSentTo(int peerId) {
        return spawnEngine.sentTo(peerId, true);
    }

    /** DESPAWN packets this peer sent {@code peerId} since it was admitted. */
    public long despawnsSentTo(int peerId) {
        return spawnEngine.sentTo(peerId, false);
    }

    /** Registers a spawnable prefab by name (do it identically on every peer). */
    public void registerPrefab(String name, Prefab prefab) {
        prefabs.register(name, prefab);
    }

    /** The spawner side: instantiate, custom spawn, visibility updates. */
    public SpawnerSystem spawners() {
        return spawnEngine.api();
    }

    /** The synchronizer side. */
    public SynchronizerSystem synchronizers() {
        return synchronizerSystem;
    }

    /** Drop and traffic counters. */
    public ReplicationStats stats() {
        return stats;
    }

    /** The (namespace, net id) directory of spawned entities. */
    public NetIdDirectory directory() {
        return directory;
    }

    /**
     * Marks {@code entity}'s replicated state changed (required with {@link ChangeTracking#MARKED});
     * with interest management, also that it may have entered another cell.
     */
    public void markDirty(int entity) {
        synchronizerSystem.markDirty(entity);
        if (interest != null) {
            interest.moved(entity);
        }
    }

    /**
     * Changes the multiplayer authority of {@code entity} (and with {@code recursive} its
     * descendants) and restarts or stops its synchronizer on this peer accordingly. Call it with
     * the same arguments on every peer. Receivers accept the new authority's updates at once.
     */
    public void setAuthority(int entity, int peerId, boolean recursive) {
        authorities.setAuthority(entity, peerId, recursive);
        scratch.clear();
        scratch.add(entity);
        while (!scratch.isEmpty()) {
            int e = scratch.popInt();
            synchronizerSystem.refresh(e);
            if (recursive) {
                paths.childrenOf(e, scratch);
            }
        }
    }

    /**
     * Godot's {@code set_visibility_for}: peer 0 sets the public flag. Takes effect at the end of the
     * tick; with interest management only among the peers whose interest holds the entity.
     */
    public void setVisibilityFor(int entity, int peerId, boolean visible) {
        Synchronizer sync = requireSynchronizer(entity);
        if (peerId == 0) {
            sync.publicVisibility = visible;
        } else if (visible) {
            sync.visibleFor.add(peerId);
        } else {
            sync.visibleFor.remove(peerId);
        }
        spawnEngine.api().updateVisibility(entity);
    }

    /**
     * Godot's {@code add_visibility_filter}: filters are re-evaluated every tick while the entity has
     * any. What that costs: each tick, one call of each filter per candidate peer, which is every
     * admitted peer without interest management and only the peers whose interest holds the entity
     * with it (so a filtered entity nobody is near costs nothing per peer).
     */
    public void addVisibilityFilter(int entity, VisibilityFilter filter) {
        requireSynchronizer(entity).addFilter(filter);
        spawnEngine.evaluateEveryTick(entity, true);
        spawnEngine.api().updateVisibility(entity);
    }

    /** Godot's {@code remove_visibility_filter}. */
    public void removeVisibilityFilter(int entity, VisibilityFilter filter) {
        Synchronizer sync = requireSynchronizer(entity);
        sync.removeFilter(filter);
        spawnEngine.evaluateEveryTick(entity, sync.hasFilters());
        spawnEngine.api().updateVisibility(entity);
    }

    /**
     * Godot's {@code update_visibility}: re-evaluates filters and flags at the end of the tick, for
     * the entity's candidate peers (every peer, or with interest management those whose interest
     * holds it).
     */
    public void updateVisibility(int entity) {
        spawnEngine.api().updateVisibility(entity);
    }

    /** Whether replication records about {@code entity} may go to {@code peerId} (the entity is spawned there and visible). */
    public boolean isVisibleTo(int entity, int peerId) {
        return spawnEngine.audience().visibleTo(entity, peerId);
    }

    /** Re-reads a synchronizer's intervals after changing them. */
    public void intervalsChanged(int entity) {
        synchronizerSystem.refresh(entity);
    }

    private Synchronizer requireSynchronizer(int entity) {
        Synchronizer sync = synchronizers.get(entity);
        if (sync == null) {
            throw new IllegalArgumentException("entity " + entity + " has no Synchronizer component");
        }
        return sync;
    }

    // ---------------------------------------------------------------- ReplicationHooks

    @Override
    public void peerAdded(int peerId) {
        spawnEngine.peerAdded(peerId, slots.add(peerId));
        synchronizerSystem.peerAdded(peerId);
    }

    @Override
    public void peerRemoved(int peerId) {
        spawnEngine.peerRemoved(peerId, slots.slotOf(peerId));
        if (interest != null) {
            interest.peerRemoved(peerId);
        }
        synchronizerSystem.peerRemoved(peerId);
        slots.remove(peerId);
    }

    @Override
    public void spawnReceived(int senderId, Bytes<?> packet) {
        spawnEngine.spawnReceived(senderId, packet);
    }

    @Override
    public void despawnReceived(int senderId, Bytes<?> packet) {
        spawnEngine.despawnReceived(senderId, packet);
    }

    @Override
    public void syncReceived(int senderId, Bytes<?> packet, boolean delta) {
        synchronizerSystem.syncReceived(senderId, packet, delta);
    }

    @Override
    public void snapshotReceived(int senderId, Bytes<?> packet) {
        synchronizerSystem.snapshotReceived(senderId, packet);
    }

    @Override
    public void snapshotAckReceived(int senderId, Bytes<?> packet) {
        synchronizerSystem.snapshotAckReceived(senderId, packet);
    }

    /**
     * Delta-coded snapshots: configs whose ALWAYS properties all use
     * {@link dev.entitynet.replication.quantize.Quantized} codecs replicate through them (budget,
     * priority, interpolation are set here).
     */
    public Snapshots snapshots() {
        return synchronizerSystem.snapshots();
    }

    @Override
    public void networkProcess() {
        spawnEngine.trackCreated();
        if (interest != null) {
            interest.update();
        }
        spawnEngine.networkProcess();
        synchronizerSystem.networkProcess();
    }

    @Override
    public SendResult reach(int entity, int peerId) {
        return spawnEngine.reach(entity, peerId);
    }

    @Override
    public void flushSpawns(int entity) {
        spawnEngine.flushBefore(entity);
    }

    @Override
    public void reset() {
        spawnEngine.reset();
        if (interest != null) {
            interest.reset();
        }
        synchronizerSystem.reset();
        slots.clear();
    }

    @Override
    public void close() {
        spawnEngine.close();
        synchronizerSystem.close();
    }
}
