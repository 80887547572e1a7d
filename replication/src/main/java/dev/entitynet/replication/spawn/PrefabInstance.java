package dev.entitynet.replication.spawn;

import com.artemis.PooledComponent;

/**
 * Marks an entity as an instance of a registered prefab (Godot's {@code scene_file_path}): when the
 * spawner's authority creates one named under a spawner's spawn parent, it is spawned on the
 * peers. {@link SpawnerSystem#instantiate} adds it for you.
 */
public final class PrefabInstance extends PooledComponent {
    /** The prefab's registered name. */
    public String prefab;

    /** Artemis needs the public no-arg constructor. */
    public PrefabInstance() {
    }

    @Override
    protected void reset() {
        prefab = null;
    }
}
