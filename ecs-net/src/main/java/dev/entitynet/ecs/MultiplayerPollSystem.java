package dev.entitynet.ecs;

import com.artemis.BaseSystem;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * First system of a tick: polls every {@link SceneMultiplayer} registered in this World, in
 * registration order, applying what arrived (admissions, authentication, RPCs, raw packets,
 * replication). Artemis keeps one system per class, so this one system serves every instance (for
 * example a server and a client under different root paths in one World).
 */
public final class MultiplayerPollSystem extends BaseSystem {
    private final ObjectArrayList<SceneMultiplayer> instances = new ObjectArrayList<>();

    @Override
    protected void processSystem() {
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).poll();
        }
    }

    /** The registered instances, in registration order (do not modify). */
    ObjectArrayList<SceneMultiplayer> instances() {
        return instances;
    }

    void register(SceneMultiplayer multiplayer) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).rootPath().equals(multiplayer.rootPath())) {
                throw new IllegalArgumentException("a SceneMultiplayer with root path '" + multiplayer.rootPath()
                        + "' already exists in this World; give each instance its own root path");
            }
        }
        instances.add(multiplayer);
    }

    void unregister(SceneMultiplayer multiplayer) {
        instances.remove(multiplayer);
    }
}
