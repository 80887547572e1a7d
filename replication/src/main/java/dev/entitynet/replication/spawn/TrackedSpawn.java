package dev.entitynet.replication.spawn;

import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * A spawn this peer is the authority of: what the SPAWN packet needs to be rebuilt for any peer at
 * any time (late join, visibility, interest), its row in the {@link ReceiverTable} (which peers
 * have it), and its place in creation order (an intrusive list, so removal is O(1) and replay
 * order never changes: Godot #91342).
 */
final class TrackedSpawn {
    final int entity;
    final int netId;
    final int spawner;
    /** Index in the spawner's spawnable list, or -1 for a custom spawn. */
    final int prefabIndex;
    final String name;
    /** Encoded custom spawn data, or null. */
    final byte[] customData;
    /** The nearest tracked ancestor, which every receiver must have first; or null. */
    final TrackedSpawn parent;
    /** Its row in the receiver table. */
    final int row;
    final ObjectArrayList<TrackedSpawn> children = new ObjectArrayList<>(0);
    TrackedSpawn previous;
    TrackedSpawn next;
    /** Whether it is already queued for re-evaluation for every candidate peer. */
    boolean visibilityQueued;

    TrackedSpawn(int entity, int netId, int spawner, int prefabIndex, String name, byte[] customData, TrackedSpawn parent, int row) {
        this.entity = entity;
        this.netId = netId;
        this.spawner = spawner;
        this.prefabIndex = prefabIndex;
        this.name = name;
        this.customData = customData;
        this.parent = parent;
        this.row = row;
    }
}
