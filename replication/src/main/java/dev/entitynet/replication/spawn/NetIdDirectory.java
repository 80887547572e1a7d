package dev.entitynet.replication.spawn;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * (namespace, net id) to local entity, for every spawned entity this peer knows: its own spawns and
 * received ones. Receivers key by the sender's namespace, so two authorities using the same net id
 * never collide (Godot #100199).
 */
public final class NetIdDirectory {
    private final Long2IntOpenHashMap entities = new Long2IntOpenHashMap();

    /** An empty directory. */
    public NetIdDirectory() {
        entities.defaultReturnValue(-1);
    }

    /** The key of a net id. */
    public static long key(int namespace, int netId) {
        return (long) namespace << 32 | (netId & 0xFFFFFFFFL);
    }

    /** The entity, or -1. */
    public int entity(int namespace, int netId) {
        return entities.get(key(namespace, netId));
    }

    /** Whether the id is in use. */
    public boolean contains(int namespace, int netId) {
        return entities.containsKey(key(namespace, netId));
    }

    void put(int namespace, int netId, int entity) {
        entities.put(key(namespace, netId), entity);
    }

    void remove(int namespace, int netId) {
        entities.remove(key(namespace, netId));
    }

    void clear() {
        entities.clear();
    }

    /** Number of known spawned entities. */
    public int size() {
        return entities.size();
    }
}
