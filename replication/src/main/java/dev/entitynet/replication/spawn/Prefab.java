package dev.entitynet.replication.spawn;

import com.artemis.World;

/**
 * Builds the components of a spawnable prefab (Godot's spawnable scene) onto a fresh entity. The
 * same code runs on the authority and on receivers, before the spawn state is applied; it must
 * not name the entity (the spawner does).
 */
@FunctionalInterface
public interface Prefab {
    /** Adds the prefab's components (including a {@code Synchronizer} if it replicates state) to {@code entity}. */
    void build(World world, int entity);
}
