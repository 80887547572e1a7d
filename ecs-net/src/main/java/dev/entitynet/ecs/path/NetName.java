package dev.entitynet.ecs.path;

import com.artemis.PooledComponent;

/**
 * An entity's name in the network tree, and its parent entity ({@code -1} = a top-level entity).
 * Entity paths are chains of names ("Level/Players/Bob") resolved by {@link EntityPaths}. Change a
 * name or parent through {@link EntityPaths#setName}, which keeps the index current at once; the
 * index also picks up components added or removed directly, at the next artemis flush.
 */
public final class NetName extends PooledComponent {
    /** The entity's name: unique among its siblings, no '/'. */
    public String name;
    /** The parent entity id, or -1 for a top-level entity. */
    public int parent = -1;

    /** An unnamed component (artemis needs the public no-arg constructor). */
    public NetName() {
    }

    @Override
    protected void reset() {
        name = null;
        parent = -1;
    }
}
