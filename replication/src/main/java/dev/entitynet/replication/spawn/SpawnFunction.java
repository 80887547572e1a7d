package dev.entitynet.replication.spawn;

import com.artemis.World;

/**
 * Godot's {@code spawn_function}: builds an entity from typed spawn data. Called on the authority by
 * {@link SpawnerSystem#spawn} and on every receiver with the decoded data.
 *
 * @param <D> the spawn data type
 */
@FunctionalInterface
public interface SpawnFunction<D> {
    /**
     * Creates and fills a new entity from {@code data} (do not set its name or parent: the spawner does).
     *
     * @return the new entity
     */
    int spawn(World world, D data);
}
