package dev.entitynet.replication.spawn;

import com.artemis.ComponentMapper;
import com.artemis.World;
import dev.entitynet.ecs.path.EntityPaths;
import dev.entitynet.replication.peer.PeerSlots;
import dev.entitynet.replication.sync.Synchronizer;
import dev.entitynet.replication.visibility.VisibilityRules;
import dev.entitynet.transport.SendResult;

/** Whether a call (RPC) about an entity can reach a peer, as far as spawns and visibility go. */
final class CallReach {
    private final EntityPaths paths;
    private final PeerSlots slots;
    private final SpawnTracker tracker;
    private final SpawnVisibility visibility;
    private final ComponentMapper<NetIdentity> identities;
    private final ComponentMapper<Synchronizer> synchronizers;

    CallReach(World world, PeerSlots slots, SpawnTracker tracker, SpawnVisibility visibility) {
        this.paths = world.getSystem(EntityPaths.class);
        this.slots = slots;
        this.tracker = tracker;
        this.visibility = visibility;
        this.identities = world.getMapper(NetIdentity.class);
        this.synchronizers = world.getMapper(Synchronizer.class);
    }

    /**
     * {@link SendResult#SENT} when nothing keeps a call about {@code entity} from {@code peerId};
     * {@link SendResult#NOT_VISIBLE} when its synchronizer hides it from that peer (or interest
     * management does); {@link SendResult#NOT_SPAWNED} when it, or the spawn it belongs to, was not
     * spawned there (a parent spawn the peer lacks, or a prefab instance whose spawn was refused).
     * Entities outside any spawn are visible by their own synchronizer, and a replica always to the
     * peer that spawned it, as in Godot's {@code is_rpc_visible}. Allocation-free.
     */
    SendResult reach(int entity, int peerId) {
        NetIdentity id = identities.get(entity);
        if (id != null && id.namespace == peerId) {
            return SendResult.SENT; // a replica is always reachable by the peer that spawned it (Godot's is_rpc_visible)
        }
        int slot = slots.slotOf(peerId);
        TrackedSpawn own = tracker.get(entity);
        if (own != null) {
            if (visibility.has(own, slot)) {
                return SendResult.SENT;
            }
            boolean inInterest = slot < 0 || visibility.scope().admits(entity, slot, false);
            return inInterest && VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId) ? SendResult.NOT_SPAWNED
                    : SendResult.NOT_VISIBLE;
        }
        if (!VisibilityRules.isVisible(synchronizers.get(entity), entity, peerId)) {
            return SendResult.NOT_VISIBLE;
        }
        for (int e = entity; e >= 0; e = paths.parentOf(e)) {
            TrackedSpawn t = tracker.get(e);
            if (t != null) {
                return visibility.has(t, slot) ? SendResult.SENT : SendResult.NOT_SPAWNED;
            }
            if (tracker.isRefusedSpawn(e)) {
                return SendResult.NOT_SPAWNED;
            }
        }
        return SendResult.SENT;
    }
}
