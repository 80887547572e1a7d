package dev.entitynet.replication.spawn;

import java.util.Arrays;

/**
 * Tracked spawns by local entity id: a plain array, since artemis ids are small and dense, so the
 * per-record visibility checks of a tick cost an array load instead of a hash lookup.
 */
final class TrackedSpawns {
    private TrackedSpawn[] byEntity = new TrackedSpawn[1024];

    TrackedSpawn get(int entity) {
        return entity >= 0 && entity < byEntity.length ? byEntity[entity] : null;
    }

    boolean contains(int entity) {
        return get(entity) != null;
    }

    void put(int entity, TrackedSpawn spawn) {
        if (entity >= byEntity.length) {
            byEntity = Arrays.copyOf(byEntity, Math.max(entity + 1, byEntity.length * 2));
        }
        byEntity[entity] = spawn;
    }

    TrackedSpawn remove(int entity) {
        TrackedSpawn t = get(entity);
        if (t != null) {
            byEntity[entity] = null;
        }
        return t;
    }

    void clear() {
        Arrays.fill(byEntity, null);
    }
}
