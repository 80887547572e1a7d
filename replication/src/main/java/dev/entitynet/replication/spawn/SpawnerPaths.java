package dev.entitynet.replication.spawn;

import dev.entitynet.ecs.ReplicationHost;
import dev.entitynet.ecs.path.EntityPaths;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * The path-cache id a SPAWN names its spawner by, remembered per peer slot once the peer has been
 * sent the spawner's path: interest management spawns the same entities again and again, and each
 * spawn would otherwise ask the path cache (root, ancestry, two hash lookups) again. The memory
 * is dropped when the spawner's path or the root changes ({@link EntityPaths#serial}).
 */
final class SpawnerPaths {
    private final ReplicationHost host;
    private final EntityPaths paths;
    private final Int2ObjectOpenHashMap<Announced> bySpawner = new Int2ObjectOpenHashMap<>();

    /** One spawner's cache id and the slots it was announced to. */
    private static final class Announced {
        int serial = -1;
        int root;
        int cacheId = -1;
        long[] slots = new long[1];
    }

    SpawnerPaths(ReplicationHost host, EntityPaths paths) {
        this.host = host;
        this.paths = paths;
    }

    /** The cache id of {@code spawner} for the peer {@code peerId} in {@code slot}, announcing it the first time; -1 without a path. */
    int cacheIdFor(int spawner, int peerId, int slot) {
        Announced a = bySpawner.get(spawner);
        if (a == null) {
            a = new Announced();
            bySpawner.put(spawner, a);
        }
        int serial = paths.serial(spawner);
        int root = host.rootEntity();
        if (serial != a.serial || root != a.root) {
            a.serial = serial;
            a.root = root;
            Arrays.fill(a.slots, 0L);
        }
        int word = slot >>> 6;
        if (word < a.slots.length && (a.slots[word] & 1L << slot) != 0) {
            return a.cacheId;
        }
        int id = host.pathCacheIdFor(peerId, spawner);
        if (id >= 0) {
            if (word >= a.slots.length) {
                a.slots = Arrays.copyOf(a.slots, word + 1);
            }
            a.slots[word] |= 1L << slot;
            a.cacheId = id;
        }
        return id;
    }

    /** The peer in {@code slot} left; the next one there has been announced nothing. */
    void forget(int slot) {
        int word = slot >>> 6;
        for (Announced a : bySpawner.values()) {
            if (word < a.slots.length) {
                a.slots[word] &= ~(1L << slot);
            }
        }
    }

    void clear() {
        bySpawner.clear();
    }
}
