package dev.entitynet.replication.spawn;

import java.util.HashMap;
import java.util.Map;

/** Spawnable prefabs by name, registered once at setup and identically on every peer. */
public final class PrefabRegistry {
    private final Map<String, Prefab> prefabs = new HashMap<>();

    /**
     * Registers {@code prefab} under {@code name}.
     *
     * @throws IllegalArgumentException when the name is empty or already taken
     */
    public void register(String name, Prefab prefab) {
        if (name == null || name.isEmpty() || prefab == null) {
            throw new IllegalArgumentException("a prefab needs a non-empty name and a builder");
        }
        if (prefabs.putIfAbsent(name, prefab) != null) {
            throw new IllegalArgumentException("a prefab named " + name + " is already registered");
        }
    }

    /** The prefab, or null. */
    public Prefab get(String name) {
        return name == null ? null : prefabs.get(name);
    }
}
