package dev.entitynet.replication.sync;

import com.artemis.PooledComponent;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.snapshot.SnapshotGroup;
import dev.entitynet.replication.visibility.VisibilityFilter;
import dev.entitynet.replication.visibility.VisibilityListener;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * Godot's MultiplayerSynchronizer as a component on a spawned entity: what to replicate (a
 * {@link ReplicationConfig} shared by all peers), how often, and who may see it. The authority of
 * the entity sends; everybody else applies. Change the visibility fields through
 * {@code SceneReplication} ({@code setVisibilityFor}, {@code setPublicVisibility},
 * {@code updateVisibility}) so spawns and despawns follow at once. Pooled: interest management
 * creates and deletes replicas all the time, and each would otherwise allocate its sets again.
 */
public final class Synchronizer extends PooledComponent {
    /** What is replicated; must be set before the entity's first network tick. */
    public ReplicationConfig config;
    /** Network ticks between unreliable ALWAYS updates; 0 = every tick. */
    public int replicationInterval;
    /** Network ticks between reliable ON_CHANGE updates; 0 = every tick. */
    public int deltaInterval;
    /** Whether every peer may see the entity (Godot's {@code public_visibility}, default true). */
    public boolean publicVisibility = true;
    /** Peers that may see it besides the public flag (Godot's {@code set_visibility_for}). */
    public final IntOpenHashSet visibleFor = new IntOpenHashSet();
    /** Visibility filters; change them through {@code SceneReplication.addVisibilityFilter/removeVisibilityFilter}. */
    final ObjectArrayList<VisibilityFilter> filters = new ObjectArrayList<>();
    /** Receives {@code synchronized} / {@code delta_synchronized} on receivers, or null. */
    public SyncListener listener;
    /** Receives {@code visibility_changed} on the authority, or null. */
    public VisibilityListener visibilityListener;
    /** Sender side: the snapshot group this peer sends it from, or null (cached for {@code markDirty}). */
    SnapshotGroup group;
    /** Receiver side: the sender tick of the last applied ALWAYS record. */
    long lastSyncTick;
    /** Receiver side: who sent it (-1 = nobody yet); a new sender resets the staleness filter. */
    int lastSyncSender = -1;

    /** Artemis needs the public no-arg constructor. */
    public Synchronizer() {
    }

    @Override
    protected void reset() {
        config = null;
        replicationInterval = 0;
        deltaInterval = 0;
        publicVisibility = true;
        visibleFor.clear();
        filters.clear();
        listener = null;
        visibilityListener = null;
        group = null;
        lastSyncTick = 0;
        lastSyncSender = -1;
    }

    /** Whether the synchronizer has visibility filters. */
    public boolean hasFilters() {
        return !filters.isEmpty();
    }

    /** Whether every filter lets {@code peerId} see {@code entity} (true without filters). */
    public boolean filtersAccept(int entity, int peerId) {
        for (int i = 0; i < filters.size(); i++) {
            if (!filters.get(i).isVisible(entity, peerId)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a filter (use {@code SceneReplication.addVisibilityFilter}, which also schedules its evaluation). */
    public void addFilter(VisibilityFilter filter) {
        filters.add(filter);
    }

    /** Removes a filter; false when absent. */
    public boolean removeFilter(VisibilityFilter filter) {
        return filters.remove(filter);
    }

    /** Sets the config; returns this. */
    public Synchronizer config(ReplicationConfig config) {
        this.config = config;
        return this;
    }
}
