package dev.entitynet.replication.spawn;

import com.artemis.Aspect;
import com.artemis.ComponentMapper;
import com.artemis.EntitySubscription;
import com.artemis.World;
import com.artemis.utils.IntBag;

/** The World's spawners and the parents their spawns live under. */
final class SpawnerIndex {
    private final ComponentMapper<Spawner> spawners;
    private final EntitySubscription spawnerEntities;

    SpawnerIndex(World world) {
        this.spawners = world.getMapper(Spawner.class);
        this.spawnerEntities = world.getAspectSubscriptionManager().get(Aspect.all(Spawner.class));
    }

    /** The entity {@code spawner}'s spawns are children of. */
    static int spawnParentOf(int spawner, Spawner sp) {
        return sp.spawnParent >= 0 ? sp.spawnParent : spawner;
    }

    /** The spawner whose spawn parent is {@code parent}, or -1. */
    int spawnerFor(int parent) {
        if (parent < 0) {
            return -1;
        }
        IntBag all = spawnerEntities.getEntities();
        for (int i = 0; i < all.size(); i++) {
            int s = all.get(i);
            if (spawnParentOf(s, spawners.get(s)) == parent) {
                return s;
            }
        }
        return -1;
    }

    /**
     * @throws IllegalArgumentException when {@code spawner} has no Spawner component
     */
    Spawner require(int spawner) {
        Spawner sp = spawners.get(spawner);
        if (sp == null) {
            throw new IllegalArgumentException("entity " + spawner + " has no Spawner component");
        }
        return sp;
    }
}
