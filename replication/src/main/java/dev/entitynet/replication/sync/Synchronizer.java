package dev.entitynet.replication.sync;

import com.artemis.Component;
import dev.entitynet.replication.config.ReplicationConfig;
import dev.entitynet.replication.visibility.VisibilityFilter;
import dev.entitynet.replication.visibility.VisibilityListener;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * Godot's MultiplayerSynchronizer as a component on a spawned entity: what to replicate (a
 * {@link ReplicationConfig} shared by all peers), how often, and who may see it. The authority of
 * the entity sends; everybody else applies. Change the visibility fields through
 * {@code SceneReplication} ({@code setVisibilityFor}, {@code setPublicVisibility},
 * {@code updateVisibility}) so spawns and despawns follow at once.
 */
public final class Synchronizer extends Component {
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
    /** All must accept a peer for it to see the entity; re-evaluated every tick while non-empty. */
    public final ObjectArrayList<VisibilityFilter> filters = new ObjectArrayList<>();
    /** Receives {@code synchronized} / {@code delta_synchronized} on receivers, or null. */
    public SyncListener listener;
    /** Receives {@code visibility_changed} on the authority, or null. */
    public VisibilityListener visibilityListener;
    /** Receiver side: the sender tick of the last applied ALWAYS record. */
    long lastSyncTick;
    /** Receiver side: who sent it (-1 = nobody yet); a new sender resets the staleness filter. */
    int lastSyncSender = -1;

    /** Artemis needs the public no-arg constructor. */
    public Synchronizer() {
    }

    /** Sets the config; returns this. */
    public Synchronizer config(ReplicationConfig config) {
        this.config = config;
        return this;
    }
}
