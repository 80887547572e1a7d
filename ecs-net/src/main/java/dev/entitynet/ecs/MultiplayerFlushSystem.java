package dev.entitynet.ecs;

import com.artemis.BaseSystem;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/**
 * Last system of a tick: lets every registered {@link SceneMultiplayer} gather, encode and send
 * (the replication layer's network process).
 */
public final class MultiplayerFlushSystem extends BaseSystem {
    private MultiplayerPollSystem pollSystem;

    @Override
    protected void processSystem() {
        ObjectArrayList<SceneMultiplayer> instances = pollSystem.instances();
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).flush();
        }
    }
}
